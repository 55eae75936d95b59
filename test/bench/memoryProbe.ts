// Run by cases/memory.ts as `node --expose-gc memoryProbe.js <guests>`: measures the heap growth
// of holding N guests in a GuestStore plus their tree data, and prints one JSON line.
// A separate process so nothing else the benchmark allocated is on the heap.
import { normalizeGuest } from '../../src/api/guest';
import type { Guest } from '../../src/api/types';
import { GuestStore } from '../../src/state/guestStore';
import { buildTree } from './cases/treeBuild';
import { rawGuests } from './guests';

const PER_PAGE = 100;

declare const gc: (() => void) | undefined;

function heapUsed(): number {
  if (typeof gc !== 'function') throw new Error('run with node --expose-gc');
  // Twice: the first pass can leave objects for finalizers to the second.
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** What guestTreeNodes.ts keeps per guest: a GuestNode and the TreeItem it built (as plain objects). */
function itemObjects(items: ReturnType<typeof buildTree>['items'], guests: Map<string, Guest>): unknown[] {
  return items.map((data) => {
    const node = { kind: 'guest', key: data.id.slice('guest:'.length), guest: guests.get(data.id.slice('guest:'.length)), item: undefined as unknown };
    node.item = {
      label: data.label,
      id: data.id,
      description: data.description,
      contextValue: data.contextValue,
      iconPath: { id: data.iconId },
      accessibilityInformation: { label: data.description ? `${data.label}, ${data.description}` : data.label, role: 'treeitem' },
      command: { command: 'tallyfy.editGuest', title: 'Edit Guest', arguments: [node] },
      collapsibleState: 0,
    };
    return node;
  });
}

function main(): void {
  const count = Number(process.argv[2] ?? 10_000);
  // The wire text of each page exists before the baseline and stays alive after: only what the
  // extension keeps from it is counted.
  const raw = rawGuests(count);
  const pages: string[] = [];
  for (let i = 0; i < raw.length; i += PER_PAGE) pages.push(JSON.stringify({ data: raw.slice(i, i + PER_PAGE) }));
  raw.length = 0;

  const before = heapUsed();
  const store = new GuestStore();
  for (const page of pages) store.addPage((JSON.parse(page) as { data: unknown[] }).data.map(normalizeGuest));
  const afterStore = heapUsed();
  const tree = buildTree(store.all());
  const afterTreeData = heapUsed();
  const byKey = new Map(store.all().map((g) => [g.email.toLowerCase(), g]));
  const items = itemObjects(tree.items, byKey);
  byKey.clear();
  const afterItems = heapUsed();

  if (store.size !== count || items.length !== count) throw new Error(`held ${store.size} guests and ${items.length} items, expected ${count}`);
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 100) / 100;
  process.stdout.write(`${JSON.stringify({
    guests: store.size,
    storeMb: mb(afterStore - before),
    treeDataMb: mb(afterTreeData - afterStore),
    itemsMb: mb(afterItems - afterTreeData),
    totalMb: mb(afterItems - before),
    pagesHeldMb: mb(pages.reduce((n, p) => n + p.length, 0)),
  })}\n`);
}

main();
