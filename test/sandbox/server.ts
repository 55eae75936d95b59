// The HTTP side of the sandbox: one node:http server on loopback, request recording, faults,
// latency, and the Sandbox object that tests drive in-process.
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { routeControl } from './control';
import { FaultList, faultReply } from './faults';
import { checkRuntime, resolveOptions } from './options';
import type { ApiRequest, Reply } from './reply';
import { routeApi } from './router';
import { SandboxState } from './state';
import { bumpedIso } from './time';
import type { Fault, PutMode, RateLimitOptions, RecordedRequest, RuntimeOptions, Sandbox, SandboxGroup, SandboxGuest, SandboxOptions } from './types';

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function parseJson(text: string): { body: unknown; malformed: boolean } {
  if (text.trim() === '') return { body: undefined, malformed: false };
  try {
    return { body: JSON.parse(text), malformed: false };
  } catch {
    return { body: undefined, malformed: true };
  }
}

/** Path segments, each decoded exactly once (so %2F stays inside its segment); null if undecodable. */
function decodeSegments(pathname: string): string[] | null {
  const raw = pathname.split('/').slice(1);
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  try {
    return raw.map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const clone = <T>(value: T): T => structuredClone(value);

class SandboxServer implements Sandbox {
  readonly requests: RecordedRequest[] = [];
  private readonly state: SandboxState;
  private readonly faults = new FaultList();
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly waits = new Set<() => void>();
  private closed = false;
  private boundPort = 0;

  constructor(options: SandboxOptions) {
    this.state = new SandboxState(resolveOptions(options));
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        console.error('sandbox: internal error:', e instanceof Error ? e.message : e);
        if (!res.headersSent && !res.destroyed) this.send(res, { status: 500, body: { error: true, message: 'Server Error' } }, false);
      });
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.state.start.port, this.state.start.host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        this.boundPort = typeof address === 'object' && address ? address.port : this.state.start.port;
        resolve();
      });
    });
  }

  get port(): number { return this.boundPort; }
  get orgId(): string { return this.state.start.orgId; }
  get token(): string { return this.state.start.token; }
  get baseUrl(): string {
    const host = this.state.start.host.includes(':') ? `[${this.state.start.host}]` : this.state.start.host;
    return `http://${host}:${this.boundPort}/api`;
  }

  guests(): SandboxGuest[] { return clone([...this.state.guests.values()].sort((a, b) => a.id - b.id)); }
  guest(email: string): SandboxGuest | undefined {
    const found = this.state.findGuest(email);
    return found && clone(found);
  }
  groups(): SandboxGroup[] { return clone(this.state.groups); }

  setPutMode(mode: PutMode): void { this.configure({ putMode: mode }); }
  setRateLimit(limit: RateLimitOptions | null): void { this.configure({ rateLimit: limit }); }
  setLatency(ms: number): void { this.configure({ latencyMs: ms }); }
  configure(changes: Partial<RuntimeOptions>): void {
    checkRuntime(changes);
    this.state.configure(changes);
  }
  options(): RuntimeOptions { return clone(this.state.options); }

  injectFault(fault: Fault): void { this.faults.add(fault); }
  clearFaults(): void { this.faults.clear(); }
  clearRequests(): void { this.requests.length = 0; }

  mutateGuest(email: string, changes: Record<string, unknown>): void {
    const guest = this.state.findGuest(email);
    if (!guest) throw new Error(`Sandbox has no guest ${email}`);
    const unknown = Object.keys(changes).filter((k) => !(k in guest));
    if (unknown.length > 0) throw new Error(`Not guest fields: ${unknown.join(', ')}`);
    const newEmail = changes.email;
    if (typeof newEmail === 'string' && newEmail.toLowerCase() !== guest.email.toLowerCase()) {
      if (this.state.findGuest(newEmail)) throw new Error(`Sandbox already has a guest ${newEmail}`);
      this.state.guests.delete(guest.email.toLowerCase());
      this.state.guests.set(newEmail.toLowerCase(), guest);
    }
    Object.assign(guest, clone(changes));
    if (!('updated_at' in changes)) this.state.touchGuest(guest);
  }

  addGuest(partial: Partial<SandboxGuest> & { email: string }): SandboxGuest {
    return clone(this.state.insertGuest(clone(partial)));
  }

  removeGuest(email: string): void {
    if (!this.state.deleteGuest(email)) throw new Error(`Sandbox has no guest ${email}`);
  }

  mutateGroup(id: string, changes: Partial<SandboxGroup>): void {
    const group = this.state.groups.find((g) => g.id === id);
    if (!group) throw new Error(`Sandbox has no group ${id}`);
    Object.assign(group, clone(changes));
    if (!('last_updated' in changes)) group.last_updated = bumpedIso(group.last_updated);
  }

  reset(): void {
    this.state.reset();
    this.faults.clear();
    this.clearRequests();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const release of this.waits) release();
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closing;
  }

  /** Resolves after ms, or at once when the sandbox closes. */
  private wait(ms: number): Promise<void> {
    if (ms <= 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        this.waits.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.waits.add(release);
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const rawPath = req.url ?? '/';
    const bodyText = await readBody(req);
    const queryAt = rawPath.indexOf('?');
    const pathname = queryAt < 0 ? rawPath : rawPath.slice(0, queryAt);
    if (pathname === '/__sandbox' || pathname.startsWith('/__sandbox/')) {
      this.send(res, routeControl(this, () => this.options(), method, pathname, bodyText), false);
      return;
    }
    const query = Object.fromEntries(new URLSearchParams(queryAt < 0 ? '' : rawPath.slice(queryAt + 1)));
    const headers = flatHeaders(req.headers);
    const { body, malformed } = parseJson(bodyText);
    const record: RecordedRequest = { method, rawPath, path: safeDecode(pathname), query, headers, bodyText, body, status: 0, at };
    this.requests.push(record);

    const fault = this.faults.take(method, record.path);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'delay') await this.wait(fault.ms);
    if (this.closed) return;
    const reply = (fault && faultReply(fault)) ?? this.route(method, pathname, query, headers, body, malformed);
    if (fault?.kind === 'dropAfterCommit') {
      req.socket.destroy();
      return;
    }
    await this.wait(this.state.options.latencyMs);
    if (this.closed || res.destroyed) return;
    record.status = reply.status;
    this.send(res, reply, fault?.kind === 'truncate');
  }

  private route(method: string, pathname: string, query: Record<string, string>, headers: Record<string, string>, body: unknown, malformed: boolean): Reply {
    const segments = decodeSegments(pathname);
    const req: ApiRequest = { method, segments: segments ?? ['\0undecodable'], query, body, bodyIsMalformed: malformed };
    return routeApi({ state: this.state, baseUrl: this.baseUrl, headers }, req);
  }

  /** Writes a reply; `truncate` sends only the first half of the body, then ends the response cleanly. */
  private send(res: http.ServerResponse, reply: Reply, truncate: boolean): void {
    const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    const headers: Record<string, string> = { ...reply.headers };
    if (text !== '') headers['Content-Type'] = reply.contentType ?? 'application/json';
    if (!truncate) headers['Content-Length'] = String(Buffer.byteLength(text));
    res.writeHead(reply.status, headers);
    if (truncate) res.write(text.slice(0, Math.floor(text.length / 2)));
    res.end(truncate ? undefined : text);
  }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = new SandboxServer(options);
  await sandbox.listen();
  return sandbox;
}
