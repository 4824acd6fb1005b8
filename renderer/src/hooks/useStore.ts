import { useSyncExternalStore } from 'react';
import type { Store } from '../state/store';

/** Subscribes a component to a store (optionally to one derived value of it). */
export function useStore<T>(store: Store<T>): T;
export function useStore<T, S>(store: Store<T>, select: (v: T) => S): S;
export function useStore<T, S>(store: Store<T>, select?: (v: T) => S): T | S {
  const get = () => (select ? select(store.get()) : store.get());
  return useSyncExternalStore((cb) => store.subscribe(cb), get, get);
}
