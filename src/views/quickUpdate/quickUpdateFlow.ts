// "Quick Update Guest…": guest → field (with current values) → new value (validated as typed, the
// old value shown) → save, with Back at every step after the first. The palette command, the
// tree's context menu and the status-bar item all run this flow.
import type { EditableField, Guest } from '../../api/types';
import { editBaseOf } from '../../editing/conflict';
import { saveGuest, type SaveOutcome } from '../../editing/saveGuest';
import { undoRecordFor, type UndoRecord } from '../../editing/undo';
import { diffGuest } from '../../model/diff';
import { FIELDS, formatFieldValue, parseFieldInput } from '../../model/fields';
import { displayName } from '../../model/guestDisplay';
import { singleLine } from '../../model/text';
import type { Services } from '../../services';
import { askAboutConflict } from '../conflictPrompt';
import { withApiProgress } from '../progress';
import { recordSavedGuest, unappliedMessage } from '../savedGuest';
import { showError } from '../showError';
import { currentValueText, fieldItems, guestItems, zoneItems } from './items';
import { askStepInput, askStepPick } from './stepRunner';
import type { StepAnswer } from './steps';
import { l10n } from '../../common/l10n';

export interface QuickUpdateContext {
  services: Services;
  recordUndo(record: UndoRecord): void;
}

type Step = 'guest' | 'field' | 'value';
const TITLE = (): string => l10n.t('Quick Update Guest');

/** What the save did: done (success, failure shown, or cancelled), or the guest to show again after "Reload". */
type SaveResult = { kind: 'done' } | { kind: 'reload'; guest: Guest };

export async function runQuickUpdate(context: QuickUpdateContext, initial?: Guest): Promise<void> {
  const { services } = context;
  services.client(); // signed out or no organization: ConfigError now, before any step
  const steps: Step[] = initial ? ['field', 'value'] : ['guest', 'field', 'value'];
  const number = (step: Step) => steps.indexOf(step) + 1;
  const base = { title: TITLE(), totalSteps: steps.length };
  let guest = initial ? (services.store.get(initial.email) ?? initial) : undefined;
  let field: EditableField | undefined;
  let step: Step = steps[0];
  for (;;) {
    if (step === 'guest') {
      const items = guestItems(services.store.all());
      const answer = await askStepPick(services.ui, {
        ...base, step: number('guest'), canGoBack: false, items,
        activeItem: items.find((item) => item.email === (guest ?? services.lastGuest)?.email),
        placeholder: l10n.t('Which guest? Type a name, email or company'),
        matchOnDescription: true, matchOnDetail: true,
      });
      if (answer.kind !== 'value') return;
      guest = services.store.get(answer.value.email);
      if (!guest) return;
      step = 'field';
    } else if (step === 'field' && guest) {
      const items = fieldItems(guest);
      const answer = await askStepPick(services.ui, {
        ...base, step: number('field'), canGoBack: number('field') > 1, items,
        activeItem: items.find((item) => item.field === field),
        placeholder: l10n.t('Which field of {0}?', singleLine(displayName(guest), 60)),
        matchOnDescription: true,
      });
      if (answer.kind === 'cancel') return;
      if (answer.kind === 'back') {
        step = 'guest';
        continue;
      }
      field = answer.value.field;
      step = 'value';
    } else if (step === 'value' && guest && field) {
      const text = await askValue(context, guest, field, number('value'), steps.length);
      if (text.kind === 'cancel') return;
      if (text.kind === 'back') {
        step = 'field';
        continue;
      }
      const result = await save(context, guest, field, parseFieldInput(field, text.value));
      if (result.kind === 'done') return;
      guest = result.guest;
    } else {
      return;
    }
  }
}

async function askValue(context: QuickUpdateContext, guest: Guest, field: EditableField, step: number, totalSteps: number): Promise<StepAnswer<string>> {
  const { services } = context;
  const spec = FIELDS[field];
  const name = singleLine(displayName(guest), 60);
  if (spec.kind === 'timezone') {
    const { items, active } = zoneItems(guest.timezone);
    const answer = await askStepPick(services.ui, {
      title: TITLE(), step, totalSteps, canGoBack: step > 1, items, activeItem: active,
      placeholder: l10n.t('Time zone of {0} (now {1}). Type to search.', name, currentValueText(guest, field)),
    });
    return answer.kind === 'value' ? { kind: 'value' as const, value: answer.value.zone } : answer;
  }
  const replaces = spec.kind === 'memberIds' ? l10n.t(' The list you type replaces the existing one.') : '';
  return askStepInput(services.ui, {
    title: TITLE(), step, totalSteps, canGoBack: step > 1,
    value: formatFieldValue(field, guest[field]),
    prompt: l10n.t('{0} of {1}. Now: {2}. {3}{4}', spec.label, name, currentValueText(guest, field), spec.hint, replaces),
    placeholder: spec.hint,
    validate: (value) => spec.validate(value),
  });
}

async function save(context: QuickUpdateContext, guest: Guest, field: EditableField, value: unknown): Promise<SaveResult> {
  const { services } = context;
  const name = singleLine(displayName(guest), 60);
  const label = FIELDS[field].label;
  const start = editBaseOf(guest);
  const edited = { ...start.fields, [field]: value };
  if (Object.keys(diffGuest(start.fields, edited)).length === 0) {
    void services.ui.showMessage('info', l10n.t('{0} of {1} already has that value. Nothing was sent.', label, name), {});
    return { kind: 'done' };
  }
  let outcome: SaveOutcome;
  try {
    outcome = await withApiProgress({ title: l10n.t('Updating {0}', name), log: services.log }, (request) =>
      saveGuest(services.client(), {
        email: guest.email, base: start, edited, request,
        resolveConflict: (conflict) => askAboutConflict(services, name, conflict, { offerReload: true, action: l10n.t('saves your value') }),
      }),
    );
  } catch (error) {
    await showError(services, error, { guestEmail: guest.email, action: l10n.t('Could not update {0}', name), retry: () => save(context, guest, field, value) });
    return { kind: 'done' };
  }
  switch (outcome.kind) {
    case 'saved': {
      recordSavedGuest(services, outcome.guest);
      const undo = undoRecordFor(outcome);
      if (undo) context.recordUndo(undo);
      if (outcome.unapplied.length > 0) void services.ui.showMessage('warning', `${name}: ${unappliedMessage(outcome.unapplied)}`, {});
      else void services.ui.showMessage('info', l10n.t('Updated {0} of {1}.', label, name), {});
      return { kind: 'done' };
    }
    case 'reload':
      services.store.upsert(outcome.conflict.fresh);
      services.lastGuest = outcome.conflict.fresh;
      return { kind: 'reload', guest: outcome.conflict.fresh };
    case 'cancelled':
      void services.ui.showMessage('info', l10n.t('Nothing was saved: {0} was changed in Tallyfy.', name), {});
      return { kind: 'done' };
    case 'unchanged':
      return { kind: 'done' };
  }
}
