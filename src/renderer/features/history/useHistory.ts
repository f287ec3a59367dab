/** Loads history pages for the panel's filters and keeps them live through `history.recorded`. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { toAppError } from '../../../shared/errors';
import type { HistoryEntry, HistoryStatus } from '../../../shared/history';
import { useApi, useEvent } from '../../api/hooks';

/** The filters of the History panel. */
export interface HistoryFilters {
  query: string;
  connectionId: string;
  status: HistoryStatus | '';
}

const PAGE = 50;

/** History entries for the filters, newest first, with "load more" and delete. */
export function useHistory(filters: HistoryFilters, active: boolean) {
  const api = useApi();
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const generation = useRef(0);
  // Entries pushed by events since the last first-page load: a page requested before they were
  // recorded must not drop them when it lands.
  const pushed = useRef<HistoryEntry[]>([]);

  const args = useCallback(
    (offset: number) => ({
      ...(filters.query.trim() ? { query: filters.query } : {}),
      ...(filters.connectionId ? { connectionId: filters.connectionId } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      limit: PAGE,
      offset,
    }),
    [filters.query, filters.connectionId, filters.status],
  );

  const load = useCallback(
    (offset: number) => {
      const gen = ++generation.current;
      setLoading(true);
      api.call('history.search', args(offset)).then(
        (page) => {
          if (gen !== generation.current) return;
          if (offset === 0) {
            const ids = new Set(page.entries.map((e) => e.id));
            const newest = page.entries[0]?.id ?? 0;
            const missed = pushed.current.filter((e) => !ids.has(e.id) && e.id > newest);
            pushed.current = [];
            setEntries([...missed, ...page.entries]);
            setTotal(page.total + missed.length);
          } else {
            setEntries((old) => {
              const ids = new Set(old.map((e) => e.id));
              return [...old, ...page.entries.filter((e) => !ids.has(e.id))];
            });
            setTotal(page.total);
          }
          setError(undefined);
          setLoading(false);
        },
        (err: unknown) => {
          if (gen !== generation.current) return;
          setError(toAppError(err).message);
          setLoading(false);
        },
      );
    },
    [api, args],
  );

  // Typing in the search box waits a moment so each keystroke is not a query.
  useEffect(() => {
    if (!active) return;
    pushed.current = []; // pushed under other filters; the new first page has what matches
    const t = setTimeout(() => load(0), filters.query ? 180 : 0);
    return () => clearTimeout(t);
  }, [active, load, filters.query]);

  useEvent('history.recorded', (entry) => {
    // A hidden panel reloads when it is shown again.
    if (!active) return;
    const matches =
      (!filters.connectionId || entry.connectionId === filters.connectionId) &&
      (!filters.status || entry.status === filters.status);
    if (filters.query.trim()) load(0);
    else if (matches) {
      pushed.current.push(entry);
      setEntries((old) => (old.some((e) => e.id === entry.id) ? old : [entry, ...old]));
      setTotal((n) => n + 1);
    }
  });

  const remove = useCallback(
    (id: number) => {
      api.call('history.delete', { ids: [id] }).then(
        () => {
          setEntries((old) => old.filter((e) => e.id !== id));
          setTotal((n) => Math.max(0, n - 1));
        },
        (err: unknown) => setError(toAppError(err).message),
      );
    },
    [api],
  );

  return {
    entries,
    total,
    loading,
    error,
    loadMore: () => load(entries.length),
    reload: () => load(0),
    remove,
  };
}
