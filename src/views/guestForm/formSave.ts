// What Save does in the guest form, in edit and create mode. Returns the message for the webview
// and, when the form's state moved on (saved, reloaded, created), the new state. Failures keep the
// user's text: a 422 is shown at the fields, anything else at the top and through showError.
import { CancelledError, ValidationError, isTallyfyError } from '../../api/errors';
import type { Guest, GuestCreateInput, GuestFields } from '../../api/types';
import { editBaseOf, rebaseEdits, type EditBase } from '../../editing/conflict';
import { EMPTY_FIELDS, formValuesOf, parseFormValues, pickFields, type FieldMessages, type FormValues } from '../../editing/formValues';
import { saveGuest, type SaveOutcome } from '../../editing/saveGuest';
import { undoRecordFor, type UndoRecord } from '../../editing/undo';
import { unappliedFields } from '../../model/diff';
import { FIELD_ORDER, type FieldKey } from '../../model/fields';
import type { Services } from '../../services';
import { askAboutConflict } from '../conflictPrompt';
import { withApiProgress } from '../progress';
import { recordSavedGuest, unappliedMessage } from '../savedGuest';
import { showError } from '../showError';
import type { FormMode, HostMessage, Notice } from './messages';
import { l10n } from '../../common/l10n';

export type ResultMessage = Extract<HostMessage, { type: 'result' }>;

export interface FormState {
  mode: FormMode;
  email: string;
  base: EditBase;
}

export interface FormContext {
  services: Services;
  /** The guest's name for messages ("Ana Ops"). */
  label: string;
  recordUndo(record: UndoRecord): void;
  /** Runs the same save again (offered as "Retry" after a network error). */
  retry(): void;
}

export interface FormOutcome {
  result: ResultMessage;
  /** Set when the form now stands for another state (after a save, a reload or a create). */
  state?: FormState;
  /** The guest as Tallyfy returned it, after a save or a create. */
  guest?: Guest;
}

const NOT_APPLIED_NOTE = (): string => l10n.t('Tallyfy did not apply this change.');
const CHANGED_THERE_NOTE = (): string => l10n.t('Changed in Tallyfy by someone else: this is their value.');

function result(parts: Partial<ResultMessage>): ResultMessage {
  return { type: 'result', base: null, baseUpdatedAt: null, draft: null, notice: null, fieldErrors: {}, fieldNotes: {}, ...parts };
}

function notice(severity: Notice['severity'], text: string): Notice {
  return { severity, text };
}

/** Tallyfy's 422 messages on the form's fields; messages about other keys go to the top. */
function validationResult(error: ValidationError): ResultMessage {
  const fieldErrors: FieldMessages = {};
  const other: string[] = [];
  for (const [key, messages] of Object.entries(error.fieldErrors)) {
    if ((FIELD_ORDER as readonly string[]).includes(key)) fieldErrors[key as FieldKey] = messages.join(' ');
    else other.push(`${key}: ${messages.join(' ')}`);
  }
  const text = other.length > 0 ? l10n.t('Tallyfy rejected the values. {0}', other.join(' ')) : l10n.t('Tallyfy rejected the values marked below. Fix them and save again.');
  return result({ fieldErrors, notice: notice('error', text) });
}

function failure(context: FormContext, state: FormState, error: unknown): FormOutcome {
  if (error instanceof ValidationError) return { result: validationResult(error) };
  void showError(context.services, error, {
    guestEmail: state.mode === 'edit' ? state.email : undefined,
    action: state.mode === 'edit' ? l10n.t('Could not save {0}', context.label) : l10n.t('Could not create the guest'),
    retry: () => context.retry(),
  });
  const reason = isTallyfyError(error) ? error.userMessage : l10n.t('Something went wrong; the log has the details.');
  const cancelled = error instanceof CancelledError;
  const text = cancelled ? l10n.t('Cancelled: nothing was saved. Your changes are still here.') : l10n.t('Not saved. {0} Your changes are still here.', reason);
  return { result: result({ notice: notice(cancelled ? 'warning' : 'error', text) }) };
}

function savedOutcome(context: FormContext, values: FormValues, outcome: Extract<SaveOutcome, { kind: 'saved' }>, state: FormState): FormOutcome {
  const { services } = context;
  recordSavedGuest(services, outcome.guest);
  const undo = undoRecordFor(outcome);
  if (undo) context.recordUndo(undo);
  const base = editBaseOf(outcome.guest);
  const draft = formValuesOf(base.fields);
  const fieldNotes: FieldMessages = {};
  for (const field of outcome.unapplied) {
    draft[field] = values[field] ?? draft[field];
    fieldNotes[field] = NOT_APPLIED_NOTE();
  }
  let shown: Notice = notice('info', l10n.t('Saved to Tallyfy.'));
  if (outcome.unapplied.length > 0) {
    shown = notice('warning', unappliedMessage(outcome.unapplied));
    void services.ui.showMessage('warning', `${context.label}: ${shown.text}`, {});
  }
  return {
    state: { ...state, base },
    guest: outcome.guest,
    result: result({ base: base.fields, baseUpdatedAt: base.updatedAt, draft, notice: shown, fieldNotes }),
  };
}

export async function saveEditForm(context: FormContext, state: FormState, values: FormValues): Promise<FormOutcome> {
  const parsed = parseFormValues(values, state.base.fields, false);
  if (!parsed.ok) return { result: result({ fieldErrors: parsed.errors, notice: notice('error', l10n.t('Some values need fixing before saving.')) }) };
  const { services, label } = context;
  let outcome: SaveOutcome;
  try {
    outcome = await withApiProgress({ title: l10n.t('Saving {0}', label), log: services.log }, (request) =>
      saveGuest(services.client(), {
        email: state.email,
        base: state.base,
        edited: parsed.fields,
        request,
        resolveConflict: (conflict) => askAboutConflict(services, label, conflict, { offerReload: true, action: l10n.t('saves your changes') }),
      }),
    );
  } catch (error) {
    return failure(context, state, error);
  }
  switch (outcome.kind) {
    case 'unchanged':
      return { result: result({ notice: notice('info', l10n.t('Nothing to save: every field has the value it had when the form opened.')) }) };
    case 'cancelled':
      return { result: result({ notice: notice('warning', l10n.t('Not saved: the guest was changed in Tallyfy. Your changes are still here.')) }) };
    case 'reload': {
      const { conflict } = outcome;
      services.store.upsert(conflict.fresh);
      const base = editBaseOf(conflict.fresh);
      const fieldNotes: FieldMessages = {};
      for (const field of conflict.fields) fieldNotes[field] = CHANGED_THERE_NOTE();
      return {
        state: { ...state, base },
        result: result({
          base: base.fields,
          baseUpdatedAt: base.updatedAt,
          draft: formValuesOf(rebaseEdits(parsed.fields, conflict)),
          notice: notice('info', l10n.t('Loaded the current version from Tallyfy. Fields changed there show their value; your other changes are kept. Save when ready.')),
          fieldNotes,
        }),
      };
    }
    case 'saved':
      return savedOutcome(context, values, outcome, state);
  }
}

function createInput(email: string, fields: GuestFields): GuestCreateInput {
  const input: GuestCreateInput = { email };
  for (const [key, value] of Object.entries(fields) as [keyof GuestFields, unknown][]) {
    if (value !== null && value !== undefined) (input as unknown as Record<string, unknown>)[key] = value;
  }
  return input;
}

export async function saveCreateForm(context: FormContext, state: FormState, values: FormValues): Promise<FormOutcome> {
  const parsed = parseFormValues(values, EMPTY_FIELDS, true);
  if (!parsed.ok) return { result: result({ fieldErrors: parsed.errors, notice: notice('error', l10n.t('Some values need fixing before the guest can be created.')) }) };
  const { services } = context;
  const input = createInput(parsed.email, parsed.fields);
  let guest: Guest;
  try {
    guest = await withApiProgress({ title: l10n.t('Creating guest {0}', parsed.email), log: services.log }, (request) => services.client().createGuest(input, request));
  } catch (error) {
    return failure(context, state, error);
  }
  recordSavedGuest(services, guest);
  const base = editBaseOf(guest);
  const { email: _email, ...sent } = input;
  const unapplied = unappliedFields(sent, pickFields(guest));
  let shown = notice('info', l10n.t('Created the guest in Tallyfy. You can keep editing here.'));
  if (unapplied.length > 0) {
    shown = notice('warning', l10n.t('Created the guest, but {0}', unappliedMessage(unapplied)));
    void services.ui.showMessage('warning', shown.text, {});
  }
  return {
    state: { mode: 'edit', email: guest.email, base },
    guest,
    result: result({ base: base.fields, baseUpdatedAt: base.updatedAt, draft: formValuesOf(base.fields), notice: shown }),
  };
}
