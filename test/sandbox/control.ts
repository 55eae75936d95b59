// The control API under /__sandbox/ (no auth, never recorded) for drivers in other processes.
// It is a thin HTTP wrapper over the in-process Sandbox object. Answers: lists as {"data":[…]},
// POST /faults → 201 {"data":fault}, POST /options → 200 {"data":options}, deletes and reset → 204,
// a bad request → 400 {"error":true,"message":…}.
import { faultFromJson } from './faults';
import { json, type Reply } from './reply';
import type { RuntimeOptions, Sandbox } from './types';

const OPTION_KEYS: ReadonlyArray<keyof RuntimeOptions> = [
  'putMode', 'rateLimit', 'latencyMs', 'linksStyle', 'unknownEmailOnPut', 'inviteCapPerHour', 'putRequiresEmailInBody', 'groupUpdateRequiresDescription',
];

function optionChanges(body: unknown): Partial<RuntimeOptions> {
  if (typeof body !== 'object' || body === null) throw new Error('Options must be a JSON object');
  const raw = body as Record<string, unknown>;
  const unknownKeys = Object.keys(raw).filter((k) => !OPTION_KEYS.includes(k as keyof RuntimeOptions));
  if (unknownKeys.length > 0) throw new Error(`Unknown option(s): ${unknownKeys.join(', ')}`);
  return raw as Partial<RuntimeOptions>;
}

export function routeControl(
  sandbox: Sandbox,
  currentOptions: () => RuntimeOptions,
  method: string,
  path: string,
  bodyText: string,
): Reply {
  let body: unknown;
  try {
    body = bodyText.trim() === '' ? undefined : JSON.parse(bodyText);
  } catch {
    return json(400, { error: true, message: 'Malformed JSON.' });
  }
  try {
    switch (`${method} ${path.replace(/\/+$/, '')}`) {
      case 'GET /__sandbox/requests':
        return json(200, { data: sandbox.requests });
      case 'DELETE /__sandbox/requests':
        sandbox.clearRequests();
        return { status: 204 };
      case 'POST /__sandbox/faults': {
        const fault = faultFromJson(body);
        sandbox.injectFault(fault);
        return json(201, { data: body });
      }
      case 'DELETE /__sandbox/faults':
        sandbox.clearFaults();
        return { status: 204 };
      case 'POST /__sandbox/options':
        sandbox.configure(optionChanges(body));
        return json(200, { data: currentOptions() });
      case 'GET /__sandbox/guests':
        return json(200, { data: sandbox.guests() });
      case 'GET /__sandbox/groups':
        return json(200, { data: sandbox.groups() });
      case 'POST /__sandbox/reset':
        sandbox.reset();
        return { status: 204 };
      default:
        return json(404, { error: true, message: 'Unknown sandbox control endpoint' });
    }
  } catch (e) {
    return json(400, { error: true, message: e instanceof Error ? e.message : String(e) });
  }
}
