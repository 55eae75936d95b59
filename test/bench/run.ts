// `npm run bench [-- --quick] [-- --only id,id]`: runs every benchmark case, prints a table and
// writes BENCHMARKS.md + bench-results.json (with --quick: out/bench/*.quick.*, so a CI check never
// overwrites the committed figures). Exits 0 whenever the script itself works, targets met or not;
// non-zero only when it crashes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../host/paths';
import { activationCase } from './cases/activation';
import { artifactCases } from './cases/artifacts';
import { bulkCases } from './cases/bulk';
import { httpOverheadCases } from './cases/httpOverhead';
import { memoryCase } from './cases/memory';
import { treeBuildCases } from './cases/treeBuild';
import { machineInfo, readIfExists, renderMarkdown, renderTable, type BenchRun } from './report';
import { notMeasured, type BenchCase, type BenchContext, type CaseResult } from './types';

/** In run order; the cheap, CPU-only cases first. The ids select with --only. */
const CASES: { ids: string[]; run: BenchCase }[] = [
  { ids: ['tree-build', 'tree-tooltips'], run: treeBuildCases },
  { ids: ['memory'], run: memoryCase },
  { ids: ['update-overhead', 'list-overhead'], run: httpOverheadCases },
  { ids: ['bulk-pacing', 'bulk-vs-serial'], run: bulkCases },
  { ids: ['bundle', 'package'], run: artifactCases },
  { ids: ['activation'], run: activationCase },
];

function parseArgs(argv: string[]): { quick: boolean; only: string[] | undefined } {
  const quick = argv.includes('--quick');
  const at = argv.indexOf('--only');
  const only = at >= 0 && argv[at + 1] ? argv[at + 1].split(',') : undefined;
  return { quick, only };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = repoRoot();
  const started = Date.now();
  const context: BenchContext = { quick: args.quick, root, log: (m) => console.log(`[bench] ${m}`) };
  const loadBefore = os.loadavg();
  const results: CaseResult[] = [];
  let crashed = false;
  const timings: BenchRun['timings'] = [];
  for (const entry of CASES) {
    if (args.only && !entry.ids.some((id) => args.only?.includes(id))) continue;
    const caseStart = Date.now();
    let list: CaseResult[];
    try {
      const produced = await entry.run(context);
      list = Array.isArray(produced) ? produced : [produced];
    } catch (error) {
      // Reported, the other cases still run, and the exit code says the script broke.
      crashed = true;
      const reason = `the case crashed: ${error instanceof Error ? error.message : String(error)}`;
      console.error(`[bench] ${entry.ids.join(', ')}: ${error instanceof Error ? error.stack : reason}`);
      list = entry.ids.map((id) => notMeasured(id, id, '', '', reason));
    }
    timings.push({ cases: list.map((r) => r.name), seconds: Math.round((Date.now() - caseStart) / 100) / 10 });
    results.push(...list);
    for (const r of list) console.log(`[bench] ${r.name}: ${r.display} (target ${r.target}) → ${r.status}`);
  }
  const run: BenchRun = {
    date: new Date().toISOString(),
    quick: args.quick,
    totalSeconds: Math.round((Date.now() - started) / 100) / 10,
    machine: machineInfo(loadBefore, os.loadavg()),
    timings,
    results,
  };
  // Only a full run of every case replaces the committed files.
  const partial = args.quick || args.only !== undefined;
  const outDir = partial ? path.join(root, 'out', 'bench') : root;
  fs.mkdirSync(outDir, { recursive: true });
  const suffix = args.quick ? '.quick' : args.only ? '.partial' : '';
  const jsonFile = path.join(outDir, `bench-results${suffix}.json`);
  const mdFile = path.join(outDir, `BENCHMARKS${suffix}.md`);
  fs.writeFileSync(jsonFile, `${JSON.stringify(run, null, 2)}\n`);
  fs.writeFileSync(mdFile, renderMarkdown(run, readIfExists(mdFile)));
  console.log(`\n${renderTable(run)}`);
  console.log(`\n[bench] ${results.length} cases in ${run.totalSeconds} s; wrote ${path.relative(root, mdFile)} and ${path.relative(root, jsonFile)}`);
  if (crashed) throw new Error('at least one case crashed (see above)');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exit(1);
  },
);
