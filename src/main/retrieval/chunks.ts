/**
 * Chunks: the units the index embeds and searches. A table card per table (qualified name, kind,
 * columns with types, keys, comments, neighbouring tables), optional value samples (opt-in), and
 * `extraChunks` fed by other features (glossary terms, saved queries, accepted question→SQL pairs).
 */
import { createHash } from 'node:crypto';
import type { SchemaSnapshot, TableInfo } from '../../shared/schema';

/** What a chunk describes. */
export type ChunkKind = 'table' | 'values' | 'glossary' | 'saved_query' | 'example';

/** One indexed unit. `key` is stable across builds; `hash` changes when the content does. */
export interface Chunk {
  key: string;
  kind: ChunkKind;
  /** `schema.table` the chunk belongs to, or null (glossary terms, examples). */
  tableRef: string | null;
  text: string;
  /** SQL of an example or saved query (its tables are pulled into the context). */
  sql?: string;
  /** Table cards: tables joined to this one (declared or inferred foreign keys). */
  links?: string[];
  hash: string;
}

/** A chunk supplied by another feature; `key` must be unique within its kind. */
export interface ExtraChunk {
  key: string;
  kind: Exclude<ChunkKind, 'table' | 'values'>;
  text: string;
  tableRef?: string | null;
  sql?: string;
}

/** Distinct values of low-cardinality text columns of one table (only when the user opted in). */
export interface TableValueSamples {
  tableRef: string;
  columns: Array<{ column: string; values: string[] }>;
}

/** Inputs of `buildChunks`. */
export interface ChunkSources {
  snapshot: SchemaSnapshot;
  /** Value samples; ignored unless `includeValueSamples` is true (off by default). */
  valueSamples?: TableValueSamples[];
  includeValueSamples?: boolean;
  extraChunks?: ExtraChunk[];
  /** The user's descriptions by `schema.table` / `schema.table.column` (added to the table cards). */
  descriptions?: ReadonlyMap<string, string>;
}

/** `schema.table`. */
export function qualifiedName(schema: string, table: string): string {
  return `${schema}.${table}`;
}

/** Content hash of a chunk (kind, table, text and SQL). */
export function chunkHash(kind: string, tableRef: string | null, text: string, sql?: string): string {
  return createHash('sha1').update(`${kind}\0${tableRef ?? ''}\0${text}\0${sql ?? ''}`).digest('hex');
}

/**
 * Tables linked to each table by a foreign key in either direction (qualified names). With
 * `inferred`, also links a column to the table whose single-column primary key has the same
 * (non-generic) name, e.g. `orders.CustomerID` → `customers(CustomerID)`: many schemas declare
 * no foreign keys at all.
 */
export function neighbourMap(snapshot: SchemaSnapshot, inferred = false): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    if (a === b) return;
    if (!m.has(a)) m.set(a, new Set());
    m.get(a)!.add(b);
  };
  for (const s of snapshot.schemas) {
    for (const t of s.tables) {
      const me = qualifiedName(s.name, t.name);
      for (const fk of t.foreignKeys) {
        const other = qualifiedName(fk.refSchema || s.name, fk.refTable);
        link(me, other);
        link(other, me);
      }
    }
  }
  if (inferred) {
    const byPk = new Map<string, string[]>();
    for (const s of snapshot.schemas) {
      for (const t of s.tables) {
        const pk = t.primaryKey.length === 1 ? t.primaryKey[0]!.toLowerCase() : '';
        if (pk && pk !== 'id' && pk !== 'rowid') byPk.set(pk, [...(byPk.get(pk) ?? []), qualifiedName(s.name, t.name)]);
      }
    }
    for (const s of snapshot.schemas) {
      for (const t of s.tables) {
        const me = qualifiedName(s.name, t.name);
        for (const c of t.columns) {
          const owners = byPk.get(c.name.toLowerCase()) ?? [];
          // Same-schema owners only, and only when the name is unambiguous there.
          const local = owners.filter((o) => o.startsWith(`${s.name}.`));
          if (local.length === 1 && local[0] !== me) {
            link(me, local[0]!);
            link(local[0]!, me);
          }
        }
      }
    }
  }
  return m;
}

/** The card text of one table: what the embedder and the keyword index read. */
export function tableCardText(schema: string, t: TableInfo, neighbours: Iterable<string>): string {
  const lines = [`${t.kind === 'table' ? 'table' : t.kind.replace('_', ' ')} ${schema}.${t.name}: ${t.name}`];
  if (t.comment) lines.push(`comment: ${t.comment}`);
  lines.push(`columns: ${t.columns.map((c) => `${c.name} ${c.dataType}${c.comment ? ` (${c.comment})` : ''}`).join(', ')}`);
  if (t.primaryKey.length) lines.push(`primary key: ${t.primaryKey.join(', ')}`);
  for (const fk of t.foreignKeys) lines.push(`foreign key: ${fk.columns.join(', ')} -> ${fk.refTable}(${fk.refColumns.join(', ')})`);
  const n = [...neighbours].map((q) => q.slice(q.indexOf('.') + 1));
  if (n.length) lines.push(`related: ${n.join(', ')}`);
  return lines.join('\n');
}

/** A card plus the user's descriptions of the table and its columns (so "churned" finds a described flag). */
function withDescriptions(card: string, ref: string, t: TableInfo, descriptions: ReadonlyMap<string, string> | undefined): string {
  if (!descriptions?.size) return card;
  const lines = [card];
  const own = descriptions.get(ref);
  if (own) lines.push(`description: ${own}`);
  for (const c of t.columns) {
    const d = descriptions.get(`${ref}.${c.name}`);
    if (d) lines.push(`${c.name}: ${d}`);
  }
  return lines.join('\n');
}

/** Builds every chunk for a snapshot (plus opt-in value samples and extra chunks). */
export function buildChunks(src: ChunkSources): Chunk[] {
  const out: Chunk[] = [];
  const neighbours = neighbourMap(src.snapshot, true);
  for (const s of src.snapshot.schemas) {
    for (const t of s.tables) {
      const ref = qualifiedName(s.name, t.name);
      const text = withDescriptions(tableCardText(s.name, t, neighbours.get(ref) ?? []), ref, t, src.descriptions);
      const links = [...(neighbours.get(ref) ?? [])].sort();
      out.push({ key: `table:${ref}`, kind: 'table', tableRef: ref, text, links, hash: chunkHash('table', ref, `${text}\0${links.join(',')}`) });
    }
  }
  if (src.includeValueSamples === true) {
    for (const v of src.valueSamples ?? []) {
      const cols = v.columns.filter((c) => c.values.length > 0);
      if (!cols.length) continue;
      const text = `values of ${v.tableRef}: ${cols.map((c) => `${c.column} = ${c.values.join(' | ')}`).join('; ')}`;
      out.push({ key: `values:${v.tableRef}`, kind: 'values', tableRef: v.tableRef, text, hash: chunkHash('values', v.tableRef, text) });
    }
  }
  for (const e of src.extraChunks ?? []) {
    const ref = e.tableRef ?? null;
    out.push({ key: `${e.kind}:${e.key}`, kind: e.kind, tableRef: ref, text: e.text, sql: e.sql, hash: chunkHash(e.kind, ref, e.text, e.sql) });
  }
  return out;
}
