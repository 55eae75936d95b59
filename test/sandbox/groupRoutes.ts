// Group endpoints under /organizations/{org}/groups (shared doc §3, Groups). Choices:
// - Names are unique case-insensitively (MySQL's default collation).
// - `guests` entries must be emails of guests of this org (any case); they are stored as the
//   guest's own spelling. Unknown emails → 422 on create and update alike.
// - PUT requires `description` unless groupUpdateRequiresDescription is false (the docs mark it
//   required; N8N omits it), and bumps last_updated even when nothing changed.
// - Dates are ISO 8601 (the doc gives no format for groups).
import { paginate, parseSort } from './pagination';
import { bodyFields, json, notFoundEndpoint, notFoundResource, unprocessable, type ApiRequest, type Reply } from './reply';
import type { SandboxState } from './state';
import { bumpedIso, nowIso } from './time';
import type { SandboxGroup } from './types';
import { hasErrors, normaliseInput, type FieldErrors } from './validation';

const SORT_KEYS = ['name', 'created_at', 'updated_at'];

export function groupJson(g: SandboxGroup): SandboxGroup {
  return { ...g, members: [...g.members], guests: [...g.guests] };
}

function validate(state: SandboxState, input: Record<string, unknown>, existing: SandboxGroup | undefined): { clean: Partial<SandboxGroup>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const clean: Partial<SandboxGroup> = {};
  const name = normaliseInput(input.name);
  if (!existing || 'name' in input) {
    if (name === null || name === undefined) errors.name = ['The name field is required.'];
    else if (typeof name !== 'string') errors.name = ['The name must be a string.'];
    else if ([...name].length > 200) errors.name = ['The name must not be greater than 200 characters.'];
    else if (state.groups.some((g) => g !== existing && g.name.toLowerCase() === name.toLowerCase())) errors.name = ['The name has already been taken.'];
    else clean.name = name;
  }
  const description = normaliseInput(input.description);
  const descriptionRequired = !existing || state.options.groupUpdateRequiresDescription;
  if (description === null || description === undefined) {
    if (descriptionRequired) errors.description = ['The description field is required.'];
  } else if (typeof description !== 'string') errors.description = ['The description must be a string.'];
  else clean.description = description;
  if (input.members !== undefined) {
    const ids = state.memberIds();
    const members = input.members;
    if (!Array.isArray(members) || !members.every((m) => Number.isInteger(m))) errors.members = ['The members must be an array of integers.'];
    else if (!members.every((m) => ids.has(m as number))) errors.members = ['The selected members is invalid.'];
    else clean.members = [...new Set(members as number[])];
  }
  if (input.guests !== undefined) {
    const guests = input.guests;
    const found = Array.isArray(guests) ? guests.map((e) => (typeof e === 'string' ? state.findGuest(e)?.email : undefined)) : [];
    if (!Array.isArray(guests)) errors.guests = ['The guests must be an array.'];
    else if (found.some((email) => email === undefined)) errors.guests = ['The selected guests is invalid.'];
    else clean.guests = [...new Set(found as string[])];
  }
  return { clean, errors };
}

function list(state: SandboxState, req: ApiRequest, listUrl: string): Reply {
  const q = (req.query.q ?? '').trim().toLowerCase();
  const sort = parseSort(req.query.sort_by ?? req.query.sort, SORT_KEYS, 'created_at');
  const value = (g: SandboxGroup): string =>
    sort.key === 'name' ? g.name.toLowerCase() : sort.key === 'updated_at' ? g.last_updated : g.created_at;
  const groups = state.groups
    .filter((g) => g.name.toLowerCase().includes(q))
    .sort((a, b) => {
      const order = value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : a.id < b.id ? -1 : 1;
      return sort.desc ? -order : order;
    });
  const page = paginate(groups, req.query, {
    defaultPerPage: 10,
    maxPerPage: Math.min(100, state.start.maxPerPage),
    linksStyle: state.options.linksStyle,
    url: listUrl,
  });
  return json(200, { data: page.data.map(groupJson), meta: page.meta });
}

function create(state: SandboxState, req: ApiRequest): Reply {
  const { clean, errors } = validate(state, bodyFields(req), undefined);
  if (hasErrors(errors)) return unprocessable(errors);
  const now = nowIso();
  const group: SandboxGroup = {
    id: state.newGroupId(),
    name: clean.name!,
    description: clean.description ?? null,
    logo: null,
    members: clean.members ?? [],
    guests: clean.guests ?? [],
    created_at: now,
    last_updated: now,
  };
  state.groups.push(group);
  return json(201, { data: groupJson(group) });
}

function update(state: SandboxState, req: ApiRequest, group: SandboxGroup): Reply {
  const { clean, errors } = validate(state, bodyFields(req), group);
  if (hasErrors(errors)) return unprocessable(errors);
  Object.assign(group, clean, { last_updated: bumpedIso(group.last_updated) });
  return json(201, { data: groupJson(group) });
}

/** `rest` is what follows /organizations/{org}/groups. */
export function routeGroups(state: SandboxState, req: ApiRequest, rest: string[], listUrl: string): Reply {
  if (rest.length === 0) {
    if (req.method === 'GET') return list(state, req, listUrl);
    if (req.method === 'POST') return create(state, req);
    return notFoundEndpoint();
  }
  if (rest.length > 1 || !['GET', 'PUT', 'DELETE'].includes(req.method)) return notFoundEndpoint();
  const group = state.groups.find((g) => g.id === rest[0]);
  if (!group) return notFoundResource();
  if (req.method === 'GET') return json(200, { data: groupJson(group) });
  if (req.method === 'PUT') return update(state, req, group);
  state.groups = state.groups.filter((g) => g !== group);
  return { status: 204 };
}
