// The audit trail a page at a time for the current filters: the first page on every change
// of filter, more on demand; answers to an older filter are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry } from '../../../../shared/contract';
import { api } from '../../api/client';
import { errorMessage } from '../../state/toasts';
import { filterKey, mergePage, pageInput, type AuditFilter } from './audit-model';

export interface AuditPages {
  entries: AuditEntry[];
  total: number | null;
  loading: boolean;
  error: string | null;
  loadMore(): void;
  reload(): void;
}

export function useAuditPages(filter: AuditFilter): AuditPages {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const key = filterKey(filter);
  const current = useRef(filter);
  current.current = filter;

  const load = useCallback((offset: number, shown: AuditEntry[]) => {
    const gen = generation.current;
    setLoading(true);
    api('audit.list', pageInput(current.current, offset)).then(
      (r) => {
        if (gen !== generation.current) return;
        setEntries(mergePage(shown, r.entries));
        setTotal(r.total);
        setError(null);
        setLoading(false);
      },
      (e) => {
        if (gen !== generation.current) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
  }, []);

  const reload = useCallback(() => {
    generation.current++;
    load(0, []);
  }, [load]);

  useEffect(reload, [key, reload]);

  const loadMore = useCallback(() => {
    if (!loading) load(entries.length, entries);
  }, [loading, load, entries]);

  return { entries, total, loading, error, loadMore, reload };
}
