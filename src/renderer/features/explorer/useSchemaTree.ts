/** Lazy loading of one connection's schema: names first, a table's details when it is expanded. */
import { useCallback, useRef, useState } from 'react';
import type { SchemaSnapshot } from '../../../shared/schema';
import { toAppError } from '../../../shared/errors';
import { useApi } from '../../api/hooks';
import { mergeDetails } from './model';

/** The loaded schema of a connection and the calls that load more. */
export interface SchemaTreeState {
  snapshot: SchemaSnapshot | undefined;
  loading: boolean;
  error: string | undefined;
  /** Tables (`schema.table`) whose details are being fetched. */
  pending: ReadonlySet<string>;
  /** Loads the names (once; again after `refresh`). */
  loadNames(): void;
  /** Loads details of one table unless already loaded; resolves with the merged snapshot. */
  loadDetails(schema: string, table: string): Promise<SchemaSnapshot | undefined>;
  /** Re-reads the whole catalog. */
  refresh(): void;
}

/** Schema state of one connection. */
export function useSchemaTree(connectionId: string): SchemaTreeState {
  const api = useApi();
  const [snapshot, setSnapshot] = useState<SchemaSnapshot>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const current = useRef<SchemaSnapshot | undefined>(undefined);
  const started = useRef(false);

  const set = (s: SchemaSnapshot) => {
    current.current = s;
    setSnapshot(s);
  };

  const fetch = useCallback((call: Promise<SchemaSnapshot>) => {
    setLoading(true);
    setError(undefined);
    call.then(
      (s) => {
        set(s);
        setLoading(false);
      },
      (err: unknown) => {
        started.current = false;
        setError(toAppError(err).message);
        setLoading(false);
      },
    );
  }, []);

  const loadNames = useCallback(() => {
    if (started.current) return;
    started.current = true;
    fetch(api.call('schema.names', { connectionId }));
  }, [api, connectionId, fetch]);

  const refresh = useCallback(() => {
    started.current = true;
    fetch(api.call('schema.get', { connectionId, refresh: true }));
  }, [api, connectionId, fetch]);

  const loadDetails = useCallback(
    async (schema: string, table: string) => {
      const base = current.current;
      const known = base?.schemas
        .find((s) => s.name === schema)
        ?.tables.find((t) => t.name === table);
      if (!base || (known && !known.partial)) return base;
      const key = `${schema}.${table}`;
      setPending((p) => new Set(p).add(key));
      try {
        const details = await api.call('schema.details', { connectionId, tables: [key] });
        const merged = mergeDetails(current.current ?? base, details);
        set(merged);
        return merged;
      } catch (err) {
        setError(toAppError(err).message);
        return undefined;
      } finally {
        setPending((p) => {
          const n = new Set(p);
          n.delete(key);
          return n;
        });
      }
    },
    [api, connectionId],
  );

  return { snapshot, loading, error, pending, loadNames, loadDetails, refresh };
}
