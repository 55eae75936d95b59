// Authentication, rate limiting and dispatch of API requests (everything under /api).
// Order: 401 (bad token or no X-Tallyfy-Client) → 429 (token bucket) → route (404) → org (403)
// → malformed JSON (400) → handler. 401s do not consume rate-limit tokens.
import { routeGroups } from './groupRoutes';
import { routeGuests } from './guestRoutes';
import { json, notFoundEndpoint, type ApiRequest, type Reply } from './reply';
import { ME } from './seedData';
import type { SandboxState } from './state';

export interface RouteContext {
  state: SandboxState;
  /** e.g. http://127.0.0.1:4010/api */
  baseUrl: string;
  headers: Record<string, string>;
}

function authenticated(headers: Record<string, string>, token: string): boolean {
  const auth = headers.authorization ?? '';
  const client = (headers['x-tallyfy-client'] ?? '').trim();
  return auth.startsWith('Bearer ') && auth.slice('Bearer '.length).trim() === token && client !== '';
}

function dispatch(ctx: RouteContext, req: ApiRequest): Reply {
  const { state, baseUrl } = ctx;
  const [api, ...segments] = req.segments;
  if (api !== 'api') return notFoundEndpoint();
  const route = segments.join('/');
  if (req.method === 'GET' && route === 'me') {
    const { id, email, username, first_name, last_name, timezone } = ME;
    return json(200, { data: { id, email, username, first_name, last_name, timezone } });
  }
  if (req.method === 'GET' && route === 'me/organizations') {
    return json(200, {
      data: [
        { id: state.start.orgId, name: 'Sandbox Organization' },
        { id: 'org_other_no_access', name: 'Another Organization' },
      ],
    });
  }
  const [orgs, org, collection, ...rest] = segments;
  if (orgs !== 'organizations' || (collection !== 'guests' && collection !== 'groups')) return notFoundEndpoint();
  if (org !== state.start.orgId) return json(403, { error: true, message: 'You do not have access to this organization.' });
  if (req.bodyIsMalformed) return json(400, { error: true, message: 'Malformed JSON.' });
  const listUrl = `${baseUrl}/organizations/${encodeURIComponent(org)}/${collection}`;
  return collection === 'guests' ? routeGuests(state, req, rest, listUrl) : routeGroups(state, req, rest, listUrl);
}

export function routeApi(ctx: RouteContext, req: ApiRequest): Reply {
  if (!authenticated(ctx.headers, ctx.state.start.token)) {
    return json(401, { error: true, message: 'Unauthenticated.' }, ctx.state.bucket?.peekHeaders());
  }
  const verdict = ctx.state.bucket?.take();
  if (verdict && !verdict.allowed) {
    return json(429, { message: 'Too Many Attempts.', code: 'RATE_LIMIT_EXCEEDED' }, verdict.headers);
  }
  const reply = dispatch(ctx, req);
  return verdict ? { ...reply, headers: { ...verdict.headers, ...reply.headers } } : reply;
}
