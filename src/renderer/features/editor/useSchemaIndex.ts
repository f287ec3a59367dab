/** Loads the connection's SchemaSnapshot once and builds its completion index. */
import { useCallback, useMemo } from 'react';
import type { Engine } from '../../../shared/connection';
import { useApi, useRequest } from '../../api/hooks';
import { buildSchemaIndex, type SchemaIndex } from './completion';

/** The completion index for a connection (keywords only until the schema has loaded). */
export function useSchemaIndex(
  connectionId: string,
  engine: Engine,
): { index: SchemaIndex; loaded: boolean; error: string | null; refresh(): void } {
  const api = useApi();
  const schema = useRequest('schema.get', { connectionId });
  const index = useMemo(() => buildSchemaIndex(schema.data ?? null, engine), [schema.data, engine]);
  const { reload } = schema;
  // Re-reads the catalog (after DDL, or on request), then reloads the cached snapshot.
  const refresh = useCallback(() => {
    api.call('schema.get', { connectionId, refresh: true }).then(reload, reload);
  }, [api, connectionId, reload]);
  return { index, loaded: schema.data !== undefined, error: schema.error?.message ?? null, refresh };
}
