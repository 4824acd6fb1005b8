// Text folding shared by the search index and search queries, so that `O'NEIL`,
// `Müller` and `MULLER` meet: lower case, no diacritics, apostrophes dropped.

const COMBINING = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’`´]/g;
const NON_ALNUM = /[^\p{L}\p{N}]+/gu;
const GERMAN_UMLAUT = /[äöü]/;
const PLAIN = /^[A-Za-z0-9 ]*$/;
const SPACES = / {2,}/g;

/** Lower-cases, strips diacritics and apostrophes, turns other punctuation into spaces. */
export function foldText(s: string): string {
  // Most values are plain ASCII letters, digits and spaces: skip Unicode normalisation.
  if (PLAIN.test(s)) return s.toLowerCase().replace(SPACES, ' ').trim();
  return s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(APOSTROPHES, '')
    .replace(NON_ALNUM, ' ')
    .trim();
}

/** Only letters and digits, folded: `A 123-456` -> `a123456`. */
export function compact(s: string): string {
  return foldText(s).replace(/ /g, '');
}

/**
 * Index text for a name-like value: the folded form, plus variants an analyst may type
 * (`o neil` for O'NEIL, `garcialopez` for GARCIA-LOPEZ, `mueller` for Müller).
 */
export function nameVariants(s: string): string {
  if (!s) return '';
  const folded = foldText(s);
  const out = [folded];
  const lower = s.toLowerCase();
  if (/['’`´-]/.test(s)) {
    out.push(foldText(s.replace(/['’`´-]/g, ' ')));
    out.push(foldText(s.replace(/['’`´-]/g, '')));
  }
  if (GERMAN_UMLAUT.test(lower)) {
    out.push(foldText(lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')));
  }
  return out.join(' ');
}
