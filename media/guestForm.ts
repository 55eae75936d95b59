// The guest form's script, running inside the webview. It renders the form, validates each value
// as it is typed with the same catalogue the extension uses, marks changed fields, keeps the draft
// with setState (and in the extension) on every input, and asks the extension to save. Every value
// from the API is shown with textContent or an input's value, never as HTML.
import type { GuestFields } from '../src/api/types';
import { bundleTranslator, installTranslator, l10n } from '../src/common/l10n';
import { EMPTY_FIELDS, formValuesOf, parseFormValues, type FieldMessages, type FormValues } from '../src/editing/formValues';
import { diffGuest } from '../src/model/diff';
import { FIELD_ORDER, type FieldKey } from '../src/model/fields';
import { singleLine } from '../src/model/text';
import type { FormMode, HostMessage, Notice, PersistedFormState, WebviewMessage } from '../src/views/guestForm/messages';
import { buildForm, type FormElements } from './guestForm/dom';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PersistedFormState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app') as HTMLElement;

let mode: FormMode = 'edit';
let email = '';
let base: GuestFields = EMPTY_FIELDS;
let baseUpdatedAt: string | null = null;
let busy = false;
let ui: FormElements | undefined;
/** Messages from Tallyfy (422) per field, shown until that field is edited. */
let serverErrors: FieldMessages = {};
/** Fields the user has typed in since the form was (re)loaded: their validation errors show. */
const touched = new Set<FieldKey>();

function keys(): FieldKey[] {
  return FIELD_ORDER.filter((key) => mode === 'create' || key !== 'email');
}

function currentValues(): FormValues {
  const values: FormValues = {};
  for (const [key, field] of ui?.fields ?? []) values[key] = field.input.value;
  return values;
}

function persist(values: FormValues): void {
  vscode.setState({ mode, email, base, baseUpdatedAt, draft: values });
}

function showNotice(notice: Notice | null): void {
  if (!ui) return;
  ui.notice.hidden = notice === null;
  ui.notice.textContent = notice?.text ?? '';
  ui.notice.className = `notice ${notice?.severity ?? ''}`;
  ui.notice.setAttribute('role', notice?.severity === 'error' ? 'alert' : 'status');
}

function headingText(values: FormValues): string {
  if (mode === 'create') return l10n.t('New guest');
  const name = [values.first_name ?? '', values.last_name ?? ''].map((part) => part.trim()).filter((part) => part !== '').join(' ');
  // One bounded line without bidi controls: the heading is display only (the inputs keep exact values).
  return l10n.t('Edit guest: {0}', singleLine(name !== '' ? name : email, 200));
}

/** Re-checks every field, marks the changed ones and enables Save only when it would do something. */
function refresh(): void {
  if (!ui) return;
  const values = currentValues();
  const parsed = parseFormValues(values, base, mode === 'create');
  const errors: FieldMessages = parsed.ok ? {} : parsed.errors;
  const changed = parsed.ok ? new Set(Object.keys(diffGuest(base, parsed.fields))) : undefined;
  const baseText = formValuesOf(base);
  for (const [key, field] of ui.fields) {
    const message = serverErrors[key] ?? (touched.has(key) || key !== 'email' ? errors[key] : undefined);
    field.error.textContent = message ?? '';
    field.input.setAttribute('aria-invalid', message ? 'true' : 'false');
    const isChanged = key === 'email' ? false : changed ? changed.has(key) : (values[key] ?? '').trim() !== (baseText[key] ?? '').trim();
    field.row.classList.toggle('changed', isChanged);
    field.changedMark.hidden = !isChanged;
  }
  ui.heading.textContent = headingText(mode === 'create' ? values : baseText);
  const hasServerErrors = Object.keys(serverErrors).length > 0;
  const canSave = parsed.ok && !hasServerErrors && (mode === 'create' || (changed?.size ?? 0) > 0);
  ui.save.disabled = busy || !canSave;
  ui.discard.disabled = busy || (mode === 'edit' && (changed?.size ?? 0) === 0 && parsed.ok);
  ui.save.textContent = busy ? (mode === 'create' ? l10n.t('Creating…') : l10n.t('Saving…')) : mode === 'create' ? l10n.t('Create Guest') : l10n.t('Save');
}

function setInputs(values: FormValues): void {
  for (const [key, field] of ui?.fields ?? []) field.input.value = values[key] ?? '';
}

function setNotes(notes: FieldMessages): void {
  for (const [key, field] of ui?.fields ?? []) field.note.textContent = notes[key] ?? '';
}

function onInput(key: FieldKey): void {
  touched.add(key);
  if (serverErrors[key] !== undefined) {
    serverErrors = { ...serverErrors };
    delete serverErrors[key];
  }
  const values = currentValues();
  persist(values);
  vscode.postMessage({ type: 'draft', values });
  refresh();
}

function render(): void {
  ui = buildForm(root, keys());
  ui.emailLine.hidden = mode === 'create';
  ui.emailValue.textContent = email;
  for (const [key, field] of ui.fields) field.input.addEventListener('input', () => onInput(key));
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  ui.discard.addEventListener('click', () => {
    setInputs(mode === 'create' ? {} : formValuesOf(base));
    touched.clear();
    serverErrors = {};
    setNotes({});
    const values = currentValues();
    persist(values);
    vscode.postMessage({ type: 'draft', values });
    refresh();
  });
}

function save(): void {
  if (!ui || busy || ui.save.disabled) return;
  for (const key of ui.fields.keys()) touched.add(key);
  vscode.postMessage({ type: 'save', values: currentValues() });
}

function setBusy(value: boolean): void {
  busy = value;
  if (!ui) return;
  ui.fieldset.disabled = value;
  root.setAttribute('aria-busy', value ? 'true' : 'false');
  ui.status.textContent = value ? (mode === 'create' ? l10n.t('Creating the guest in Tallyfy…') : l10n.t('Saving to Tallyfy…')) : '';
  refresh();
}

function onHostMessage(message: HostMessage): void {
  switch (message.type) {
    case 'init': {
      // The form's words, the field labels and the validators' messages all read this bundle.
      installTranslator(bundleTranslator(message.l10n ?? undefined));
      mode = message.mode;
      email = message.email;
      base = message.base;
      baseUpdatedAt = message.baseUpdatedAt;
      serverErrors = {};
      touched.clear();
      busy = false;
      render();
      setInputs(message.draft ?? (mode === 'create' ? {} : formValuesOf(base)));
      showNotice(message.notice);
      persist(currentValues());
      refresh();
      ui?.fields.get(mode === 'create' ? 'email' : 'first_name')?.input.focus();
      break;
    }
    case 'busy':
      setBusy(message.busy);
      break;
    case 'result': {
      if (message.base) {
        base = message.base;
        baseUpdatedAt = message.baseUpdatedAt;
      }
      if (message.draft) {
        setInputs(message.draft);
        touched.clear();
      }
      serverErrors = message.fieldErrors;
      setNotes(message.fieldNotes);
      showNotice(message.notice);
      persist(currentValues());
      setBusy(false);
      const firstError = Object.keys(serverErrors)[0] as FieldKey | undefined;
      if (firstError) ui?.fields.get(firstError)?.input.focus();
      break;
    }
  }
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message && typeof message === 'object' && typeof message.type === 'string') onHostMessage(message);
});

// Ctrl/Cmd+S saves, as in an editor.
window.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
    event.preventDefault();
    save();
  }
});

vscode.postMessage({ type: 'ready' });
