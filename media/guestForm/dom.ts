// Builds the guest form's elements. Labels and hints come from the field catalogue; nothing from
// the API passes through here, and every text is set with textContent (never innerHTML).
import { l10n } from '../../src/common/l10n';
import { FIELDS, TIMEZONES, type FieldKey } from '../../src/model/fields';

export interface FieldElements {
  row: HTMLElement;
  input: HTMLInputElement;
  changedMark: HTMLElement;
  error: HTMLElement;
  note: HTMLElement;
}

export interface FormElements {
  heading: HTMLElement;
  emailLine: HTMLElement;
  emailValue: HTMLElement;
  notice: HTMLElement;
  form: HTMLFormElement;
  fieldset: HTMLFieldSetElement;
  fields: Map<FieldKey, FieldElements>;
  save: HTMLButtonElement;
  discard: HTMLButtonElement;
  status: HTMLElement;
}

/** Extra words for a field beyond its catalogue hint. */
function extraHint(key: FieldKey): string | undefined {
  return key === 'associated_members' ? l10n.t('Saving replaces the existing list of associated members with this one.') : undefined;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function buildField(key: FieldKey): FieldElements {
  const spec = FIELDS[key];
  const id = `field-${key}`;
  const row = element('div', { class: 'field', 'data-field': key });
  const label = element('label', { for: id });
  label.append(document.createTextNode(spec.label));
  const changedMark = element('span', { class: 'changed-mark' }, ` ${l10n.t('(changed)')}`);
  changedMark.hidden = true;
  label.append(changedMark);
  const input = element('input', {
    id,
    name: key,
    type: spec.kind === 'email' ? 'email' : spec.kind === 'phone' ? 'tel' : 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${id}-hint ${id}-error ${id}-note`,
  });
  if (spec.kind === 'timezone') input.setAttribute('list', 'timezones');
  if (spec.kind === 'email') input.required = true;
  const hintText = [spec.hint, extraHint(key)].filter(Boolean).join(' ');
  const hint = element('div', { class: 'hint', id: `${id}-hint` }, hintText);
  const error = element('div', { class: 'error', id: `${id}-error` });
  const note = element('div', { class: 'note', id: `${id}-note` });
  row.append(label, input, hint, error, note);
  return { row, input, changedMark, error, note };
}

function buildTimeZoneList(): HTMLDataListElement {
  const list = element('datalist', { id: 'timezones' });
  for (const zone of TIMEZONES) list.append(element('option', { value: zone }));
  return list;
}

/** The whole form for the given fields, appended to `root`. */
export function buildForm(root: HTMLElement, keys: readonly FieldKey[]): FormElements {
  root.replaceChildren();
  const heading = element('h1', { id: 'heading' });
  const emailLine = element('p', { id: 'email-line' });
  emailLine.append(element('span', { class: 'label' }, `${l10n.t('Email:')} `));
  const emailValue = element('span', { id: 'email-value' });
  emailLine.append(emailValue);
  const notice = element('div', { id: 'notice', class: 'notice' });
  notice.hidden = true;
  const form = element('form', { id: 'guest-form', novalidate: '' });
  const fieldset = element('fieldset');
  const legend = element('legend', { class: 'visually-hidden' }, l10n.t('Guest details'));
  fieldset.append(legend);
  const fields = new Map<FieldKey, FieldElements>();
  for (const key of keys) {
    const field = buildField(key);
    fields.set(key, field);
    fieldset.append(field.row);
  }
  fieldset.append(buildTimeZoneList());
  const actions = element('div', { class: 'actions' });
  const save = element('button', { type: 'submit', id: 'save' }, l10n.t('Save'));
  const discard = element('button', { type: 'button', id: 'discard', class: 'secondary' }, l10n.t('Discard Changes'));
  const status = element('span', { id: 'form-status', class: 'form-status', role: 'status', 'aria-live': 'polite' });
  actions.append(save, discard, status);
  fieldset.append(actions);
  form.append(fieldset);
  root.append(heading, emailLine, notice, form);
  return { heading, emailLine, emailValue, notice, form, fieldset, fields, save, discard, status };
}
