// The sandbox as a child process on loopback, so the server's work runs on its own core instead
// of sharing the benchmark's event loop (and its garbage collector). Driven through its control
// API (/__sandbox/…); stopped with SIGTERM by its own pid.
import { spawn, type ChildProcess } from 'child_process';
import fetch from 'node-fetch';
import * as path from 'path';
import type { RecordedRequest, RuntimeOptions } from '../sandbox';

/** Sandbox start options the benchmark uses (the CLI flags of test/sandbox/cli.ts). */
export interface ChildSandboxOptions {
  /** Generated guests; the sandbox adds 6 fixed ones. */
  guests: number;
  seed?: number;
  rate?: { perSecond: number; burst: number };
  latencyMs?: number;
}

export interface ChildSandbox {
  baseUrl: string;
  orgId: string;
  token: string;
  configure(changes: Partial<RuntimeOptions>): Promise<void>;
  requests(): Promise<RecordedRequest[]>;
  clearRequests(): Promise<void>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** Guests the sandbox always adds to the generated ones (its fixed awkward cases). */
export const FIXED_SANDBOX_GUESTS = 6;

function readLines(child: ChildProcess, timeoutMs: number): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let text = '';
    let errors = '';
    const timer = setTimeout(() => reject(new Error(`sandbox did not start within ${timeoutMs} ms: ${errors}`)), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const values: Record<string, string> = {};
      for (const line of text.split('\n')) {
        const match = /^(\w+): (.*)$/.exec(line);
        if (match) values[match[1]] = match[2];
      }
      if (values.controlUrl) {
        clearTimeout(timer);
        resolve(values);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited (${code}) before it was ready: ${errors}`));
    });
  });
}

export async function startChildSandbox(root: string, options: ChildSandboxOptions): Promise<ChildSandbox> {
  const args = [path.join(root, 'out', 'test', 'sandbox', 'cli.js'), '--port', '0', '--guests', String(options.guests), '--seed', String(options.seed ?? 1)];
  if (options.rate) args.push('--rate', String(options.rate.perSecond), '--burst', String(options.rate.burst));
  if (options.latencyMs) args.push('--latency', String(options.latencyMs));
  // No invite cap: the benchmark never creates guests, and the cap only adds state.
  args.push('--invite-cap', '1000000');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let values: Record<string, string>;
  try {
    values = await readLines(child, 60_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  const control = values.controlUrl;
  const call = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${control}${route}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`sandbox control ${method} ${route} → ${response.status} ${text}`);
    return text === '' ? undefined : (JSON.parse(text) as { data?: unknown }).data;
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    baseUrl: values.baseUrl,
    orgId: values.orgId,
    token: values.token,
    configure: async (changes) => void (await call('POST', '/options', changes)),
    requests: async () => (await call('GET', '/requests')) as RecordedRequest[],
    clearRequests: async () => void (await call('DELETE', '/requests')),
    reset: async () => void (await call('POST', '/reset')),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
