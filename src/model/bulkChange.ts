// What a bulk update does to each guest. Tallyfy's PUT replaces associated_members as a whole, so
// "add member 7" becomes, per guest, that guest's own list plus 7. Guests already at the target
// value are skipped (no request). Pure: no `vscode`.
import type { EditableField, Guest, GuestChanges, GuestFields } from '../api/types';
import { applyChanges, conflictingFields, diffGuest } from './diff';
import { FIELDS, formatFieldValue } from './fields';
import { l10n } from '../common/l10n';

export type TextField = Exclude<EditableField, 'associated_members'>;

export type BulkOperation =
  /** Set a text field (null or '' clears it). */
  | { kind: 'set'; field: TextField; value: string | null }
  /** Replace the member list ([] clears it). */
  | { kind: 'setMembers'; members: readonly number[] }
  | { kind: 'addMembers'; members: readonly number[] }
  | { kind: 'removeMembers'; members: readonly number[] };

export interface PlannedChange {
  guest: Guest;
  /** The PUT body: only the fields that differ. */
  changes: GuestChanges;
  /** The guest's values of those same fields before the change (what an undo puts back). */
  previous: GuestChanges;
}

export interface BulkPlan {
  changes: PlannedChange[];
  /** Guests already at the target values: skipped, no request. */
  unchanged: Guest[];
  /** How many guests each field changes for. */
  fieldCounts: Partial<Record<EditableField, number>>;
}

/** True when the operations need each guest's current member list (read fresh before writing). */
export function dependsOnCurrentMembers(operations: readonly BulkOperation[]): boolean {
  return operations.some((op) => op.kind === 'addMembers' || op.kind === 'removeMembers');
}

/** The guest's fields after the operations, in order. */
export function applyOperations(fields: GuestFields, operations: readonly BulkOperation[]): GuestFields {
  let result = applyChanges(fields, {});
  for (const op of operations) {
    if (op.kind === 'set') {
      result = applyChanges(result, { [op.field]: op.value });
    } else {
      const current = result.associated_members ?? [];
      const members =
        op.kind === 'setMembers'
          ? [...op.members]
          : op.kind === 'addMembers'
            ? [...current, ...op.members]
            : current.filter((id) => !op.members.includes(id));
      // applyChanges keeps the old list for undefined; [] must clear it, so pass null for empty.
      result = applyChanges(result, { associated_members: members.length > 0 ? members : null });
    }
  }
  return result;
}

/** The PUT body for one guest, and the values it replaces; both empty when nothing changes. */
export function changeForGuest(guest: Guest, operations: readonly BulkOperation[]): PlannedChange {
  const changes = diffGuest(guest, applyOperations(guest, operations));
  return { guest, changes, previous: previousValues(guest, changes) };
}

/** The guest's current values of the fields `changes` sets, in the form a PUT takes ([] for no members). */
export function previousValues(guest: GuestFields, changes: GuestChanges): GuestChanges {
  const before = applyChanges(guest, {});
  const previous: GuestChanges = {};
  for (const field of Object.keys(changes) as EditableField[]) {
    (previous as Record<EditableField, unknown>)[field] = field === 'associated_members' ? (before.associated_members ?? []) : before[field];
  }
  return previous;
}

export function isEmptyChange(changes: GuestChanges): boolean {
  return Object.keys(changes).length === 0;
}

export function planBulkChange(guests: readonly Guest[], operations: readonly BulkOperation[]): BulkPlan {
  const plan: BulkPlan = { changes: [], unchanged: [], fieldCounts: {} };
  for (const guest of guests) {
    const change = changeForGuest(guest, operations);
    if (isEmptyChange(change.changes)) {
      plan.unchanged.push(guest);
      continue;
    }
    plan.changes.push(change);
    for (const field of Object.keys(change.changes) as EditableField[]) {
      plan.fieldCounts[field] = (plan.fieldCounts[field] ?? 0) + 1;
    }
  }
  return plan;
}

function valueText(field: EditableField, value: unknown): string {
  const text = formatFieldValue(field, value);
  return text === '' ? l10n.t('(empty)') : `"${text}"`;
}

/** "Company → "Acme"", "add members 3, 7": one line per operation, for the preview and the report. */
export function describeOperation(op: BulkOperation): string {
  switch (op.kind) {
    case 'set':
      return `${FIELDS[op.field].label} → ${valueText(op.field, op.value)}`;
    case 'setMembers':
      return l10n.t('Associated members → {0}', valueText('associated_members', op.members));
    case 'addMembers':
      return l10n.t('Add associated members {0}', op.members.join(', '));
    case 'removeMembers':
      return l10n.t('Remove associated members {0}', op.members.join(', '));
  }
}

/** "3 of 5 guests will change; 2 already have that value and will be skipped." */
function planSummary(changing: number, total: number, unchanged: number, operations: number): string {
  const willChange = total === 1 ? l10n.t('{0} of {1} guest will change', changing, total) : l10n.t('{0} of {1} guests will change', changing, total);
  if (operations === 1) {
    return unchanged === 1
      ? l10n.t('{0}; {1} already has that value and will be skipped.', willChange, unchanged)
      : l10n.t('{0}; {1} already have that value and will be skipped.', willChange, unchanged);
  }
  return unchanged === 1
    ? l10n.t('{0}; {1} already has those values and will be skipped.', willChange, unchanged)
    : l10n.t('{0}; {1} already have those values and will be skipped.', willChange, unchanged);
}

/** The preview shown before sending: what changes for how many guests, and how many are skipped. */
export function describePlan(plan: BulkPlan, operations: readonly BulkOperation[]): string {
  const total = plan.changes.length + plan.unchanged.length;
  const lines = [operations.map(describeOperation).join('; ') + '.'];
  lines.push(planSummary(plan.changes.length, total, plan.unchanged.length, operations.length));
  const perField = (Object.entries(plan.fieldCounts) as [EditableField, number][])
    .map(([field, count]) => `${FIELDS[field].label}: ${count}`);
  if (perField.length > 1) lines.push(l10n.t('Changes per field: {0}.', perField.join(', ')));
  return lines.join('\n');
}

/** One field compared in canonical form (trimmed text, empty = null, member lists as sets). */
export function sameFieldValue(field: EditableField, a: Partial<GuestFields>, b: Partial<GuestFields>): boolean {
  const pick = (source: Partial<GuestFields>): GuestFields => ({ [field]: source[field] ?? null }) as unknown as GuestFields;
  return conflictingFields(pick(a), pick(b)).length === 0;
}

export interface UndoStep {
  /** What to send to put the previous values back; empty when nothing is left to undo. */
  changes: GuestChanges;
  /** Fields someone changed again after the bulk update: left as they are. */
  changedSince: EditableField[];
}

/**
 * Undo for one guest: each field the run set goes back to its previous value, unless its current
 * value is no longer what the run left (someone changed it since; their change is kept).
 */
export function undoStep(current: GuestFields, applied: GuestChanges, previous: GuestChanges): UndoStep {
  const step: UndoStep = { changes: {}, changedSince: [] };
  for (const field of Object.keys(previous) as EditableField[]) {
    if (sameFieldValue(field, current, previous)) continue;
    if (!sameFieldValue(field, current, applied)) {
      step.changedSince.push(field);
      continue;
    }
    const value = previous[field];
    (step.changes as Record<EditableField, unknown>)[field] = field === 'associated_members' ? (value ?? []) : (value ?? null);
  }
  return step;
}
