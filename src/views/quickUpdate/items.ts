// The choices of the quick update's steps. Values from the API are flattened to one line and
// have their `$(icon)` syntax escaped.
import type * as vscode from 'vscode';
import { EDITABLE_FIELDS, type EditableField, type Guest } from '../../api/types';
import { FIELDS, TIMEZONES, formatFieldValue } from '../../model/fields';
import { displayName, guestDescription } from '../../model/guestDisplay';
import { sortGuests } from '../../model/guestList';
import { singleLine } from '../../model/text';
import { escapeIcons } from '../iconText';
import { l10n } from '../../common/l10n';

export interface GuestItem extends vscode.QuickPickItem {
  email: string;
}
export interface FieldItem extends vscode.QuickPickItem {
  field: EditableField;
}
export interface ZoneItem extends vscode.QuickPickItem {
  /** '' clears the time zone. */
  zone: string;
}

const EMPTY = (): string => l10n.t('(empty)');

export function plain(text: string, max: number): string {
  return escapeIcons(singleLine(text, max));
}

/** Name, then email and company, so typing any of them filters (with matchOnDescription/Detail). */
export function guestItems(guests: readonly Guest[]): GuestItem[] {
  return sortGuests(guests, 'name').map((guest) => ({
    label: plain(displayName(guest), 80),
    description: plain(guest.email, 120),
    detail: guestDescription(guest) !== '' ? plain(guestDescription(guest), 120) : undefined,
    email: guest.email,
  }));
}

export function currentValueText(guest: Guest, field: EditableField): string {
  const text = formatFieldValue(field, guest[field]);
  return text === '' ? EMPTY() : plain(text, 80);
}

export function fieldItems(guest: Guest): FieldItem[] {
  return EDITABLE_FIELDS.map((field) => ({ label: FIELDS[field].label, description: currentValueText(guest, field), field }));
}

export function zoneItems(current: string | null): { items: ZoneItem[]; active: ZoneItem | undefined } {
  const items: ZoneItem[] = [{ label: l10n.t('No time zone'), description: l10n.t('clears it'), zone: '' }];
  if (current && !TIMEZONES.includes(current)) items.push({ label: plain(current, 64), description: l10n.t('current'), zone: current });
  const currentText = l10n.t('current');
  for (const zone of TIMEZONES) items.push({ label: zone, description: zone === current ? currentText : undefined, zone });
  const active = items.find((item) => item.zone === (current ?? ''));
  return { items, active };
}
