// "tree build": the pure work the tree provider does for 10,000 guests (sortGuests, groupByCompany,
// and guestTreeData per item, which guestTreeItem wraps in a TreeItem). The provider itself imports
// `vscode` and cannot run in plain Node, so its TreeItem allocation is not included.
// Also reports what the hover text (guestTooltipMarkdown) would cost if built for every item.
import type { Guest } from '../../../src/api/types';
import { guestTooltipMarkdown } from '../../../src/model/guestDisplay';
import { groupByCompany, guestTreeData, sortGuests, type GuestTreeData } from '../../../src/model/guestList';
import { normalizedGuests } from '../guests';
import { msSince, round, spreadText, summarize } from '../stats';
import type { BenchContext, CaseResult } from '../types';

const GUESTS = 10_000;
const TARGET_MS = 100;

/** What the provider does on a full refresh with "group by company" on: sort, group, one item per guest. */
export function buildTree(guests: readonly Guest[]): { companies: number; items: GuestTreeData[] } {
  const groups = groupByCompany(sortGuests(guests, 'name'));
  const items: GuestTreeData[] = [];
  for (const group of groups) for (const guest of group.guests) items.push(guestTreeData(guest));
  return { companies: groups.length, items };
}

function isGetter(object: object, key: string): boolean {
  for (let o: object | null = object; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(o, key);
    if (descriptor) return typeof descriptor.get === 'function';
  }
  return false;
}

function timeRuns(runs: number, warmups: number, body: () => void): number[] {
  for (let i = 0; i < warmups; i++) body();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    body();
    samples.push(msSince(start));
  }
  return samples;
}

export async function treeBuildCases(context: BenchContext): Promise<CaseResult[]> {
  const guests = normalizedGuests(GUESTS);
  const runs = context.quick ? 3 : 15;
  let built = buildTree(guests);
  if (built.items.length !== GUESTS) throw new Error(`built ${built.items.length} items for ${GUESTS} guests`);
  const build = summarize(timeRuns(runs, 3, () => (built = buildTree(guests))));
  let tooltipChars = 0;
  const tooltips = summarize(timeRuns(runs, 3, () => {
    tooltipChars = 0;
    for (const guest of guests) tooltipChars += guestTooltipMarkdown(guest).length;
  }));
  const treeCase: CaseResult = {
    id: 'tree-build',
    name: 'tree build',
    what: `sortGuests(name) + groupByCompany + guestTreeData for ${GUESTS.toLocaleString('en')} guests (${built.companies} company groups), median of ${runs} after 3 warm-ups`,
    target: `< ${TARGET_MS} ms median`,
    status: build.median < TARGET_MS ? 'pass' : 'fail',
    figure: round(build.median, 1),
    unit: 'ms',
    display: `${build.median.toFixed(1)} ms`,
    spread: spreadText(build, 1, ' ms'),
    notes: [
      'Measures the pure part of the provider (src/model/guestList.ts); the vscode.TreeItem wrapper (guestTreeNodes.ts) cannot run outside VS Code. VS Code asks for TreeItems of every child of an expanded node, so all 10,000 are built on a full refresh.',
    ],
    details: { samplesMs: build, companies: built.companies },
  };
  // Lazy when guestTreeData leaves the tooltip to a getter (own or inherited) instead of building it with the item.
  const lazy = isGetter(built.items[0], 'tooltipMarkdown');
  const tooltipCase: CaseResult = {
    id: 'tree-tooltips',
    name: 'tooltips',
    what: `guestTooltipMarkdown for all ${GUESTS.toLocaleString('en')} guests, median of ${runs}; not part of the tree build`,
    target: 'built lazily, not per refresh',
    status: lazy ? 'pass' : 'fail',
    figure: round(tooltips.median, 1),
    unit: 'ms',
    display: `${tooltips.median.toFixed(1)} ms for 10,000 (${((tooltips.median / GUESTS) * 1000).toFixed(1)} µs each)`,
    spread: spreadText(tooltips, 1, ' ms'),
    notes: [
      `${Math.round(tooltipChars / GUESTS)} characters per tooltip on average. guestTreeData ${lazy ? 'builds the tooltip only when it is read' : 'builds the tooltip EAGERLY for every item'}; the tree provider (src/views/guestTreeNodes.ts) sets no tooltip in getTreeItem and builds it in resolveTreeItem, i.e. for one guest when the pointer rests on its row. This figure is what building all of them would add to every full refresh.`,
    ],
    details: { samplesMs: tooltips, averageChars: Math.round(tooltipChars / GUESTS) },
  };
  return [treeCase, tooltipCase];
}
