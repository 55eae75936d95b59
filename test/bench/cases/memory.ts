// "memory": heap growth for 10,000 normalised guests in a GuestStore plus their tree data and
// item objects, measured in fresh `node --expose-gc` processes (memoryProbe.ts); median of runs.
import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import { round, spreadText, summarize } from '../stats';
import type { BenchContext, CaseResult } from '../types';

const GUESTS = 10_000;
const TARGET_MB = 30;

interface Probe { guests: number; storeMb: number; treeDataMb: number; itemsMb: number; totalMb: number }

export async function memoryCase(context: BenchContext): Promise<CaseResult> {
  const probe = path.join(context.root, 'out', 'test', 'bench', 'memoryProbe.js');
  const runs = context.quick ? 1 : 5;
  const probes: Probe[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', probe, String(GUESTS)], { cwd: context.root });
    probes.push(JSON.parse(stdout.trim()) as Probe);
  }
  const total = summarize(probes.map((p) => p.totalMb));
  const mid = (key: keyof Probe) => summarize(probes.map((p) => p[key])).median.toFixed(1);
  return {
    id: 'memory',
    name: 'memory',
    what: `heapUsed growth (gc before and after) for ${GUESTS.toLocaleString('en')} guests in a GuestStore + sorted/grouped tree data + a GuestNode and TreeItem-shaped object per guest, median of ${runs} fresh processes`,
    target: `< ${TARGET_MB} MB`,
    status: total.median < TARGET_MB ? 'pass' : 'fail',
    figure: round(total.median, 2),
    unit: 'MB',
    display: `${total.median.toFixed(1)} MB`,
    spread: spreadText(total, 2, ' MB', 'processes'),
    notes: [
      `store (normalised guests) ${mid('storeMb')} MB, tree data ${mid('treeDataMb')} MB, node + item objects ${mid('itemsMb')} MB (medians). The real vscode.TreeItem/ThemeIcon instances cannot be created outside VS Code; plain objects with the same fields stand in for them.`,
    ],
    details: { probes },
  };
}
