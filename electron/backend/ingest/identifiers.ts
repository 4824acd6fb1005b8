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
