// Shared identifiers: one phone, address, email or document given by distinct persons.
// A family sharing an address is normal (same surname, or tied as family or cohabitants):
// such leads score low; a document given by two persons, or a phone given by people with
// nothing else in common, scores high. An identifier given by very many persons is a
// switchboard or a shelter, not a lead.
import { clampScore, type Candidate } from './types';
import type { Intel, IdentifierKind } from './intel';

const BASE: Record<IdentifierKind, number> = { document: 80, phone: 55, email: 50, address: 35 };
const NOUN: Record<IdentifierKind, string> = { document: 'document', phone: 'phone', email: 'email', address: 'address' };
const MAX_HOLDERS = 20;

export function sharedIdentifiers(intel: Intel, coTravel: Map<string, { count: number; link: number }>): Candidate[] {
  const related = new Set<string>();
  for (const t of intel.ties) if (t.kind === 'family' || t.kind === 'cohabitant') related.add(pairKey(t.a, t.b));
  const out: Candidate[] = [];
  for (const [ident, e] of intel.identifiers) {
    const who = [...e.by.keys()];
    if (who.length < 2 || who.length > MAX_HOLDERS) continue;
    const surnames = new Set(who.map((w) => intel.surname(w)));
    const parts = new Map(who.map((w) => [w, intel.surnames(w)]));
    const kin = (a: number, b: number) => related.has(pairKey(a, b)) || [...parts.get(a)!].some((p) => parts.get(b)!.has(p));
    // Everybody is kin to somebody else in the group: a household, not a network.
    const family = who.every((a) => who.some((b) => a !== b && kin(a, b)));
    let together = 0;
    const togetherLinks: number[] = [];
    for (let i = 0; i < who.length; i++) {
      for (let j = i + 1; j < who.length; j++) {
        const c = coTravel.get(pairKey(who[i], who[j]));
        if (c) {
          together += c.count;
          togetherLinks.push(c.link);
        }
      }
    }
    let score = BASE[e.kind] + 8 * (who.length - 2) + Math.min(20, 4 * together) + (surnames.size === who.length ? 5 : 0);
    if (family) score *= 0.3;
    const names = who.map((w) => intel.label(w));
    const links = [...e.by.values()].flat();
    const summary =
      `${who.length} ${family ? 'related persons (same family name or tied as family)' : `persons with ${surnames.size === who.length ? 'different names' : 'different records'}`} give ${NOUN[e.kind]} ${e.value}: ${names.slice(0, 5).join('; ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}.` +
      (together ? ` They also crossed together ${together} time${together === 1 ? '' : 's'}.` : '') +
      (family ? ' A family sharing an identifier is usually normal.' : '');
    out.push({
      kind: 'shared_identifier',
      key: `shared:${e.kind}:${e.value}`,
      score: clampScore(score),
      title: `${who.length} persons share ${NOUN[e.kind]} ${e.value}`,
      summary,
      entities: who,
      evidence: { nodes: [ident, ...who], links: [...links, ...togetherLinks] },
      sourceLinks: links,
      items: who.map(String).sort(),
    });
  }
  return out;
}

export const pairKey = (a: number, b: number): string => (a < b ? `${a}-${b}` : `${b}-${a}`);
