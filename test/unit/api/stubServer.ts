// A tiny raw node:http server on loopback for response shapes the sandbox does not produce
// (nested 422 errors, lying pagination meta, odd statuses). Each test gives it a handler.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  /** Path and query exactly as on the request line. */
  rawPath: string;
  headers: http.IncomingHttpHeaders;
  bodyText: string;
}

export type StubReply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | 'reset'
  | 'hang';

export type StubHandler = (request: StubRequest, index: number) => StubReply | Promise<StubReply>;

export interface Stub {
  /** e.g. http://127.0.0.1:41234/api */
  readonly baseUrl: string;
  readonly requests: StubRequest[];
  close(): Promise<void>;
}

export async function startStub(handler: StubHandler): Promise<Stub> {
  const requests: StubRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: StubRequest = {
        method: req.method ?? '',
        rawPath: req.url ?? '',
        headers: req.headers,
        bodyText: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      Promise.resolve(handler(request, requests.length - 1)).then(
        (reply) => respond(req, res, reply),
        () => req.socket.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function respond(req: http.IncomingMessage, res: http.ServerResponse, reply: StubReply): void {
  if (reply === 'hang') return;
  if (reply === 'reset') {
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string> = { ...reply.headers };
  let text = '';
  if (typeof reply.body === 'string') text = reply.body;
  else if (reply.body !== undefined) {
    text = JSON.stringify(reply.body);
    headers['Content-Type'] ??= 'application/json';
  }
  res.writeHead(reply.status, headers);
  res.end(text);
}

/** `{"data": …}` with status 200. */
export function ok(data: unknown, status = 200): StubReply {
  return { status, body: { data } };
}

/**
 * One stub server for a describe block: started before its tests, closed after them, its request
 * log emptied before each test. Tests set `server.handler` to choose the answers.
 */
export function useStubServer(defaultHandler?: () => StubHandler): { stub: Stub; handler: StubHandler } {
  const server = {} as { stub: Stub; handler: StubHandler };
  before(async () => {
    server.stub = await startStub((request, index) => server.handler(request, index));
  });
  after(() => server.stub.close());
  beforeEach(() => {
    server.stub.requests.length = 0;
    if (defaultHandler) server.handler = defaultHandler();
  });
  return server;
}
