import { useEffect, useState } from 'react';
import { errorMessage } from '../state/toasts';

export interface QueryState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/** Runs `load` whenever `key` changes; answers to an older key are dropped. */
export function useQuery<T>(key: string | null, load: () => Promise<T>): QueryState<T> {
  const [state, setState] = useState<QueryState<T> & { key: string | null }>({ data: null, error: null, loading: false, key: null });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null, key }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false, key }),
      (e) => live && setState({ data: null, error: errorMessage(e), loading: false, key }),
    );
    return () => {
      live = false;
    };
    // `load` is recreated every render; `key` says when it means something new.
  }, [key]);
  return state.key === key ? state : { data: null, error: null, loading: key !== null };
}
