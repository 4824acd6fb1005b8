// A minimal observable value. Stores stay free of React so they can be tested in Node and
// read by the Cytoscape wrapper synchronously.
export interface Store<T> {
  get(): T;
  set(next: T | ((prev: T) => T)): void;
  subscribe(fn: (next: T, prev: T) => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const subs = new Set<(next: T, prev: T) => void>();
  return {
    get: () => value,
    set(next) {
      const prev = value;
      value = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
      if (value !== prev) for (const fn of [...subs]) fn(value, prev);
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}
