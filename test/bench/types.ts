// What every benchmark case returns, and what the runner hands each case.

export type CaseStatus = 'pass' | 'fail' | 'not measured';

export interface CaseResult {
  /** Stable key for bench-results.json, e.g. "update-overhead". */
  id: string;
  name: string;
  what: string;
  target: string;
  status: CaseStatus;
  /** The headline number compared with the target (null when not measured). */
  figure: number | null;
  unit: string;
  /** The headline as printed, e.g. "1.04× (1.01–1.08)". */
  display: string;
  /** How the figure varied over the repetitions, e.g. "p10–p90 1.01–1.08, 20 blocks". */
  spread?: string;
  /** Why a case was not measured, what it measured exactly, secondary figures. */
  notes: string[];
  /** Raw samples and secondary figures for bench-results.json. */
  details?: Record<string, unknown>;
}

export interface BenchContext {
  quick: boolean;
  /** Repository root (holds package.json). */
  root: string;
  log(message: string): void;
}

export type BenchCase = (context: BenchContext) => Promise<CaseResult | CaseResult[]>;

/** A case that could not run: says why, never a figure. */
export function notMeasured(id: string, name: string, what: string, target: string, reason: string): CaseResult {
  return { id, name, what, target, status: 'not measured', figure: null, unit: '', display: `not measured: ${reason}`, notes: [reason] };
}
