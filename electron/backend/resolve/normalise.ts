// Normalisers for person resolution: names (case, diacritics, punctuation, particles,
// compound surnames, nicknames, transliteration variants), dates of birth with unknown
// parts, and document numbers with their usual misreadings.
import { foldText } from '../util/text';

/** Particles that may or may not be written: DE LA CRUZ = CRUZ, AL-RASHID = RASHID. */
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'da', 'das', 'do', 'dos', 'di', 'du', 'van', 'von', 'der', 'den', 'le', 'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'mac', 'y', 'e']);

/** Given-name forms that are the same name: nicknames and transliterations -> one canonical form. */
const NAME_GROUPS: string[][] = [
  ['francisco', 'pancho', 'paco', 'frank', 'frankie', 'cisco', 'kiko'],
  ['guadalupe', 'lupe', 'lupita'],
  ['william', 'bill', 'billy', 'will', 'willy', 'liam'],
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['richard', 'rick', 'ricky', 'dick', 'rich'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jack', 'johnny', 'jon'],
  ['jose', 'pepe', 'chepe', 'joseph', 'joe', 'joey'],
  ['jesus', 'chucho', 'chuy'],
  ['ignacio', 'nacho'],
  ['enrique', 'kike', 'quique', 'henry', 'hank'],
  ['alejandro', 'alex', 'alejo', 'jando'],
  ['alexander', 'aleksandr', 'aleksander', 'alexandre', 'alessandro', 'sasha', 'sacha', 'alex'],
  ['eduardo', 'lalo', 'edward', 'ed', 'eddie', 'ted'],
  ['guillermo', 'memo', 'willy'],
  ['rosario', 'chayo'],
  ['concepcion', 'concha', 'conchita'],
  ['dolores', 'lola', 'lolita'],
  ['mercedes', 'meche'],
  ['margarita', 'margaret', 'maggie', 'peggy', 'meg', 'marge', 'greta'],
  ['elizabeth', 'liz', 'beth', 'betty', 'eliza', 'isabel', 'isabella'],
  ['catherine', 'katherine', 'kathryn', 'cathy', 'kate', 'katie', 'catalina'],
  ['michael', 'mike', 'mikey', 'miguel', 'mikhail'],
  ['anthony', 'tony', 'antonio', 'toño', 'tono'],
  ['daniel', 'dan', 'danny'],
  ['thomas', 'tom', 'tommy', 'tomas'],
  ['charles', 'charlie', 'chuck', 'carlos'],
  ['mohammad', 'mohammed', 'muhammad', 'mohamed', 'muhammed', 'mohamad', 'mohammod', 'mehmet', 'mohd'],
  ['yusuf', 'youssef', 'yousef', 'yusef', 'youssouf', 'joseph'],
  ['ahmad', 'ahmed', 'ahmet'],
  ['mustafa', 'mostafa', 'moustafa'],
  ['hussein', 'husain', 'hussain', 'hossein'],
  ['abdul', 'abdel', 'abd'],
  ['sergei', 'sergey', 'serguei', 'sergio'],
  ['dmitri', 'dmitry', 'dimitri', 'dmitriy'],
  ['yuri', 'yury', 'iouri', 'jurij'],
  ['nikolai', 'nikolay', 'nicolas', 'nicholas', 'nick', 'nico'],
  ['andrei', 'andrey', 'andres', 'andrew', 'andy', 'drew'],
];

const CANONICAL = new Map<string, string>();
for (const g of NAME_GROUPS) for (const n of g) if (!CANONICAL.has(n)) CANONICAL.set(n, g[0]);
/** Every group a name belongs to (alex, joseph sit in two). */
const GROUPS_OF = new Map<string, number[]>();
NAME_GROUPS.forEach((g, i) => {
  for (const n of g) GROUPS_OF.set(n, [...(GROUPS_OF.get(n) ?? []), i]);
});

/** Folded name tokens (lower case, no diacritics, no punctuation), particles kept apart. */
export function nameTokens(raw: string): string[] {
  return foldText(raw.replace(/[-_.'’]/g, ' ')).split(' ').filter(Boolean);
}

/** The tokens that carry the name (particles dropped unless nothing else is left). */
export function coreTokens(raw: string): string[] {
  const t = nameTokens(raw);
  const core = t.filter((x) => !PARTICLES.has(x));
  return core.length ? core : t;
}

/** One canonical given name: PANCHO -> francisco, MUHAMMAD -> mohammad. */
export function canonicalGiven(token: string): string {
  return CANONICAL.get(token) ?? token;
}

/** Two given names are one name (equal, nickname or transliteration of each other)? */
export function sameGivenName(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const ga = GROUPS_OF.get(a);
  const gb = GROUPS_OF.get(b);
  return !!ga && !!gb && ga.some((g) => gb.includes(g));
}

export interface Dob {
  y: number | null;
  m: number | null;
  d: number | null;
}

/** YYYYMMDD (00 = unknown), or YYYY-MM-DD. Anything else is unknown. */
export function parseDob(raw: string | null | undefined): Dob | null {
  const s = (raw ?? '').replace(/[^0-9]/g, '');
  if (s.length !== 8) return null;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  if (!y) return null;
  return { y, m: m >= 1 && m <= 12 ? m : null, d: d >= 1 && d <= 31 ? d : null };
}

/** Document number as compared: letters and digits, the usual misreadings folded (O/0, I/L/1, S/5, B/8). */
export function documentCompareKey(raw: string | null | undefined): string {
  const s = raw ?? '';
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c >= 48 && c <= 57) out += String.fromCharCode(c);
    else if (c >= 65 && c <= 90) out += c === 79 ? '0' : c === 73 || c === 76 ? '1' : c === 83 ? '5' : c === 66 ? '8' : String.fromCharCode(c);
  }
  return out;
}

/** Document number as written, letters and digits only, upper case. */
export function normaliseDocExact(raw: string | null | undefined): string {
  const s = raw ?? '';
  // Most numbers are already clean: no new string then.
  let clean = true;
  for (let i = 0; i < s.length && clean; i++) {
    const c = s.charCodeAt(i);
    clean = (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  }
  return clean ? s : s.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The name groups a given-name token belongs to (nicknames, transliterations), or null. */
export function groupsOf(token: string): number[] | null {
  return GROUPS_OF.get(token) ?? null;
}
