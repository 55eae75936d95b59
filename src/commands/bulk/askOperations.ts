// The questions of a bulk update: which fields, then each field's new value, validated as typed
// with the same field catalogue as the edit form. Escape at any step cancels the whole update.
import type * as vscode from 'vscode';
import type { BulkOperation, TextField } from '../../model/bulkChange';
import { FIELDS, parseFieldInput, TIMEZONES } from '../../model/fields';
import type { Services } from '../../services';
import { l10n } from '../../common/l10n';

type MemberMode = 'setMembers' | 'addMembers' | 'removeMembers';

interface FieldItem extends vscode.QuickPickItem {
  target: { kind: 'set'; field: TextField } | { kind: MemberMode };
}

const TEXT_FIELDS: TextField[] = ['first_name', 'last_name', 'company_name', 'phone_1', 'phone_2', 'timezone'];

function memberItems(): FieldItem[] {
  return [
    { label: l10n.t('Associated members: set the list'), detail: l10n.t('Replaces each guest\'s list (empty clears it).'), target: { kind: 'setMembers' } },
    { label: l10n.t('Associated members: add'), detail: l10n.t('Adds member ids to each guest\'s own list; other members stay.'), target: { kind: 'addMembers' } },
    { label: l10n.t('Associated members: remove'), detail: l10n.t('Removes member ids from each guest\'s own list; other members stay.'), target: { kind: 'removeMembers' } },
  ];
}

const CLEAR_TIMEZONE = (): string => l10n.t('(no time zone: clear it)');

export async function askOperations(services: Services, guestCount: number): Promise<BulkOperation[] | undefined> {
  const who = guestCount === 1 ? l10n.t('{0} guest', guestCount) : l10n.t('{0} guests', guestCount);
  const items: FieldItem[] = [
    ...TEXT_FIELDS.map((field): FieldItem => ({ label: FIELDS[field].label, detail: FIELDS[field].hint, target: { kind: 'set', field } })),
    ...memberItems(),
  ];
  const picked = await services.ui.showQuickPickMany(items, { title: l10n.t('Bulk update {0}: fields to change', who), placeHolder: l10n.t('Select one or more fields') });
  if (!picked || picked.length === 0) return undefined;
  const operations: BulkOperation[] = [];
  for (const [index, item] of picked.entries()) {
    const title = l10n.t('Bulk update {0} ({1}/{2})', who, index + 1, picked.length);
    const op = item.target.kind === 'set' ? await askValue(services, title, item.target.field) : await askMembers(services, title, item.target.kind);
    if (!op) return undefined;
    operations.push(op);
  }
  return operations;
}

async function askValue(services: Services, title: string, field: TextField): Promise<BulkOperation | undefined> {
  const spec = FIELDS[field];
  if (field === 'timezone') {
    const zones = [{ label: CLEAR_TIMEZONE() }, ...TIMEZONES.map((zone) => ({ label: zone }))];
    const zone = await services.ui.showQuickPick(zones, { title, placeHolder: l10n.t('New time zone for every selected guest (type to search)') });
    if (!zone) return undefined;
    return { kind: 'set', field, value: zone.label === CLEAR_TIMEZONE() ? null : zone.label };
  }
  const text = await services.ui.showInputBox({
    title,
    prompt: l10n.t('New {0} for every selected guest. Leave empty to clear it.', spec.label.toLowerCase()),
    placeHolder: spec.hint,
    validateInput: (value) => spec.validate(value),
  });
  if (text === undefined) return undefined;
  return { kind: 'set', field, value: parseFieldInput(field, text) };
}

async function askMembers(services: Services, title: string, mode: MemberMode): Promise<BulkOperation | undefined> {
  const spec = FIELDS.associated_members;
  const verb = mode === 'setMembers' ? l10n.t('New list of member ids (empty clears it)') : mode === 'addMembers' ? l10n.t('Member ids to add') : l10n.t('Member ids to remove');
  const text = await services.ui.showInputBox({
    title,
    prompt: l10n.t('{0}, separated by commas.', verb),
    placeHolder: 'e.g. 12, 34',
    validateInput: (value) => {
      const problem = spec.validate(value);
      if (problem) return problem;
      return mode !== 'setMembers' && value.trim() === '' ? l10n.t('Type at least one member id.') : undefined;
    },
  });
  if (text === undefined) return undefined;
  const members = parseFieldInput('associated_members', text) ?? [];
  return mode === 'setMembers' ? { kind: 'setMembers', members } : { kind: mode, members };
}
