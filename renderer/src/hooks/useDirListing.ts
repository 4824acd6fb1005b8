import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { Listing } from '../dialogs/file-target';
import { errorMessage } from '../state/toasts';

// The folder the last dialog showed: the next one starts there.
let lastDir: string | undefined;

export interface DirListing {
  listing: Listing | null;
  error: string | null;
  loading: boolean;
  go(path?: string): Promise<boolean>;
}

/** `start`: the folder to show first when it exists (else the one the last dialog showed). */
export function useDirListing(start?: string): DirListing {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // Only the newest request may change the listing: a slow first listing arriving after the
  // analyst typed a path and pressed Enter must not put the old folder back in the path box.
  const latest = useRef(0);
  const go = useCallback(async (path?: string) => {
    const seq = ++latest.current;
    setLoading(true);
    try {
      const l = await api('fs.list', { path: path || undefined });
      if (seq !== latest.current) return true;
      setListing(l);
      setError(null);
      lastDir = l.path;
      return true;
    } catch (e) {
      if (seq !== latest.current) return true; // a newer request answers; stop the fallbacks
      setError(errorMessage(e));
      return false;
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    const first = start ? go(start) : Promise.resolve(false);
    void first.then((found) => found || go(lastDir).then((ok) => ok || !lastDir || go()));
  }, [go, start]);
  return { listing, error, loading, go };
}
