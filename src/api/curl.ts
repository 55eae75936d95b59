// "Copy Last Request as curl": renders a RequestRecord as one shell-safe command. Every value is
// single-quoted (a ' inside becomes '\''), except the redacted Authorization header, which is
// double-quoted so the shell expands $TALLYFY_TOKEN from the user's environment.
import type { RequestRecord } from './types';

const TOKEN_AUTHORIZATION = /^Bearer \$TALLYFY_TOKEN$/;

export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function toCurl(record: RequestRecord): string {
  const method = /^[A-Z]+$/.test(record.method) ? record.method : shellQuote(record.method);
  const parts = [`curl -X ${method}`, shellQuote(record.url)];
  for (const [name, value] of Object.entries(record.headers)) {
    if (name.toLowerCase() === 'authorization' && TOKEN_AUTHORIZATION.test(value)) {
      parts.push(`-H "${name}: Bearer $TALLYFY_TOKEN"`);
    } else {
      parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
    }
  }
  if (record.body !== undefined) parts.push(`--data-raw ${shellQuote(record.body)}`);
  return parts.join(' \\\n  ');
}
