// TallyfyClient: the TallyfyApi over HTTP. Each method names its endpoint and turns the JSON
// into the extension's types; sending, retrying and error mapping live in transport.ts.
import { checkBaseUrl } from './baseUrl';
import { CancelledError, ConfigError, NetworkError, ProtocolError, ServerError, TimeoutError } from './errors';
import { normalizeGroup, normalizeMe, normalizeOrganization } from './group';
import { normalizeGuest } from './guest';
import type { HttpResult } from './http';
import { asObject } from './jsonValues';
import { paginate } from './pagination';
import { RateLimitGate } from './rateLimitGate';
import { sleep as defaultSleep } from './sleep';
import type { ClientOptions, RequestOptions, TallyfyApi } from './tallyfyApi';
import { Transport, type Call } from './transport';
import type {
  Group,
  GroupChanges,
  Guest,
  GuestChanges,
  GuestCreateInput,
  GuestPage,
  ListGuestsOptions,
  Me,
  Organization,
  RequestRecord,
} from './types';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 4;
const DEFAULT_MAX_RETRY_AFTER_MS = 30_000;
const DEFAULT_PER_PAGE = 100;

export class TallyfyClient implements TallyfyApi {
  /** Shared by every request of this client, concurrent ones included. */
  readonly rateLimitGate = new RateLimitGate();
  private readonly transport: Transport;
  private readonly orgPath: string;

  constructor(private readonly options: ClientOptions) {
    const baseUrl = checkBaseUrl(options.baseUrl);
    const orgId = (options.orgId ?? '').trim();
    if (orgId === '') {
      throw new ConfigError(
        'No Tallyfy organization id is set. Copy it from Tallyfy > Settings > Organization into the extension settings.',
        'organizationId',
      );
    }
    this.orgPath = `/organizations/${encodeURIComponent(orgId)}`;
    this.transport = new Transport(
      {
        baseUrl,
        getToken: options.getToken,
        fetch: options.fetch,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
        maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
        sleep: options.sleep ?? defaultSleep,
        random: options.random ?? Math.random,
        logger: options.logger,
        onRequest: options.onRequest,
      },
      this.rateLimitGate,
    );
  }

  get lastRequest(): RequestRecord | undefined {
    return this.transport.lastRequest;
  }

  async *listGuests(options: ListGuestsOptions = {}, request?: RequestOptions): AsyncGenerator<GuestPage> {
    const perPage = options.perPage ?? DEFAULT_PER_PAGE;
    let filters = '';
    if (options.q !== undefined && options.q !== '') filters += `&q=${encodeURIComponent(options.q)}`;
    if (options.sort !== undefined && options.sort !== '') filters += `&sort=${encodeURIComponent(options.sort)}`;
    if (options.withStats) filters += '&with=stats';
    const fetchPage = (page: number): Promise<unknown> =>
      this.json({ method: 'GET', path: `${this.orgPath}/guests?per_page=${perPage}&page=${page}${filters}`, subject: 'the guest list' }, request);
    for await (const page of paginate(fetchPage, perPage)) {
      yield { guests: this.guestsOf(page.items), page: page.page, totalPages: page.totalPages, total: page.total };
    }
  }

  async getGuest(email: string, options: { withStats?: boolean } = {}, request?: RequestOptions): Promise<Guest> {
    const query = options.withStats ? '?with=stats' : '';
    return normalizeGuest(await this.data(this.guestCall('GET', email, query), request));
  }

  async createGuest(input: GuestCreateInput, request?: RequestOptions): Promise<Guest> {
    const call: Call = { method: 'POST', path: `${this.orgPath}/guests`, body: JSON.stringify(input), subject: `the guest ${input.email}` };
    try {
      const data = optionalData(await this.transport.send(call, request));
      if (data === undefined) throw new ProtocolError('Tallyfy accepted the new guest but did not send it back.');
      return normalizeGuest(data);
    } catch (error) {
      // POST is never retried: after a failure that may have happened after Tallyfy created the
      // guest, look it up instead of risking a second invitation.
      if (!mayHaveCreated(error)) throw error;
      this.options.logger?.info(`  create failed (${(error as Error).name}); checking whether ${input.email} exists now`);
      const created = await this.lookUp(input.email, request);
      if (created) return created;
      throw error;
    }
  }

  async updateGuest(email: string, changes: GuestChanges, request?: RequestOptions): Promise<Guest> {
    // The body is exactly `changes`. Tallyfy's MCP server also sends `email` in the body, because
    // it quotes api-v2 as validating `email` as required; Tallyfy's own docs (2025 and 2026) and
    // the seed example send only the changed fields, the path already names the guest, and the
    // email cannot change, so an extra `email` key could only be misread as an attempted change.
    // If Tallyfy ever does demand it, the 422 "email is required" surfaces as a ValidationError on
    // `email` (it is not mistaken for "not found", which needs an invalid/not-found message).
    const result = await this.transport.send(this.guestCall('PUT', email, '', JSON.stringify(changes)), request);
    const data = optionalData(result);
    // 204 or an unreadable body after a successful PUT: the change is made, so read the guest back.
    return data === undefined ? this.getGuest(email, {}, request) : normalizeGuest(data);
  }

  async deleteGuest(email: string, request?: RequestOptions): Promise<void> {
    await this.transport.send({ ...this.guestCall('DELETE', email), goneMeansDone: true }, request);
  }

  async enableGuest(email: string, request?: RequestOptions): Promise<Guest | undefined> {
    return guestIfAny(await this.transport.send(this.guestCall('PUT', email, '/enable'), request));
  }

  async disableGuest(email: string, request?: RequestOptions): Promise<Guest | undefined> {
    return guestIfAny(await this.transport.send(this.guestCall('DELETE', email, '/disable'), request));
  }

  async convertGuestToMember(email: string, request?: RequestOptions): Promise<void> {
    await this.transport.send(this.guestCall('POST', email, '/to/member'), request);
  }

  async getMe(request?: RequestOptions): Promise<Me> {
    return normalizeMe(await this.data({ method: 'GET', path: '/me', subject: 'your user' }, request));
  }

  async listOrganizations(request?: RequestOptions): Promise<Organization[]> {
    const data = await this.data({ method: 'GET', path: '/me/organizations', subject: 'your organizations' }, request);
    if (!Array.isArray(data)) throw new ProtocolError('Tallyfy answered the organization list without a list. Check the API base URL setting.');
    return data.map(normalizeOrganization);
  }

  async listGroups(request?: RequestOptions): Promise<Group[]> {
    const fetchPage = (page: number): Promise<unknown> =>
      this.json({ method: 'GET', path: `${this.orgPath}/groups?per_page=${DEFAULT_PER_PAGE}&page=${page}`, subject: 'the group list' }, request);
    const groups: Group[] = [];
    for await (const page of paginate(fetchPage, DEFAULT_PER_PAGE)) {
      for (const raw of page.items) groups.push(normalizeGroup(raw));
    }
    return groups;
  }

  async getGroup(id: string, request?: RequestOptions): Promise<Group> {
    return normalizeGroup(await this.data(this.groupCall('GET', id), request));
  }

  async updateGroup(id: string, changes: GroupChanges, request?: RequestOptions): Promise<Group> {
    const data = optionalData(await this.transport.send(this.groupCall('PUT', id, JSON.stringify(changes)), request));
    return data === undefined ? this.getGroup(id, request) : normalizeGroup(data);
  }

  private guestCall(method: Call['method'], email: string, suffix = '', body?: string): Call {
    return {
      method,
      path: `${this.orgPath}/guests/${pathSegment(email, 'a guest email')}${suffix}`,
      body,
      subject: `the guest ${email}`,
      addressesGuestByEmail: true,
    };
  }

  private groupCall(method: Call['method'], id: string, body?: string): Call {
    return { method, path: `${this.orgPath}/groups/${pathSegment(id, 'a group id')}`, body, subject: `the group ${id}` };
  }

  private async json(call: Call, request?: RequestOptions): Promise<unknown> {
    return parseJson(await this.transport.send(call, request), call);
  }

  private async data(call: Call, request?: RequestOptions): Promise<unknown> {
    const envelope = asObject(await this.json(call, request));
    if (envelope?.data == null) {
      throw new ProtocolError(`Tallyfy's answer to ${call.method} had no "data". Check the API base URL setting.`);
    }
    return envelope.data;
  }

  /** A guest without an email cannot be addressed by any endpoint: skip it rather than fail the list. */
  private guestsOf(items: unknown[]): Guest[] {
    const guests: Guest[] = [];
    for (const raw of items) {
      const email = asObject(raw)?.email;
      if (typeof email === 'string' && email !== '') guests.push(normalizeGuest(raw));
      else this.options.logger?.warn('Skipped a guest without an email address in Tallyfy\'s list.');
    }
    return guests;
  }

  private async lookUp(email: string, request?: RequestOptions): Promise<Guest | undefined> {
    try {
      return await this.getGuest(email, {}, request);
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      return undefined;
    }
  }
}

/**
 * One path segment. encodeURIComponent keeps + % / ? # and unicode inside it, but leaves dots
 * alone, and URL parsing resolves a segment that is exactly "." or ".." (encoded as %2E too), so a
 * guest "email" of ".." from a broken or hostile list would turn DELETE …/guests/.. into a DELETE
 * of …/organizations/{org}/; an empty one would address the collection itself. A lone surrogate
 * cannot be encoded at all (URIError). No real email or id is any of these, so such a value is
 * refused with a typed error; the value itself stays out of the message (it came from outside).
 */
function pathSegment(value: string, what: string): string {
  let segment: string | undefined;
  try {
    segment = encodeURIComponent(value);
  } catch {
    segment = undefined;
  }
  if (segment === undefined || value === '' || value === '.' || value === '..') {
    throw new ProtocolError(`Tallyfy sent ${what} that cannot be used in a request. Refresh the list; if it persists, it must be corrected in Tallyfy.`);
  }
  return segment;
}

function mayHaveCreated(error: unknown): boolean {
  return error instanceof ServerError || error instanceof NetworkError || error instanceof TimeoutError || error instanceof ProtocolError;
}

function parseJson(result: HttpResult, call: Call): unknown {
  try {
    return JSON.parse(result.text);
  } catch {
    throw new ProtocolError(
      `Tallyfy's answer to ${call.method} (HTTP ${result.status}) was not valid JSON. Try again; if it persists, check the API base URL setting.`,
      result.status,
    );
  }
}

/** The envelope's `data` when the body has one; undefined for 204, empty or unreadable bodies. */
function optionalData(result: HttpResult): unknown {
  if (result.text === '') return undefined;
  try {
    const data = asObject(JSON.parse(result.text))?.data;
    return data == null ? undefined : data;
  } catch {
    return undefined;
  }
}

function guestIfAny(result: HttpResult): Guest | undefined {
  const data = asObject(optionalData(result));
  return typeof data?.email === 'string' && data.email !== '' ? normalizeGuest(data) : undefined;
}
