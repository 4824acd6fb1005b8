// String similarity and phonetics from talisman (by graphology's author): Jaro-Winkler and
// Double Metaphone, rather than our own implementations.
import * as jwModule from 'talisman/metrics/jaro-winkler';
import * as dmModule from 'talisman/phonetics/double-metaphone';

// CommonJS with exports.default: unwrap whichever shape the loader hands over.
const unwrap = <T>(m: unknown): T => {
  let v = m as { default?: unknown };
  while (typeof v !== 'function' && v && v.default) v = v.default as { default?: unknown };
  return v as T;
};

export const jaroWinkler = unwrap<(a: string, b: string) => number>(jwModule);
const dm = unwrap<(w: string) => [string, string]>(dmModule);

const phoneticCache = new Map<string, [string, string]>();
/** Double Metaphone codes of one word (cached: names repeat a lot). */
export function metaphone(word: string): [string, string] {
  let v = phoneticCache.get(word);
  if (!v) {
    v = word ? dm(word) : ['', ''];
    if (phoneticCache.size > 200_000) phoneticCache.clear();
    phoneticCache.set(word, v);
  }
  return v;
}

export function soundsAlike(a: string, b: string): boolean {
  if (!a || !b) return false;
  const [a1, a2] = metaphone(a);
  const [b1, b2] = metaphone(b);
  return a1 === b1 || (!!a2 && a2 === b1) || (!!b2 && a1 === b2) || (!!a2 && a2 === b2);
}
