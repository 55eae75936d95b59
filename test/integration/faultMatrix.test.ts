// The fault matrix: every fault the sandbox can inject × every operation a user runs, one `it` per
// cell, generated from the two tables below. Each cell checks what the user sees (faultMatrix
// Operations.ts) and the client's retry rules: how many attempts the faulted request got and which
// waits the client asked for (its sleep is injected: recorded, then cut short, so the matrix is fast).
// The matrix is printed at the end and written to test-results/fault-matrix.md; docs/reliability.md
// keeps a copy, which the last test compares with the tables.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Fault, FaultMatch } from '../sandbox';
import { repoRoot, testResultsDir } from '../host/paths';
import { OPERATIONS } from './faultMatrixOperations';
import { useMatrixFixture, type Expectation, type MatrixFixture, type Observed, type Operation, type OperationKey } from './faultMatrixSetup';
import { setSetting } from './tallyfyExtension';

/** How many retries the client allows (ClientOptions.maxRetries default). */
const MAX_ATTEMPTS = 5;
const SLOW_MS = 5000;

/** The waits the client asks for: none, Retry-After per 429, backoff per retry, or not checked. */
type Waits = 'none' | 'retryAfter' | 'backoff' | 'unchecked';

interface FaultRow {
  key: string;
  title: string;
  /** The fault on the operation's request (undefined: the sandbox is stopped instead). */
  fault?: (match: FaultMatch) => Fault;
  /** Seconds for tallyfy.requestTimeoutSeconds during the cell. */
  timeoutSeconds?: number;
  minElapsedMs?: number;
  /** What each operation should do under this fault. */
  expect(op: OperationKey): Expectation & { waits: Waits; label: string };
}

const idempotent = (op: OperationKey): boolean => op !== 'create';

/** Idempotent requests get `hits` bad answers and then a good one; create fails at once. */
function transient(hits: number, message: RegExp, label: string) {
  return (op: OperationKey) =>
    idempotent(op)
      ? { ok: true, attempts: hits + 1, waits: 'backoff' as const, label: `OK after ${hits} retr${hits === 1 ? 'y' : 'ies'}` }
      : { ok: false, attempts: 1, message, waits: 'none' as const, label: `fails: ${label}` };
}

const ROWS: FaultRow[] = [
  {
    key: 'rateLimit',
    title: '429 burst (Retry-After: 1) ×3',
    fault: (match) => ({ kind: 'rateLimit', retryAfter: 1, times: 3, match }),
    expect: () => ({ ok: true, attempts: 4, waits: 'retryAfter', label: 'OK after waiting out 3 × Retry-After' }),
  },
  {
    key: 'http500',
    title: '500 on every attempt',
    fault: (match) => ({ kind: 'status', status: 500, times: Infinity, match }),
    expect: (op) => ({
      ok: false,
      attempts: idempotent(op) ? MAX_ATTEMPTS : 1,
      message: /Tallyfy had an internal error \(HTTP 500: Server Error\)/,
      waits: idempotent(op) ? 'backoff' : 'none',
      label: `fails after ${idempotent(op) ? MAX_ATTEMPTS : 1} attempt${idempotent(op) ? 's' : ''}: ServerError "internal error (HTTP 500)"`,
    }),
  },
  {
    key: 'html503',
    title: '503 HTML page ×2',
    fault: (match) => ({ kind: 'html', status: 503, times: 2, match }),
    expect: transient(2, /Tallyfy answered with an error page \(HTTP 503\)/, 'ServerError "error page (HTTP 503)"'),
  },
  {
    key: 'reset',
    title: 'connection reset ×2',
    fault: (match) => ({ kind: 'reset', times: 2, match }),
    expect: transient(2, /Could not reach Tallyfy \(ECONNRESET\)/, 'NetworkError "Could not reach Tallyfy (ECONNRESET)"'),
  },
  {
    key: 'hang',
    title: 'hang ×1 (timeout 1 s)',
    fault: (match) => ({ kind: 'hang', times: 1, match }),
    timeoutSeconds: 1,
    expect: transient(1, /Tallyfy did not answer within 1 s/, 'TimeoutError "did not answer within 1 s"'),
  },
  {
    key: 'truncate',
    title: 'truncated JSON on a 2xx',
    fault: (match) => ({ kind: 'truncate', times: 1, match }),
    expect: (op) =>
      op === 'list' || op === 'get'
        ? { ok: false, attempts: 1, message: /answer to GET \(HTTP 200\) was not valid JSON/, waits: 'none', label: 'fails: ProtocolError "not valid JSON" (not retried)' }
        : { ok: true, attempts: 1, waits: 'none', label: op === 'delete' ? 'OK (the body is not needed)' : 'OK: the result is read back from Tallyfy' },
  },
  {
    key: 'delay',
    title: '5 s delay',
    fault: (match) => ({ kind: 'delay', ms: SLOW_MS, times: 1, match }),
    minElapsedMs: SLOW_MS - 100,
    expect: () => ({ ok: true, attempts: 1, waits: 'none', label: 'OK after 5 s, sent once' }),
  },
  {
    key: 'refused',
    title: 'connection refused (sandbox stopped)',
    expect: (op) => ({
      ok: false,
      attempts: idempotent(op) ? MAX_ATTEMPTS : 1,
      message: /Could not reach Tallyfy \(ECONNREFUSED\)/,
      // create: the POST is not retried, but the look-up by email that follows is (it is a GET).
      waits: idempotent(op) ? 'backoff' : 'unchecked',
      label: `fails after ${idempotent(op) ? MAX_ATTEMPTS : 1} attempt${idempotent(op) ? 's' : ''}: NetworkError "ECONNREFUSED"`,
    }),
  },
  {
    key: 'dropAfterCommit',
    title: 'connection dropped after Tallyfy did the work',
    fault: (match) => ({ kind: 'dropAfterCommit', times: 1, match }),
    expect: (op) =>
      idempotent(op)
        ? { ok: true, attempts: 2, waits: 'backoff', label: op === 'delete' ? 'OK: the retry finds it gone, which means done' : 'OK after 1 retry' }
        : { ok: true, attempts: 1, waits: 'none', label: 'OK: not resent; found by email and reported created' },
  },
];

/** Backoff n (0-based) is 500 ms × 2^n ± 20 %, capped at 8 s (src/api/retry.ts). */
function assertWaits(expected: Waits, attempts: number, sleeps: number[]): void {
  if (expected === 'unchecked') return;
  if (expected === 'none') {
    assert.deepEqual(sleeps, [], 'the client did not wait: nothing was retried');
    return;
  }
  if (expected === 'retryAfter') {
    const waits = sleeps.filter((ms) => ms > 800 && ms <= 1000);
    assert.ok(waits.length >= attempts - 1, `each 429 held requests for its Retry-After (1 s); waits asked: ${sleeps.join(', ')}`);
    return;
  }
  let from = 0;
  for (let n = 0; n < attempts - 1; n++) {
    const base = Math.min(8000, 500 * 2 ** n);
    const at = sleeps.findIndex((ms, i) => i >= from && ms >= base * 0.8 - 1 && ms <= base * 1.2 + 1);
    assert.ok(at >= 0, `backoff ${n + 1} of ~${base} ms ±20 % before retry ${n + 1}; waits asked: ${sleeps.join(', ')}`);
    from = at + 1;
  }
}

interface CellResult {
  row: FaultRow;
  op: Operation;
  title: string;
  passed?: boolean;
}

const results: CellResult[] = [];

function cellTitle(row: FaultRow, op: Operation): string {
  const expected = row.expect(op.key);
  return `${op.title}: ${expected.label}; ${expected.ok ? op.onSuccess : op.onFailure}`;
}

describe('Fault matrix (faults × operations against the sandbox)', function () {
  this.timeout(30_000);
  const fx = useMatrixFixture();
  let started = 0;
  before(() => (started = Date.now()));

  for (const [rowIndex, row] of ROWS.entries()) {
    describe(row.title, () => {
      for (const op of OPERATIONS) {
        const result: CellResult = { row, op, title: cellTitle(row, op) };
        results.push(result);
        it(result.title, async () => {
          const expected = row.expect(op.key);
          if (row.timeoutSeconds !== undefined) await setSetting('requestTimeoutSeconds', row.timeoutSeconds);
          const started = Date.now();
          const observed: Observed = await op.run({
            fx,
            row: rowIndex,
            expect: expected,
            serverDown: row.fault === undefined,
            inject: (match) => inject(fx, row, match),
            clearFault: () => (row.fault === undefined ? fx.restart() : Promise.resolve(fx.sandbox.clearFaults())),
          });
          assert.equal(observed.attempts, expected.attempts, `attempts at the faulted request (${row.title})`);
          assertWaits(expected.waits, expected.attempts, observed.sleeps);
          if (row.minElapsedMs !== undefined) assert.ok(Date.now() - started >= row.minElapsedMs, 'the slow answer was waited for');
          result.passed = true;
        });
      }
    });
  }

  after(() => {
    const table = matrixMarkdown(results);
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`\nFault matrix (${results.filter((r) => r.passed).length} of ${results.length} cells passed, ${seconds} s):\n${table}\n`);
    fs.mkdirSync(testResultsDir(), { recursive: true });
    fs.writeFileSync(path.join(testResultsDir(), 'fault-matrix.md'), `${table}\n`);
  });

  it('docs/reliability.md holds this matrix (update it from test-results/fault-matrix.md)', () => {
    const docs = fs.readFileSync(path.join(repoRoot(), 'docs', 'reliability.md'), 'utf8');
    const expected = matrixMarkdown(results.map((r) => ({ ...r, passed: true })));
    const copy = /<!-- fault-matrix:start -->\n([\s\S]*?)\n<!-- fault-matrix:end -->/.exec(docs)?.[1];
    assert.equal(copy, expected);
  });
});

async function inject(fx: MatrixFixture, row: FaultRow, match: FaultMatch): Promise<void> {
  if (row.fault) fx.sandbox.injectFault(row.fault(match));
  else await fx.stop();
}

/** The grid (faults × operations) of short outcomes, then one line per cell with its test. */
function matrixMarkdown(cells: readonly CellResult[]): string {
  const mark = (cell: CellResult | undefined): string => (cell?.passed ? '✅' : '❌');
  const short = (cell: CellResult): string => {
    const e = cell.row.expect(cell.op.key);
    return `${mark(cell)} ${e.ok ? 'OK' : 'fails'} (${e.attempts})`;
  };
  const lines = [
    `| Fault | ${OPERATIONS.map((op) => op.title).join(' | ')} |`,
    `|---|${OPERATIONS.map(() => '---').join('|')}|`,
  ];
  for (const row of ROWS) {
    const inRow = OPERATIONS.map((op) => cells.find((c) => c.row === row && c.op === op));
    lines.push(`| ${row.title} | ${inRow.map((c) => (c ? short(c) : '')).join(' | ')} |`);
  }
  lines.push(
    '',
    '(n) = attempts the client made at the faulted request. Each cell is one test, named "<fault> <operation>: <outcome>":',
    '',
    '| Fault | Test: operation, then the outcome the user sees | Result |',
    '|---|---|---|',
  );
  for (const cell of cells) lines.push(`| ${cell.row.title} | ${cell.title} | ${mark(cell)} |`);
  return lines.join('\n');
}
