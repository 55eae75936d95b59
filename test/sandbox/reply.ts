// What a route handler returns; the server turns it into an HTTP response.

export interface Reply {
  status: number;
  /** Sent as JSON when defined. */
  body?: unknown;
  /** Sent as-is (with contentType) when defined; wins over body. */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A parsed API request, as handlers see it. Path segments are decoded exactly once. */
export interface ApiRequest {
  method: string;
  /** Decoded segments after `/api`, e.g. ['organizations', 'org_sandbox', 'guests', 'ana+ops@client.test']. */
  segments: string[];
  query: Record<string, string>;
  body: unknown;
  bodyIsMalformed: boolean;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, headers });

export const notFoundResource = (): Reply =>
  json(404, { error: true, message: 'Resource not found', code: 'RESOURCE_NOT_FOUND' });

export const notFoundEndpoint = (): Reply =>
  json(404, { error: true, message: 'API endpoint not found', code: 'ENDPOINT_NOT_FOUND' });

export const unprocessable = (errors: Record<string, string[]>): Reply =>
  json(422, { error: true, message: 'The given data was invalid.', errors });

/** The request body as an object of fields; non-object JSON counts as no fields. */
export function bodyFields(req: ApiRequest): Record<string, unknown> {
  const body = req.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
