// `npm run sandbox -- --port 4010 --guests 500 [--put-mode docs2026] [--rate 50 --burst 10]
// [--latency 20] [--seed 1] [--links object|empty-array|missing]`
// Prints `key: value` lines (baseUrl, orgId, token, controlUrl) and runs until SIGINT/SIGTERM.
import { startSandbox } from './server';
import type { LinksStyle, PutMode, SandboxOptions } from './types';

const USAGE = 'usage: sandbox [--port N] [--host H] [--guests N] [--groups N] [--seed N] [--put-mode seed|docs2026] [--rate N --burst N] [--latency MS] [--max-per-page N] [--links object|empty-array|missing] [--invite-cap N]';

function parseArgs(argv: string[]): SandboxOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!flag.startsWith('--') || value === undefined) throw new Error(`bad argument "${flag}"\n${USAGE}`);
    values.set(flag.slice(2), value);
  }
  const num = (name: string): number | undefined => {
    const raw = values.get(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new Error(`--${name} needs a number\n${USAGE}`);
    return n;
  };
  const known = ['port', 'host', 'guests', 'groups', 'seed', 'put-mode', 'rate', 'burst', 'latency', 'max-per-page', 'links', 'invite-cap'];
  const unknown = [...values.keys()].filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new Error(`unknown option --${unknown[0]}\n${USAGE}`);
  const rate = num('rate');
  return {
    port: num('port'),
    host: values.get('host'),
    guests: num('guests'),
    groups: num('groups'),
    seed: num('seed'),
    putMode: values.get('put-mode') as PutMode | undefined,
    rateLimit: rate === undefined ? null : { perSecond: rate, burst: num('burst') ?? Math.max(1, Math.ceil(rate)) },
    latencyMs: num('latency'),
    maxPerPage: num('max-per-page'),
    linksStyle: values.get('links') as LinksStyle | undefined,
    inviteCapPerHour: num('invite-cap'),
  };
}

async function main(): Promise<void> {
  const sandbox = await startSandbox(parseArgs(process.argv.slice(2)));
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Printed last, so a driver that signals as soon as it reads the token finds the handlers in place.
  const origin = sandbox.baseUrl.replace(/\/api$/, '');
  process.stdout.write(
    [`baseUrl: ${sandbox.baseUrl}`, `orgId: ${sandbox.orgId}`, `token: ${sandbox.token}`, `controlUrl: ${origin}/__sandbox`, ''].join('\n'),
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`sandbox: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
