/**
 * The ER graph: tables as nodes and foreign keys as edges, taken from one SchemaSnapshot — the
 * whole database, some schemas, a named list of tables, or "around this table, N hops". Every
 * ER output (React view, SVG, PNG, Mermaid, DBML) is drawn from this one model.
 */
import { AppError } from '../errors';
import type { SchemaSnapshot, TableInfo, TableKind } from '../schema';

/** One column as the diagram shows it. */
export interface ErColumn {
  name: string;
  type: string;
  nullable: boolean;
  pk: boolean;
  fk: boolean;
  /** Referenced by a foreign key of the graph although it is not in the primary key (a unique key). */
  ref?: boolean;
  /** The column comment, when there is one. */
  comment?: string;
  /** The default expression, when there is one. */
  default?: string;
  /** Identity / auto-increment column. */
  autoIncrement?: boolean;
}

/** A table (or view) of the diagram; `id` is `schema.table`. */
export interface ErNode {
  id: string;
  schema: string;
  name: string;
  kind: TableKind;
  columns: ErColumn[];
  /** The table comment, when there is one. */
  comment?: string;
}

/** A foreign key between two nodes of the diagram: `from` (the child) references `to` (the parent). */
export interface ErEdge {
  id: string;
  from: string;
  fromColumns: string[];
  to: string;
  toColumns: string[];
  name: string;
  selfLoop: boolean;
  /** True when every FK column is nullable (the parent is optional). */
  optional?: boolean;
  /** ON DELETE action as the engine reports it (e.g. `CASCADE`). */
  onDelete?: string;
  /** ON UPDATE action as the engine reports it. */
  onUpdate?: string;
}

/** The graph of a diagram. `hiddenLinks` counts foreign keys to or from tables left out of the subset. */
export interface ErGraph {
  nodes: ErNode[];
  edges: ErEdge[];
  hiddenLinks: number;
}

/** Which part of the snapshot to draw. */
export interface ErGraphOptions {
  /** Centre table, `schema.table` (or a bare table name when it is unique). */
  focus?: string;
  /** Hops from `focus`, following FKs in both directions (default 1). */
  hops?: number;
  /** Explicit table list (`schema.table` or unique bare names); ignored when `focus` is set. */
  tables?: string[];
  /** Only these schemas. */
  schemas?: string[];
  /** Include views in a whole-schema graph (default false: they have no FKs and clutter it). */
  includeViews?: boolean;
}

/** The node id of a table. */
export const nodeId = (schema: string, table: string): string => `${schema}.${table}`;

interface Entry {
  id: string;
  schema: string;
  table: TableInfo;
}

// Snapshots are treated as immutable: docs pages build one graph per table from the same snapshot,
// so its table list and FK adjacency are computed once.
const entryCache = new WeakMap<SchemaSnapshot, Entry[]>();
const adjacencyCache = new WeakMap<Entry[], Map<string, Set<string>>>();

function entries(snapshot: SchemaSnapshot): Entry[] {
  let out = entryCache.get(snapshot);
  if (!out) {
    out = [];
    for (const s of snapshot.schemas) for (const t of s.tables) out.push({ id: nodeId(s.name, t.name), schema: s.name, table: t });
    entryCache.set(snapshot, out);
  }
  return out;
}

/** Edit distance, for "did you mean" suggestions (small strings only). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The known table names closest to `name` (for an error that says what was meant). */
export function nearestTableNames(snapshot: SchemaSnapshot, name: string, limit = 5): string[] {
  const q = name.toLowerCase();
  return entries(snapshot)
    .map((e) => {
      const bare = e.table.name.toLowerCase();
      const score = Math.min(distance(q, e.id.toLowerCase()), distance(q, bare)) - (bare.includes(q) || q.includes(bare) ? 2 : 0);
      return { id: e.id, score };
    })
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((x) => x.id);
}

/**
 * Resolves `schema.table` or a unique bare table name to a node id. Unknown or ambiguous names throw
 * NOT_FOUND / BAD_REQUEST with the nearest names, so the user can correct the spelling.
 */
export function resolveTableId(snapshot: SchemaSnapshot, name: string): string {
  const all = entries(snapshot);
  const exact = all.find((e) => e.id === name);
  if (exact) return exact.id;
  const bare = all.filter((e) => e.table.name === name);
  if (bare.length === 1) return bare[0]!.id;
  if (bare.length > 1) {
    throw new AppError('BAD_REQUEST', `Table "${name}" exists in several schemas; write it as ${bare.map((e) => e.id).join(' or ')}.`);
  }
  const folded = all.filter((e) => e.id.toLowerCase() === name.toLowerCase() || e.table.name.toLowerCase() === name.toLowerCase());
  if (folded.length === 1) return folded[0]!.id;
  const near = nearestTableNames(snapshot, name);
  throw new AppError('NOT_FOUND', `Unknown table "${name}".${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}`, { suggestions: near });
}

/** Undirected FK adjacency of all tables of a snapshot (cached per snapshot). */
function adjacency(all: Entry[]): Map<string, Set<string>> {
  let adj = adjacencyCache.get(all);
  if (!adj) {
    const links = new Map<string, Set<string>>();
    const link = (a: string, b: string): void => {
      if (!links.has(a)) links.set(a, new Set());
      links.get(a)!.add(b);
    };
    for (const e of all) {
      for (const fk of e.table.foreignKeys) {
        const to = nodeId(fk.refSchema, fk.refTable);
        link(e.id, to);
        link(to, e.id);
      }
    }
    adjacencyCache.set(all, links);
    adj = links;
  }
  return adj;
}

/** Ids of the tables within `hops` foreign-key steps of `focus`, in either direction. */
function neighbourhood(adj: Map<string, Set<string>>, focus: string, hops: number): Set<string> {
  const seen = new Set([focus]);
  let frontier = [focus];
  for (let h = 0; h < hops && frontier.length > 0; h++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of adj.get(id) ?? []) {
        if (!seen.has(n)) {
          seen.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** Builds the ER graph of a snapshot (or of the part `opts` selects). Nodes and edges come out sorted by id. */
export function buildErGraph(snapshot: SchemaSnapshot, opts: ErGraphOptions = {}): ErGraph {
  const full = entries(snapshot);
  const adj = adjacency(full);
  let all = full;
  if (opts.schemas && opts.schemas.length > 0) {
    const wanted = new Set(opts.schemas);
    all = all.filter((e) => wanted.has(e.schema));
  }
  const scoped: SchemaSnapshot = opts.schemas?.length ? { ...snapshot, schemas: snapshot.schemas.filter((s) => opts.schemas!.includes(s.name)) } : snapshot;
  let chosen: Set<string>;
  if (opts.focus) {
    chosen = neighbourhood(adj, resolveTableId(scoped, opts.focus), Math.max(0, opts.hops ?? 1));
  } else if (opts.tables && opts.tables.length > 0) {
    chosen = new Set(opts.tables.map((t) => resolveTableId(scoped, t)));
  } else {
    chosen = new Set(all.filter((e) => opts.includeViews || e.table.kind === 'table' || e.table.foreignKeys.length > 0).map((e) => e.id));
  }
  const picked = all.filter((e) => chosen.has(e.id)).sort((a, b) => a.id.localeCompare(b.id));
  const byId = new Map(picked.map((e) => [e.id, e]));

  const edges: ErEdge[] = [];
  const usedIds = new Set<string>();
  const referenced = new Map<string, Set<string>>();
  let hiddenLinks = 0;
  // Only the chosen tables and their direct neighbours can hold an edge or a hidden link: for a small
  // subset of a large schema, skip the rest.
  let candidates = full;
  if (byId.size * 4 < full.length) {
    const ids = new Set(byId.keys());
    for (const id of byId.keys()) for (const n of adj.get(id) ?? []) ids.add(n);
    candidates = full.filter((e) => ids.has(e.id));
  }
  for (const e of candidates) {
    const fromIn = byId.has(e.id);
    e.table.foreignKeys.forEach((fk, i) => {
      const to = nodeId(fk.refSchema, fk.refTable);
      const toIn = byId.has(to);
      if (!fromIn || !toIn) {
        if (fromIn || toIn) hiddenLinks++;
        return;
      }
      let id = `${e.id}:${fk.name || `fk${i + 1}`}`;
      while (usedIds.has(id)) id += '_';
      usedIds.add(id);
      edges.push({
        id,
        from: e.id,
        fromColumns: [...fk.columns],
        to,
        toColumns: [...fk.refColumns],
        name: fk.name || `${e.table.name}_${fk.columns.join('_')}_fkey`,
        selfLoop: e.id === to,
        optional: fk.columns.length > 0 && fk.columns.every((c) => e.table.columns.find((col) => col.name === c)?.nullable ?? false),
        onDelete: fk.onDelete,
        onUpdate: fk.onUpdate,
      });
      if (!referenced.has(to)) referenced.set(to, new Set());
      for (const c of fk.refColumns) referenced.get(to)!.add(c);
    });
  }
  edges.sort((a, b) => a.id.localeCompare(b.id));

  const nodes: ErNode[] = picked.map((e) => {
    const pk = new Set(e.table.primaryKey);
    const fkCols = new Set(e.table.foreignKeys.flatMap((fk) => fk.columns));
    const refs = referenced.get(e.id) ?? new Set<string>();
    return {
      ...(e.table.comment ? { comment: e.table.comment } : {}),
      id: e.id,
      schema: e.schema,
      name: e.table.name,
      kind: e.table.kind,
      columns: [...e.table.columns]
        .sort((a, b) => a.ordinal - b.ordinal)
        .map((c) => {
          const col: ErColumn = { name: c.name, type: c.dataType, nullable: c.nullable, pk: pk.has(c.name), fk: fkCols.has(c.name) };
          if (refs.has(c.name) && !col.pk) col.ref = true;
          if (c.comment) col.comment = c.comment;
          if (c.default !== null && c.default !== undefined) col.default = c.default;
          if (c.autoIncrement) col.autoIncrement = true;
          return col;
        }),
    };
  });
  return { nodes, edges, hiddenLinks };
}

/** Foreign keys per node that point to or come from tables outside the graph (for "N links not shown" badges). */
export function hiddenLinksByNode(snapshot: SchemaSnapshot, graph: ErGraph): Record<string, number> {
  const inGraph = new Set(graph.nodes.map((n) => n.id));
  const out: Record<string, number> = {};
  for (const s of snapshot.schemas) {
    for (const t of s.tables) {
      const from = nodeId(s.name, t.name);
      for (const fk of t.foreignKeys) {
        const to = nodeId(fk.refSchema, fk.refTable);
        if (inGraph.has(from) && !inGraph.has(to)) out[from] = (out[from] ?? 0) + 1;
        if (inGraph.has(to) && !inGraph.has(from)) out[to] = (out[to] ?? 0) + 1;
      }
    }
  }
  return out;
}

/** The graph with only key columns: primary key, foreign key, or referenced by a foreign key. */
export function keysOnlyGraph(graph: ErGraph): ErGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const columns = n.columns.filter((c) => c.pk || c.fk || c.ref === true);
      return columns.length === n.columns.length ? n : { ...n, columns };
    }),
  };
}
