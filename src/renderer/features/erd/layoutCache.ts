/**
 * Layouts computed this session, by graph: re-opening a diagram (or switching the column mode
 * back) draws at once instead of waiting for ELK again. A few entries, least recently used out.
 */
import type { ErGraph, ErLayout, ErPoint } from './erTypes';

const MAX_ENTRIES = 6;
const cache = new Map<string, ErLayout>();

/** A key that changes whenever anything the layout depends on changes (tables, columns, keys, pins). */
export function graphSignature(graph: ErGraph, pinned: Record<string, ErPoint>): string {
  const nodes = graph.nodes.map(
    (n) =>
      `${n.id}(${n.columns.map((c) => `${c.name}:${c.type}${c.nullable ? '?' : ''}`).join(',')})`,
  );
  const edges = graph.edges.map(
    (e) => `${e.id}:${e.fromColumns.join(',')}>${e.toColumns.join(',')}`,
  );
  return `${nodes.join(';')}|${edges.join(';')}|${JSON.stringify(pinned)}`;
}

/** The layout stored for a signature, if any (and marks it recently used). */
export function cachedLayout(signature: string): ErLayout | undefined {
  const hit = cache.get(signature);
  if (hit) {
    cache.delete(signature);
    cache.set(signature, hit);
  }
  return hit;
}

/** Stores a layout. */
export function storeLayout(signature: string, layout: ErLayout): void {
  cache.delete(signature);
  cache.set(signature, layout);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}
