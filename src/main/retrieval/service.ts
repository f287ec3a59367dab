/**
 * Ties the index to a connection: where its file lives, building it from a live snapshot, and
 * opening it for search. Used by the CLI (and later the app's IPC and the AI context builder).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { formatConnectionUrl, type ConnectionParams } from '../../shared/connection';
import type { SchemaSnapshot } from '../../shared/schema';
import type { DriverConnection } from '../drivers/types';
import { buildChunks, type ExtraChunk } from './chunks';
import type { Embedder } from './embedders/types';
import { RetrievalIndex, type BuildOptions, type BuildStats } from './index';
import { collectValueSamples } from './valueSamples';

/** `<home>/index/<connection id, or a hash of the URL without password>.db`. */
export function indexFilePath(home: string, target: { connectionId?: string; params: ConnectionParams }): string {
  const name = target.connectionId ?? createHash('sha1').update(formatConnectionUrl(target.params)).digest('hex').slice(0, 20);
  return path.join(home, 'index', `${name.replace(/[^\w.-]/g, '_')}.db`);
}

/** Options of `indexConnection`. */
export interface IndexConnectionOptions extends BuildOptions {
  /** Sample distinct values of low-cardinality text columns (opt-in; off by default). */
  valueSamples?: boolean;
  extraChunks?: ExtraChunk[];
}

/** Introspects the connection and brings the index up to date; stores the snapshot for --expand. */
export async function indexConnection(
  conn: DriverConnection,
  index: RetrievalIndex,
  opts: IndexConnectionOptions = {},
): Promise<{ snapshot: SchemaSnapshot; stats: BuildStats }> {
  const snapshot = await conn.introspect();
  const valueSamples = opts.valueSamples === true ? await collectValueSamples(conn, snapshot, { signal: opts.signal }) : [];
  const chunks = buildChunks({ snapshot, valueSamples, includeValueSamples: opts.valueSamples === true, extraChunks: opts.extraChunks });
  const stats = await index.build(chunks, opts);
  index.setMeta('snapshot', JSON.stringify(snapshot));
  return { snapshot, stats };
}

/** The snapshot the index was last built from, if any. */
export function storedSnapshot(index: RetrievalIndex): SchemaSnapshot | undefined {
  const json = index.getMeta('snapshot');
  return json ? (JSON.parse(json) as SchemaSnapshot) : undefined;
}

/** Opens the index file for an embedder. */
export function openIndex(file: string, embedder: Embedder): RetrievalIndex {
  return RetrievalIndex.open(file, embedder);
}
