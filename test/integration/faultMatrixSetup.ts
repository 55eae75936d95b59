// Set-up of the fault matrix (faultMatrix.test.ts): one sandbox the extension is signed in to, a
// scripted UI that can run a step (clear the fault, restart the sandbox) just before it answers a
// message, a fast recording `sleep` and a request recorder in every client, and the check that the
// tree shows exactly what Tallyfy has. The sandbox can be stopped (connection refused) and started
// again on the same port. Also the types of a cell (faultMatrixOperations.ts implements them).
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { sleep as realSleep } from '../../src/api/sleep';
import type { Guest, RequestRecord } from '../../src/api/types';
import type { Editing } from '../../src/views/editing';
import type { Severity } from '../../src/views/userInterface';
import { startSandbox, type FaultMatch, type Sandbox, type SandboxGuest, type SandboxOptions } from '../sandbox';
import { pointSettingsAt } from './helpers';
import { ScriptedUi } from './scriptedUi';
import { extension, setSetting, signIn, signOut, waitForState, type Extension } from './tallyfyExtension';

/** Seed 7: generated emails differ from the other suites' (their details documents may still be open). */
const SANDBOX_OPTIONS: SandboxOptions = { guests: 30, seed: 7 };
export const PAGE_SIZE = 10;
/** Longest real wait the recording sleep allows: retry rules are asserted on what was asked, not waited out. */
const FAST_SLEEP_MS = 15;

interface MessageHook {
  match: RegExp;
  action: string;
  before: () => Promise<void>;
}

/** A ScriptedUi that can run a step (e.g. clear the fault) right before it answers a given message. */
export class MatrixUi extends ScriptedUi {
  private readonly hooks: MessageHook[] = [];

  /** The next message matching `match` runs `before`, then is answered with `action`. */
  answerMessageAfter(match: RegExp, before: () => Promise<void>, action: string): this {
    this.hooks.push({ match, before, action });
    return this;
  }

  override async showMessage(severity: Severity, message: string, options: { modal?: boolean; detail?: string }, ...actions: string[]): Promise<string | undefined> {
    const index = this.hooks.findIndex((h) => h.match.test(message));
    if (index >= 0) {
      const [hook] = this.hooks.splice(index, 1);
      await hook.before();
      this.answerMessage(hook.action, hook.match);
    }
    return super.showMessage(severity, message, options, ...actions);
  }
}

export interface MatrixFixture {
  ext: Extension;
  editing: Editing;
  ui: MatrixUi;
  /** The running sandbox (a new object after restart()). */
  readonly sandbox: Sandbox;
  /** Waits the client asked its sleep for (retry backoff, Retry-After), in order. */
  sleeps: number[];
  /** Every request attempt the client finished or gave up on (status undefined: no answer). */
  attempts: RequestRecord[];
  /** Stops the sandbox: every connection is refused until restart(). */
  stop(): Promise<void>;
  /** Starts the sandbox again on the same port (seeded state, as after reset()). */
  restart(): Promise<void>;
}

export function useMatrixFixture(): MatrixFixture {
  let sandbox: Sandbox | undefined;
  let port = 0;
  let restoreUi: () => void;
  let restoreSettings: () => Promise<void>;
  const fx = {
    sleeps: [] as number[],
    attempts: [] as RequestRecord[],
    get sandbox(): Sandbox {
      assert.ok(sandbox, 'the sandbox is stopped');
      return sandbox;
    },
    async stop() {
      await sandbox?.close();
      sandbox = undefined;
    },
    async restart() {
      if (!sandbox) sandbox = await startSandbox({ ...SANDBOX_OPTIONS, port });
    },
  } as MatrixFixture;

  const installClientRecorders = (): void => {
    fx.ext.services.clients.setTestOverrides({
      sleep: (ms, signal) => {
        fx.sleeps.push(ms);
        return realSleep(Math.min(ms, FAST_SLEEP_MS), signal);
      },
      onRequest: (record) => fx.attempts.push(record),
    });
  };

  before(async function () {
    this.timeout(60_000);
    fx.ext = await extension();
    fx.editing = fx.ext.api.editing;
    const previousUi = fx.ext.services.ui;
    restoreUi = () => (fx.ext.services.ui = previousUi);
    fx.ui = new MatrixUi();
    fx.ext.services.ui = fx.ui;
    await signOut(fx.ext.services);
    sandbox = await startSandbox(SANDBOX_OPTIONS);
    port = sandbox.port;
    restoreSettings = await pointSettingsAt(sandbox);
    await setSetting('pageSize', PAGE_SIZE);
    await signIn(fx.ext.services, fx.ui, sandbox.token);
    await waitForState(fx.ext.services, 'ready');
  });

  beforeEach(async function () {
    this.timeout(30_000);
    for (const form of fx.editing.forms.all()) form.closeWithoutDraft();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await fx.restart();
    fx.sandbox.reset();
    installClientRecorders(); // a fresh client per cell: no rate-limit state carries over
    await fx.ext.services.refresh();
    assert.equal(fx.ext.services.session.state, 'ready', 'the list loads before the cell');
    fx.sandbox.clearRequests();
    fx.sleeps.length = 0;
    fx.attempts.length = 0;
    fx.ui = new MatrixUi(); // no scripted answer or hook carries over from another cell
    fx.ext.services.ui = fx.ui;
    fx.editing.lastUpdate = undefined;
  });

  afterEach(async function () {
    this.timeout(30_000);
    sandbox?.clearFaults();
    if (vscode.workspace.getConfiguration('tallyfy').inspect('requestTimeoutSeconds')?.globalValue !== undefined) {
      await setSetting('requestTimeoutSeconds', undefined);
    }
  });

  after(async function () {
    this.timeout(60_000);
    for (const form of fx.editing?.forms.all() ?? []) form.closeWithoutDraft();
    fx.ext?.services.clients.setTestOverrides(undefined);
    await fx.restart();
    if (fx.ext) await signOut(fx.ext.services);
    restoreUi?.();
    await setSetting('pageSize', undefined);
    await restoreSettings?.();
    await fx.stop();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  return fx;
}

/** The fields a user sees and edits, from a store guest or the sandbox's record, compared as text. */
export function visibleFields(guest: Guest | SandboxGuest | undefined): string {
  if (!guest) return 'absent';
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  const members = Array.isArray(guest.associated_members) && guest.associated_members.length > 0 ? [...guest.associated_members].sort((a, b) => a - b) : null;
  return JSON.stringify({
    email: guest.email.toLowerCase(),
    first_name: text(guest.first_name),
    last_name: text(guest.last_name),
    phone_1: text(guest.phone_1),
    phone_2: text(guest.phone_2),
    company_name: text(guest.company_name),
    timezone: text(guest.timezone),
    associated_members: members,
    status: guest.status,
  });
}

/** The tree (its store and its rows) shows these guests exactly as the sandbox has them now. */
export async function assertTreeShowsServer(fx: MatrixFixture, emails: readonly string[]): Promise<void> {
  const rows = new Map<string, Guest>();
  for (const node of (await fx.ext.api.guestTree.getChildren()) ?? []) {
    const guest = (node as { guest?: Guest }).guest;
    if (guest) rows.set(guest.email.toLowerCase(), guest);
  }
  for (const email of emails) {
    const server = visibleFields(fx.sandbox.guest(email));
    assert.equal(visibleFields(fx.ext.services.store.get(email)), server, `the store's ${email} is Tallyfy's`);
    assert.equal(visibleFields(rows.get(email.toLowerCase())), server, `the tree row of ${email} is Tallyfy's`);
  }
}

/** Guests the cells work on: generated ones (not the fixed awkward guests), in a stable order. */
export function generatedEmails(fx: MatrixFixture): string[] {
  return fx.sandbox
    .guests()
    .filter((g) => /\.\d+@/.test(g.email) && g.status === 'active')
    .map((g) => g.email)
    .sort();
}

// The cells: what an operation is handed, what it reports, and small helpers shared by the operations.

export type OperationKey = 'list' | 'get' | 'create' | 'update' | 'quickUpdate' | 'delete' | 'bulk';

export interface Expectation {
  ok: boolean;
  /** What the failure says (the typed error's message), when it fails. */
  message?: RegExp;
  /** Attempts the client makes at the faulted request before the outcome. */
  attempts: number;
}

export interface Cell {
  fx: MatrixFixture;
  /** The fault's row number: picks guests no other row of the same operation uses. */
  row: number;
  expect: Expectation;
  /** The whole sandbox is stopped: every request fails, not only the operation's own. */
  serverDown: boolean;
  inject(match: FaultMatch): Promise<void>;
  /** Removes the fault (starts a stopped sandbox) so that trying again can succeed. */
  clearFault(): Promise<void>;
}

export interface Observed {
  attempts: number;
  /** The client's waits up to the outcome (a retry the user asked for afterwards is not counted). */
  sleeps: number[];
}

export interface Operation {
  key: OperationKey;
  title: string;
  /** What the user sees on success / on failure, for the table in docs/reliability.md. */
  onSuccess: string;
  onFailure: string;
  run(cell: Cell): Promise<Observed>;
}

export const orgPath = (fx: MatrixFixture): string => `/organizations/${fx.sandbox.orgId}`;
export const guestPath = (fx: MatrixFixture, email: string): string => `${orgPath(fx)}/guests/${email}`;
export const guestUrlPart = (email: string): string => `/guests/${encodeURIComponent(email)}`;

export function observe(cell: Cell, faulted: (r: RequestRecord) => boolean): Observed {
  return { attempts: cell.fx.attempts.filter(faulted).length, sleeps: [...cell.fx.sleeps] };
}

/** A guest for this row and operation; the details document (get) needs a different one per row. */
export function pick(cell: Cell, operation: OperationKey, offset = 0): string {
  const emails = generatedEmails(cell.fx);
  const index = operation === 'get' ? cell.row : 10 + cell.row + offset + ['update', 'quickUpdate', 'delete', 'bulk'].indexOf(operation) * 2;
  return emails[index % emails.length];
}

export function assertFailureText(text: string | undefined, cell: Cell, what: string): void {
  assert.ok(cell.expect.message, 'a failing cell names its message');
  assert.match(text ?? '', cell.expect.message, `${what}: ${text}`);
}
