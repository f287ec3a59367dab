/** Loads the connection's SchemaSnapshot and builds its completion index (shared across tabs). */
import { useCallback, useMemo } from 'react';
import type { Engine } from '../../../shared/connection';
import type { SchemaSnapshot } from '../../../shared/schema';
import { useApi, useRequest } from '../../api/hooks';
import { buildSchemaIndex, type SchemaIndex } from './completion';

/** Indexes by connection and snapshot time: several tabs on one big schema share one index. */
const cache = new Map<string, SchemaIndex>();
const CACHE_SIZE = 8;

function indexFor(connectionId: string, snapshot: SchemaSnapshot | null, engine: Engine): SchemaIndex {
  if (!snapshot) return buildSchemaIndex(null, engine);
  const key = `${connectionId}\u0000${engine}\u0000${snapshot.capturedAt}`;
  let index = cache.get(key);
  if (!index) {
    index = buildSchemaIndex(snapshot, engine);
    cache.set(key, index);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return index;
}

/** The completion index for a connection (keywords only until the schema has loaded). */
export function useSchemaIndex(
  connectionId: string,
  engine: Engine,
): { index: SchemaIndex; loaded: boolean; error: string | null; refresh(): void } {
  const api = useApi();
  const schema = useRequest('schema.get', { connectionId });
  const index = useMemo(() => indexFor(connectionId, schema.data ?? null, engine), [connectionId, schema.data, engine]);
  const { reload } = schema;
  // Re-reads the catalog (after DDL, or on request), then reloads the cached snapshot.
  const refresh = useCallback(() => {
    api.call('schema.get', { connectionId, refresh: true }).then(reload, reload);
  }, [api, connectionId, reload]);
  return { index, loaded: schema.data !== undefined, error: schema.error?.message ?? null, refresh };
}
