// Removes the token from any text that came from outside (a server message, a body logged at
// debug level). The client never puts the token into text itself; this guards against a server
// or proxy that echoes it back.

export const REDACTED = '[redacted]';

export function redact(text: string, token: string | undefined): string {
  // Very short "tokens" would blank out ordinary words; real Tallyfy tokens are long JWTs.
  if (!token || token.length < 6 || !text.includes(token)) return text;
  return text.split(token).join(REDACTED);
}
