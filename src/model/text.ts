// Small string helpers shared by the model. Values from Tallyfy are typed as strings but are
// not trusted to be: every helper here accepts `unknown` and never throws.

/** Unicode's Bidi_Control characters (ALM, LRM, RLM, LRE…RLO, LRI…PDI): they can reorder what
 *  a reader sees ("Trojan Source"), so text from the API never keeps them. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Line breaks, tabs and other C0/C1 control characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

export const ELLIPSIS = '…';

/** A value as display text: strings as they are, finite numbers and booleans as written, anything else ''. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return '';
}

/** `asText` trimmed. */
export function trimmedText(value: unknown): string {
  return asText(value).trim();
}

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Bidi controls removed; line breaks, tabs and other control characters turned into spaces. */
export function flattenControls(text: string): string {
  return stripBidiControls(text).replace(LINE_BREAKS_AND_CONTROLS, ' ');
}

/** UTF-16 units taken by the code point at `index`: 2 for a surrogate pair, else 1. */
function unitsAt(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdbff || index + 1 >= text.length) return 1;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Length in code points, as Laravel's `max:` rule (mb_strlen) counts it; no allocation. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += unitsAt(text, i)) count++;
  return count;
}

/** At most `max` code points: longer text is cut and ends with an ellipsis (counted in `max`).
 *  Cuts between code points, so a surrogate pair is never split. */
export function truncate(text: string, max: number): string {
  const limit = Math.max(1, Math.floor(max));
  if (text.length <= limit) return text;
  if (codePointLength(text) <= limit) return text;
  let units = 0;
  for (let kept = 0; kept < limit - 1; kept++) units += unitsAt(text, units);
  return text.slice(0, units) + ELLIPSIS;
}

/** One line for a label: no line breaks or bidi controls, whitespace collapsed, at most `max` code points. */
export function singleLine(text: unknown, max: number): string {
  return truncate(flattenControls(asText(text)).replace(/\s+/g, ' ').trim(), max);
}
