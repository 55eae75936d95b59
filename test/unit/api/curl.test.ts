import { strict as assert } from 'assert';
import { execFileSync } from 'node:child_process';
import { toCurl } from '../../../src/api/curl';
import type { RequestRecord } from '../../../src/api/types';

/** Runs the command through sh with `curl` replaced by a function printing one argument per line. */
function shellArgs(command: string, env: Record<string, string> = {}): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}`;
  const out = execFileSync('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '', ...env } }).toString('utf8');
  return out.split('\0').slice(0, -1);
}

describe('toCurl', () => {
  const record: RequestRecord = {
    method: 'PUT',
    url: 'https://go.tallyfy.com/api/organizations/org/guests/o%27brien%2Bops%40client.test',
    headers: {
      Authorization: 'Bearer $TALLYFY_TOKEN',
      Accept: 'application/json',
      'X-Tallyfy-Client': 'APIClient',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ first_name: "O'Brien $(rm -rf /) `x` \"q\" \\ ; & |", last_name: 'Zoë\nline2' }),
  };

  it('renders method, URL, headers and body so the shell passes them through exactly', () => {
    const args = shellArgs(toCurl(record), { TALLYFY_TOKEN: 'expanded-token' });
    assert.deepEqual(args, [
      '-X', 'PUT',
      record.url,
      '-H', 'Authorization: Bearer expanded-token',
      '-H', 'Accept: application/json',
      '-H', 'X-Tallyfy-Client: APIClient',
      '-H', 'Content-Type: application/json',
      '--data-raw', record.body,
    ]);
  });

  it('double-quotes only the token header, so $TALLYFY_TOKEN expands there and nowhere else', () => {
    const command = toCurl({ ...record, url: 'https://x.test/$TALLYFY_TOKEN', body: '{"a":"$TALLYFY_TOKEN"}' });
    assert.ok(command.includes('-H "Authorization: Bearer $TALLYFY_TOKEN"'));
    const args = shellArgs(command, { TALLYFY_TOKEN: 'T' });
    assert.equal(args[2], 'https://x.test/$TALLYFY_TOKEN');
    assert.equal(args[args.length - 1], '{"a":"$TALLYFY_TOKEN"}');
  });

  it('omits --data-raw without a body', () => {
    const command = toCurl({ method: 'GET', url: 'https://x.test/a?b=1&c=2', headers: { Accept: 'application/json' } });
    assert.ok(!command.includes('--data-raw'));
    assert.deepEqual(shellArgs(command), ['-X', 'GET', 'https://x.test/a?b=1&c=2', '-H', 'Accept: application/json']);
  });
});
