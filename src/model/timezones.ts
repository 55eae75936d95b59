// IANA time zones for the guest form. The runtime's `Intl.supportedValuesOf('timeZone')` is the
// source, but ICU still lists a few zones under names IANA has since replaced (Asia/Calcutta for
// Asia/Kolkata, Europe/Kiev for Europe/Kyiv…) and leaves out UTC. Tallyfy runs on PHP, whose
// zone list uses the current names, so the picker offers those; the old names stay accepted
// because a guest may already have one.

/** ICU's outdated canonical names → the current IANA names. */
const CURRENT_NAMES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** "Area/Location[/Sub]": the shape of a real zone name, which rules out abbreviations such as
 *  EST and offsets such as +05:00 that Intl would also accept. */
const ZONE_NAME_SHAPE = /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/;

function runtimeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('timeZone') : [];
  } catch {
    return [];
  }
}

function buildZoneList(): string[] {
  const names = new Set<string>(['UTC']);
  for (const zone of runtimeZones()) names.add(CURRENT_NAMES[zone] ?? zone);
  return [...names].sort();
}

/** Every zone the form offers, sorted (code-unit order, so "America/…" groups stay together). */
export const TIMEZONES: readonly string[] = Object.freeze(buildZoneList());

/** Lower-cased name → spelling to keep. Built once: validation runs on every keystroke. */
const KNOWN_BY_LOWER_CASE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const zone of TIMEZONES) map.set(zone.toLowerCase(), zone);
  for (const outdated of Object.keys(CURRENT_NAMES)) map.set(outdated.toLowerCase(), outdated);
  return map;
})();

function runtimeKnowsZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone name to store for what the user typed (case is corrected for listed zones), or
 * undefined when it is not a time zone. Besides the list, accepts other IANA link names the
 * runtime knows (Etc/UTC, US/Eastern), so a value Tallyfy already holds still validates.
 */
export function canonicalTimeZone(text: string): string | undefined {
  const name = text.trim();
  if (name === '') return undefined;
  const known = KNOWN_BY_LOWER_CASE.get(name.toLowerCase());
  if (known !== undefined) return known;
  if (name.length <= 64 && ZONE_NAME_SHAPE.test(name) && runtimeKnowsZone(name)) return name;
  return undefined;
}
