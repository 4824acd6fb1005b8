import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/contract';
import { api } from '../api/client';
import { toastError } from '../state/toasts';
import { useDebounced } from './useDebounced';

export interface SearchState {
  hits: SearchHit[];
  /** The query the hits answer (the input may be ahead of it). */
  query: string;
  loading: boolean;
}

/** Searches ~150 ms after typing stops; late answers to older queries are dropped. */
export function useSearch(q: string, enabled: boolean, limit = 20): SearchState {
  const debounced = useDebounced(q.trim(), 150);
  const [state, setState] = useState<SearchState>({ hits: [], query: '', loading: false });
  useEffect(() => {
    if (!enabled || !debounced) {
      setState({ hits: [], query: '', loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api('search', { q: debounced, limit })
      .then((hits) => live && setState({ hits, query: debounced, loading: false }))
      .catch((e) => {
        if (!live) return;
        setState({ hits: [], query: debounced, loading: false });
        toastError('Search failed', e);
      });
    return () => {
      live = false;
    };
  }, [debounced, enabled, limit]);
  return { ...state, loading: state.loading || (enabled && q.trim() !== debounced) };
}
