// Backend answers cached by query key and dropped whenever the case changes (open, close,
// import), so re-selecting a node does not ask again.
import type { CallName, Input, Output } from '../../../shared/contract';
import { api } from './client';

const cache = new Map<string, Promise<unknown>>();

export function cachedApi<N extends CallName>(name: N, input: Input<N>): Promise<Output<N>> {
  const key = `${name} ${JSON.stringify(input)}`;
  let p = cache.get(key) as Promise<Output<N>> | undefined;
  if (!p) {
    p = api(name, input);
    cache.set(key, p);
    // A failed answer is not remembered: the next ask tries again.
    p.catch(() => cache.delete(key));
  }
  return p;
}

export function invalidateQueries(): void {
  cache.clear();
}
