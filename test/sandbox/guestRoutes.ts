// Guest endpoints under /organizations/{org}/guests. Choices where the doc is silent or split:
// - PUT: 'seed' mode applies the seed document's fields and answers 200; 'docs2026' applies only
//   associated_members (replacing the list) and answers 201. Both bump updated_at on every PUT.
// - associated_members on create is accepted in 'seed' mode (2025 docs) and dropped in 'docs2026'.
// - Creating an email that is already a guest here is 422 "has already been taken" (2025 docs);
//   an org member's email is 422 too. Only successful creates count towards the invite cap, and
//   the cap is checked before validation (throttling runs before the controller).
// - Unknown email: GET, enable, disable, to/member → 404; PUT → 404 or 422 (option); DELETE → 422.
// - Enable/disable/to-member answer 200 with {"data": …}: guest for the first two, new member for the last.
import { guestJson, wantsStats } from './guestShape';
import { paginate, parseSort } from './pagination';
import { ME } from './seedData';
import { bodyFields, json, notFoundEndpoint, notFoundResource, unprocessable, type ApiRequest, type Reply } from './reply';
import type { SandboxState } from './state';
import { nowIso } from './time';
import type { SandboxGuest } from './types';
import { emailProblem, hasErrors, normaliseInput, pickValidFields, type FieldErrors } from './validation';

const SEED_PUT_FIELDS = ['first_name', 'last_name', 'phone_1', 'phone_2', 'company_name', 'timezone', 'associated_members'];
const CREATE_FIELDS = [
  'first_name', 'last_name', 'phone_1', 'phone_2', 'company_name', 'opportunity_name', 'status',
  'company_url', 'contact_url', 'image_url', 'opportunity_url', 'timezone', 'external_sync_source', 'external_date_creation',
];
const SORT_KEYS = ['created_at', 'updated_at', 'name', 'email'];
const INVALID_EMAIL = 'The selected email is invalid.';

const fullName = (g: SandboxGuest): string => `${g.first_name ?? ''} ${g.last_name ?? ''}`.trim().toLowerCase();

function compareBy(key: string): (a: SandboxGuest, b: SandboxGuest) => number {
  const value = (g: SandboxGuest): string =>
    key === 'name' ? fullName(g) : key === 'email' ? g.email.toLowerCase() : key === 'updated_at' ? g.updated_at : g.created_at;
  return (a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : a.id - b.id);
}

function list(state: SandboxState, req: ApiRequest, listUrl: string): Reply {
  const q = (req.query.q ?? '').trim().toLowerCase();
  const sort = parseSort(req.query.sort ?? req.query.sort_by, SORT_KEYS, 'created_at');
  const compare = compareBy(sort.key);
  const guests = [...state.guests.values()]
    .filter((g) => g.email.toLowerCase().includes(q))
    .sort((a, b) => (sort.desc ? -compare(a, b) : compare(a, b)));
  const withStats = wantsStats(req.query);
  const render = (g: SandboxGuest): unknown => guestJson(g, state.options.putMode, withStats);
  if (['true', '1'].includes((req.query.without_pagination ?? '').toLowerCase())) {
    return json(200, { data: guests.map(render) });
  }
  const page = paginate(guests, req.query, {
    defaultPerPage: 999,
    maxPerPage: state.start.maxPerPage,
    linksStyle: state.options.linksStyle,
    url: listUrl,
  });
  return json(200, { data: page.data.map(render), meta: page.meta });
}

function create(state: SandboxState, req: ApiRequest): Reply {
  const cap = state.options.inviteCapPerHour;
  const retryAfter = state.inviteCap.retryAfterSeconds(cap);
  if (retryAfter > 0) {
    const message = `You can invite at most ${cap} guests per hour. Please try again later.`;
    return json(429, { error: true, message, code: 'RATE_LIMIT_EXCEEDED' }, { 'Retry-After': String(retryAfter), 'X-RateLimit-Remaining': '0' });
  }
  const input = bodyFields(req);
  const errors: FieldErrors = {};
  const email = normaliseInput(input.email);
  const problem = emailProblem(email);
  if (problem) errors.email = [problem];
  else if (state.findGuest(email as string)) errors.email = ['The email has already been taken.'];
  else if (state.isMemberEmail(email as string)) errors.email = ['The email belongs to a member of this organization.'];
  const fields = state.options.putMode === 'seed' ? [...CREATE_FIELDS, 'associated_members'] : CREATE_FIELDS;
  const clean = pickValidFields(input, fields, state.memberIds(), errors);
  if (hasErrors(errors)) return unprocessable(errors);
  const guest = state.insertGuest({ ...clean, email: email as string });
  state.inviteCap.record();
  return json(201, { data: guestJson(guest, state.options.putMode, false) });
}

function update(state: SandboxState, req: ApiRequest, guest: SandboxGuest): Reply {
  const input = bodyFields(req);
  const errors: FieldErrors = {};
  if (state.options.putRequiresEmailInBody) {
    const email = normaliseInput(input.email);
    if (email === null || email === undefined) errors.email = ['The email field is required.'];
    else if (typeof email !== 'string' || email.toLowerCase() !== guest.email.toLowerCase()) errors.email = [INVALID_EMAIL];
  }
  const mode = state.options.putMode;
  const clean = pickValidFields(input, mode === 'seed' ? SEED_PUT_FIELDS : ['associated_members'], state.memberIds(), errors);
  if (hasErrors(errors)) return unprocessable(errors);
  Object.assign(guest, clean);
  state.touchGuest(guest);
  return json(mode === 'docs2026' ? 201 : 200, { data: guestJson(guest, mode, wantsStats(req.query)) });
}

function enable(state: SandboxState, guest: SandboxGuest): Reply {
  Object.assign(guest, { status: 'active', disabled_at: null, disabled_by: null, reactivated_at: nowIso(), reactivated_by: ME.id });
  state.touchGuest(guest);
  return json(200, { data: guestJson(guest, state.options.putMode, false) });
}

function disable(state: SandboxState, guest: SandboxGuest): Reply {
  if (guest.stats.assigned_tasks > guest.stats.tasks_completed) {
    return json(403, { error: true, message: 'Cannot disable guest with incomplete tasks' });
  }
  Object.assign(guest, { status: 'disabled', disabled_at: nowIso(), disabled_by: ME.id });
  state.touchGuest(guest);
  return json(200, { data: guestJson(guest, state.options.putMode, false) });
}

function convertToMember(state: SandboxState, guest: SandboxGuest): Reply {
  state.deleteGuest(guest.email);
  const member = state.addMember(guest);
  return json(200, { data: member });
}

/** `rest` is what follows /organizations/{org}/guests. */
export function routeGuests(state: SandboxState, req: ApiRequest, rest: string[], listUrl: string): Reply {
  const { method } = req;
  if (rest.length === 0) {
    if (method === 'GET') return list(state, req, listUrl);
    if (method === 'POST') return create(state, req);
    return notFoundEndpoint();
  }
  const [email, ...action] = rest;
  const guest = state.findGuest(email);
  const route = `${method} ${action.join('/')}`;
  switch (route) {
    case 'GET ':
      return guest ? json(200, { data: guestJson(guest, state.options.putMode, wantsStats(req.query)) }) : notFoundResource();
    case 'PUT ':
      if (guest) return update(state, req, guest);
      return state.options.unknownEmailOnPut === 422 ? unprocessable({ email: [INVALID_EMAIL] }) : notFoundResource();
    case 'DELETE ':
      if (!guest) return unprocessable({ email: [INVALID_EMAIL] });
      state.deleteGuest(guest.email);
      guest.deleted_at = nowIso();
      return json(200, { data: guestJson(guest, state.options.putMode, false) });
    case 'PUT enable':
      return guest ? enable(state, guest) : notFoundResource();
    case 'DELETE disable':
      return guest ? disable(state, guest) : notFoundResource();
    case 'POST to/member':
      return guest ? convertToMember(state, guest) : notFoundResource();
    default:
      return notFoundEndpoint();
  }
}
