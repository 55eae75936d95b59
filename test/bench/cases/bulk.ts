// "bulk pacing" and "bulk vs serial": the bulk engine (src/bulk/bulkEngine.ts runBulkJobs over
// runBulk) sending 500 guest updates through ONE TallyfyClient to the sandbox (a child process).
import * as fs from 'fs';
import * as path from 'path';
import { RateLimitError } from '../../../src/api/errors';
import type { Guest } from '../../../src/api/types';
import { runBulkJobs, type BulkJob, type GuestResult } from '../../../src/bulk/bulkEngine';
import { GuestStore } from '../../../src/state/guestStore';
import { benchClient } from '../benchClient';
import { startChildSandbox, type ChildSandbox } from '../sandboxProcess';
import { msSince, round, summarize } from '../stats';
import type { BenchContext, CaseResult } from '../types';

const RATE = { perSecond: 50, burst: 10 };
const LATENCY_MS = 20;

/** tallyfy.maxConcurrentRequests' default, read from the manifest so the case follows it. */
export function defaultConcurrency(root: string): number {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    contributes?: { configuration?: { properties?: Record<string, { default?: unknown }> } };
  };
  const value = manifest.contributes?.configuration?.properties?.['tallyfy.maxConcurrentRequests']?.default;
  if (typeof value !== 'number') throw new Error('package.json has no default for tallyfy.maxConcurrentRequests');
  return value;
}

async function firstGuests(sandbox: ChildSandbox, count: number): Promise<Guest[]> {
  const guests: Guest[] = [];
  for await (const page of benchClient(sandbox).listGuests({ perPage: 100 })) {
    guests.push(...page.guests);
    if (guests.length >= count) break;
  }
  return guests.slice(0, count);
}

/** One update per guest; `run` makes every run's value new, so each PUT is a real change. */
function jobs(guests: readonly Guest[], run: string): BulkJob[] {
  return guests.map((guest) => ({ kind: 'update', guest, changes: { company_name: `Bench ${run}` } }));
}

interface Outcome { ms: number; results: GuestResult[] }

async function timedRun(sandbox: ChildSandbox, guests: readonly Guest[], run: string, concurrency: number): Promise<Outcome> {
  const client = benchClient(sandbox); // fresh: no rate-limit state carried over from an earlier run
  const store = new GuestStore();
  store.reset(guests);
  const start = process.hrtime.bigint();
  const { results, fatal } = await runBulkJobs(client, jobs(guests, run), store, { concurrency });
  const ms = msSince(start);
  if (fatal) throw new Error(`bulk run stopped: ${fatal instanceof Error ? fatal.message : String(fatal)}`);
  return { ms, results };
}

function failures(results: readonly GuestResult[]): { failed: number; rateLimited: number; reasons: string[] } {
  const failed = results.filter((r) => r.status !== 'changed');
  return {
    failed: failed.length,
    rateLimited: failed.filter((r) => r.error instanceof RateLimitError).length,
    reasons: [...new Set(failed.map((r) => `${r.status}: ${r.reason ?? ''}`))].slice(0, 3),
  };
}

async function pacing(sandbox: ChildSandbox, guests: readonly Guest[], concurrency: number): Promise<CaseResult> {
  await sandbox.configure({ rateLimit: RATE, latencyMs: 0 }); // a fresh, full bucket
  await sandbox.clearRequests();
  const { ms, results } = await timedRun(sandbox, guests, 'pacing', concurrency);
  const recorded = await sandbox.requests();
  await sandbox.configure({ rateLimit: null });
  const refused = recorded.filter((r) => r.status === 429).length;
  const f = failures(results);
  const achieved = guests.length / (ms / 1000);
  const share = achieved / RATE.perSecond;
  // The best a client can do: the burst at once, then one request per refill interval.
  const ideal = guests.length / ((guests.length - RATE.burst) / RATE.perSecond);
  const ok = share >= 0.9 && f.failed === 0 && f.rateLimited === 0;
  return {
    id: 'bulk-pacing',
    name: 'bulk pacing',
    what: `${guests.length} updates, concurrency ${concurrency}, sandbox limited to ${RATE.perSecond} requests/s (burst ${RATE.burst})`,
    target: '≥ 0.90 × R, 0 failures, 0 429s surfaced',
    status: ok ? 'pass' : 'fail',
    figure: round(share, 3),
    unit: '× R',
    display: `${share.toFixed(2)} × R (${achieved.toFixed(1)} req/s), ${f.failed} failures, ${f.rateLimited} 429s surfaced`,
    notes: [
      `${(ms / 1000).toFixed(2)} s for ${guests.length} updates; ${recorded.length} requests reached the sandbox and it refused ${refused} with 429 (the client retries a refused request after Retry-After instead of reporting it). The most this bucket allows is ${ideal.toFixed(1)} req/s (the burst at once, then ${RATE.perSecond}/s).`,
      ...f.reasons.map((r) => `failure: ${r}`),
    ],
    details: { ms: round(ms, 1), achievedPerSecond: round(achieved, 2), serverRefused429: refused, requests: recorded.length, ...f },
  };
}

async function bulkVsSerial(sandbox: ChildSandbox, guests: readonly Guest[], concurrency: number, pairs: number): Promise<CaseResult> {
  await sandbox.configure({ rateLimit: null, latencyMs: LATENCY_MS });
  const ratios: number[] = [];
  const bulkMs: number[] = [];
  const serialMs: number[] = [];
  let failed = 0;
  for (let pair = 0; pair < pairs; pair++) {
    // Alternate which goes first, so a change in machine load does not always favour one side.
    const order = pair % 2 === 0 ? [concurrency, 1] : [1, concurrency];
    const timings = new Map<number, number>();
    for (const c of order) {
      const { ms, results } = await timedRun(sandbox, guests, `vs-${pair}-${c}`, c);
      failed += failures(results).failed;
      timings.set(c, ms);
    }
    bulkMs.push(timings.get(concurrency) as number);
    serialMs.push(timings.get(1) as number);
    ratios.push((timings.get(1) as number) / (timings.get(concurrency) as number));
  }
  await sandbox.configure({ latencyMs: 0 });
  const s = summarize(ratios);
  return {
    id: 'bulk-vs-serial',
    name: 'bulk vs serial',
    what: `${guests.length} updates, sandbox adding ${LATENCY_MS} ms per request, no rate limit: concurrency ${concurrency} vs 1, ${pairs} pairs`,
    target: '≥ 3× faster',
    status: s.median >= 3 && failed === 0 ? 'pass' : 'fail',
    figure: round(s.median, 2),
    unit: '×',
    display: `${s.median.toFixed(2)}× faster${failed > 0 ? `, ${failed} failures` : ''}`,
    spread: `ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}`,
    notes: [`median ${(summarize(bulkMs).median / 1000).toFixed(2)} s at concurrency ${concurrency}, ${(summarize(serialMs).median / 1000).toFixed(2)} s one at a time.`],
    details: { bulkMs: bulkMs.map((v) => round(v, 1)), serialMs: serialMs.map((v) => round(v, 1)), failed },
  };
}

export async function bulkCases(context: BenchContext): Promise<CaseResult[]> {
  const count = context.quick ? 100 : 500;
  const concurrency = defaultConcurrency(context.root);
  const sandbox = await startChildSandbox(context.root, { guests: 1000 });
  try {
    const guests = await firstGuests(sandbox, count);
    context.log(`bulk pacing: ${count} updates at ${RATE.perSecond}/s`);
    const paced = await pacing(sandbox, guests, concurrency);
    context.log(`bulk vs serial: ${count} updates with ${LATENCY_MS} ms latency`);
    const versus = await bulkVsSerial(sandbox, guests, concurrency, context.quick ? 1 : 2);
    return [paced, versus];
  } finally {
    await sandbox.stop();
  }
}
