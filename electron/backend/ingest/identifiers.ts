// Normalisers for shared identifiers, so that records naming the same phone, plate,
// document or address meet at one node.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { compact, foldText } from '../util/text';

/** E.164 when the number can be understood (US/Canada assumed without a country code). */
export function normalisePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 7) return null;
  const intl = trimmed.startsWith('+') ? trimmed : trimmed.startsWith('00') ? `+${digits.slice(2)}` : null;
  const parsed = intl ? parsePhoneNumberFromString(intl) : parsePhoneNumberFromString(trimmed, 'US');
  if (parsed && parsed.isPossible()) return parsed.number;
  return intl ? `+${digits.replace(/^00/, '')}` : digits;
}

/** Upper case without separators: `abc 1234` and `ABC-1234` -> `ABC1234`. */
export function normalisePlate(raw: string): string | null {
  const p = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return p ? p : null;
}

export function normaliseVin(raw: string): string | null {
  const v = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return v ? v : null;
}

/** Document number without spaces or dashes, upper case. */
export function normaliseDocNumber(raw: string): string | null {
  const d = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return d ? d : null;
}

export function documentKey(type: string, country: string, number: string): string | null {
  const n = normaliseDocNumber(number);
  if (!n || type === 'NONE') return null;
  return `${type || 'UNKNOWN'}|${country.toUpperCase()}|${n}`;
}

/** Case- and space-folded address line with its place, punctuation ignored. */
export function addressKey(parts: readonly string[]): string | null {
  const key = parts.map((p) => foldText(p)).filter(Boolean).join('|');
  return key ? key : null;
}

export function normaliseEmail(raw: string): string | null {
  const e = raw.trim().toLowerCase();
  return e.includes('@') ? e : null;
}

/** Search tokens for an identifier: its compact form and, for phones, the national digits. */
export function identifierSearchText(kind: 'phone' | 'plate' | 'document' | 'vin' | 'email', key: string): string {
  if (kind === 'phone') {
    const digits = key.replace(/\D/g, '');
    const national = digits.length > 10 ? digits.slice(-10) : digits;
    return `${digits} ${national} ${national.slice(-7)}`;
  }
  if (kind === 'document') return compact(key.split('|')[2] ?? key);
  if (kind === 'email') return `${foldText(key)} ${key.replace(/[^a-z0-9@._-]/g, '')}`;
  return compact(key);
}

/** A shared identifier's node: its key (what makes two mentions one node), label and search text. */
export interface IdentifierNode {
  key: string;
  label: string;
  text: string;
}

export function phoneNode(raw: string): IdentifierNode | null {
  const key = normalisePhone(raw);
  return key ? { key, label: key, text: identifierSearchText('phone', key) } : null;
}

export function emailNode(raw: string): IdentifierNode | null {
  const key = normaliseEmail(raw);
  return key ? { key, label: key, text: identifierSearchText('email', key) } : null;
}

export function plateNode(raw: string, region: string): IdentifierNode | null {
  const key = normalisePlate(raw);
  return key ? { key, label: region ? `${key} (${region})` : key, text: identifierSearchText('plate', key) } : null;
}

export function vinNode(raw: string): IdentifierNode | null {
  const key = normaliseVin(raw);
  return key ? { key, label: key, text: identifierSearchText('vin', key) } : null;
}

export function documentNode(type: string, country: string, number: string): IdentifierNode | null {
  const key = documentKey(type, country, number);
  if (!key) return null;
  const [t, c, n] = key.split('|');
  const label = `${t === 'UNKNOWN' ? 'DOC' : t.replace(/_/g, ' ')} ${c} ${n}`.replace(/\s+/g, ' ');
  return { key, label, text: `${identifierSearchText('document', key)} ${foldText(label)}` };
}

/** An address line with its place: city, region, postal code, country. */
export function addressNode(parts: readonly string[]): IdentifierNode | null {
  const key = addressKey(parts);
  if (!key) return null;
  const label = parts.filter(Boolean).join(', ');
  return { key, label, text: foldText(label) };
}
