// The sentences that tell an analyst what is withheld from them, by whom, and whom to ask.
// Neutral on purpose: a pointer says that something exists, never what it is.
import type { Agency, NodeKind, Pointer } from '../../../shared/model';

/** "ICE", "ICE and CBP", "CBP, ICE and USCIS". */
export function agenciesText(agencies: readonly Agency[]): string {
  const list = agencies.length ? [...agencies] : ['another agency'];
  return list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

const contactPart = (p: Pointer, lead: string): string => (p.contact.trim() ? `${lead}${p.contact.trim()}` : '');

/** For a node that is entirely withheld: "Withheld under handling rules — ICE holds a record. Contact: HSI EL PASO." */
export function pointerSentence(p: Pointer): string {
  const many = p.agencies.length > 1;
  const records = p.withheld > 1 ? `${p.withheld} records` : many ? 'records' : 'a record';
  const contact = contactPart(p, ' Contact: ');
  return `Withheld under handling rules — ${agenciesText(p.agencies)} ${many ? 'hold' : 'holds'} ${records}.${contact ? `${contact}.` : ''}`;
}

/** For a node partly withheld: "2 records withheld: ICE holds them; contact HSI EL PASO". */
export function partlyWithheldSentence(p: Pointer): string {
  const n = Math.max(1, p.withheld);
  const verb = p.agencies.length > 1 ? 'hold' : 'holds';
  return `${n} ${n === 1 ? 'record' : 'records'} withheld: ${agenciesText(p.agencies)} ${verb} ${n === 1 ? 'it' : 'them'}${contactPart(p, '; contact ')}`;
}

/** What the canvas tooltip says about withheld content ('' when nothing is withheld). */
export function withheldText(kind: NodeKind, p: Pointer | undefined): string {
  if (!p) return '';
  return kind === 'pointer' ? pointerSentence(p) : partlyWithheldSentence(p);
}
