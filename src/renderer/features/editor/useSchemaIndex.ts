/** Loads the connection's SchemaSnapshot once and builds its completion index. */
import { useMemo } from 'react';
import type { Engine } from '../../../shared/connection';
import { useRequest } from '../../api/hooks';
import { buildSchemaIndex, type SchemaIndex } from './completion';

/** The completion index for a connection (keywords only until the schema has loaded). */
export function useSchemaIndex(
  connectionId: string,
  engine: Engine,
): { index: SchemaIndex; loaded: boolean; error: string | null } {
  const schema = useRequest('schema.get', { connectionId });
  const index = useMemo(() => buildSchemaIndex(schema.data ?? null, engine), [schema.data, engine]);
  return { index, loaded: schema.data !== undefined, error: schema.error?.message ?? null };
}
