// Word lists for the seeded guests. Accented names are deliberate: emails are derived from them
// with the accents stripped, while the names keep them.

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Amelia', 'Noah', 'Sofía', 'Mateo', 'Chloé', 'Lucas', 'Aiko', 'Hiroshi',
  'Priya', 'Arjun', 'Fatima', 'Omar', 'Ingrid', 'Lars', 'Zainab', 'Kwame', 'Mei', 'Wei',
  'Siobhan', 'Ciarán', 'Élodie', 'José', 'Björn', 'Anneliese', 'Dmitri', 'Olga', 'Thandiwe', 'Tomasz',
  'Grace', 'Daniel', 'Isabella', 'Ethan', 'Nadia', 'Rafael', 'Yuki', 'Hannah', 'Samuel', 'Leila',
];

export const LAST_NAMES = [
  'Smith', 'García', 'Müller', 'Nakamura', 'Patel', "O'Brien", 'Kowalski', 'Johansson', 'Okafor', 'Chen',
  'Rossi', 'Dubois', 'Novak', 'Haddad', 'Silva', 'Van der Berg', 'MacDonald', 'Ivanova', 'Nguyen', 'Kim',
  'Fernández', 'Schmidt', 'Andersson', 'Mensah', 'Cohen', 'Lindqvist', 'Papadopoulos', 'Yilmaz', 'Brown', 'Taylor',
];

/** Some companies are shared by several guests; about a fifth of guests have none. */
export const COMPANIES = [
  'Acme Logistics', 'Globex Corporation', 'Initech', 'Umbrella Health', 'Stark & Wayne LLP',
  'Hooli', 'Vandelay Industries', 'Blue Sky Accounting', 'Nordwind GmbH', 'Soylent Foods',
  'Oceanic Airlines', 'Tyrell Systems', 'Wonka Confections', 'Cyberdyne Partners', 'Müller & Söhne KG',
];

export const DOMAINS = [
  'acme.test', 'globex.test', 'initech.test', 'clientmail.test', 'partners.test', 'mail.test', 'nordwind.test', 'hooli.test',
];

export const TIMEZONES = [
  'America/Chicago', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Europe/Paris',
  'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney', 'Africa/Lagos', 'America/Sao_Paulo', 'UTC',
];

export const PLACES: ReadonlyArray<{ city: string; country: string }> = [
  { city: 'Chicago', country: 'US' }, { city: 'London', country: 'GB' }, { city: 'Berlin', country: 'DE' },
  { city: 'Tokyo', country: 'JP' }, { city: 'Mumbai', country: 'IN' }, { city: 'Lagos', country: 'NG' },
  { city: 'São Paulo', country: 'BR' }, { city: 'Sydney', country: 'AU' }, { city: 'Paris', country: 'FR' },
];

export const GROUP_NAMES = [
  'Key Accounts', 'Auditors', 'Onboarding Partners', 'Legal Reviewers', 'Suppliers – EMEA', 'Board Observers',
];

export const MEMBER_NAMES: ReadonlyArray<[string, string]> = [
  ['Alice', 'Admin'], ['Bob', 'Builder'], ['Carol', 'Checker'], ['Dave', 'Doer'], ['Erin', 'Editor'],
  ['Frank', 'Finance'], ['Gina', 'Guide'], ['Hugo', 'Helper'], ['Iris', 'Inspector'], ['Jon', 'Jurist'],
  ['Kara', 'Keeper'], ['Leo', 'Lead'], ['Mona', 'Manager'], ['Nils', 'Networker'], ['Ona', 'Operator'],
  ['Pia', 'Planner'], ['Quin', 'Quality'], ['Rui', 'Reviewer'], ['Sara', 'Sales'], ['Tim', 'Tester'],
];
