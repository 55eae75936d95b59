// The Tallyfy sandbox: a loopback HTTP server that behaves like Tallyfy's guest and group API as
// described in /work/shared/docs/tallyfy-api.md. Each module's header comment lists the choices it
// makes where the doc is silent. Control API for other processes: see control.ts.
export { startSandbox } from './server';
export { DEFAULT_TOKEN } from './options';
export type {
  Fault,
  FaultMatch,
  LinksStyle,
  PutMode,
  RateLimitOptions,
  RecordedRequest,
  RuntimeOptions,
  Sandbox,
  SandboxGroup,
  SandboxGuest,
  SandboxGuestStats,
  SandboxMember,
  SandboxOptions,
} from './types';
