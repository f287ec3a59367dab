/**
 * Hybrid search: vector neighbours and FTS5 BM25 hits merged by reciprocal rank fusion, then
 * aggregated to ranked tables (with the chunks that matched). Foreign-key expansion adds bridge
 * tables so join paths between the chosen tables stay intact.
 */
import type { SchemaSnapshot } from '../../shared/schema';
import { neighbourMap, qualifiedName } from './chunks';
import { tokenize } from './embedders/tokenize';
import type { RetrievalIndex, StoredChunk } from './index';

/** Tuning of the fusion. */
export interface SearchOptions {
  /** Tables to return. */
  k?: number;
  /** Candidates taken from each retriever before fusion. */
  candidates?: number;
  /** RRF constant (60 in the original paper; see SEARCH_DEFAULTS). */
  rrfK?: number;
  /** Weights of the two retrievers in the fusion. */
  vectorWeight?: number;
  keywordWeight?: number;
  /** Share of the best linked table's score a table receives (join-graph smoothing). */
  linkBoost?: number;
}

/**
 * Defaults tuned on BIRD mini-dev schema linking (bench/retrieval.bench.ts). A small RRF constant
 * keeps the gap between the first and the tenth hit (k=60 flattens it so much that join-graph
 * smoothing outweighs a strong keyword match); the lexical vector side is a tie-breaker, since
 * BM25's IDF makes the keyword side the stronger of the two on schema cards.
 */
export const SEARCH_DEFAULTS = { rrfK: 5, vectorWeight: 0.2, keywordWeight: 1, linkBoost: 0.3 } as const;

/** A chunk with its fused score and which retrievers found it. */
export interface ScoredChunk extends StoredChunk {
  score: number;
  via: Array<'vector' | 'keyword'>;
}

/** A ranked table and the chunks that put it there. */
export interface TableHit {
  table: string;
  score: number;
  chunks: ScoredChunk[];
}

/** Result of `hybridSearch`. */
export interface SearchResult {
  tables: TableHit[];
  /** All fused chunks, best first (examples and glossary terms included). */
  chunks: ScoredChunk[];
}

/** Fuses ranked id lists with weighted reciprocal rank fusion. */
export function reciprocalRankFusion(lists: Array<{ ids: number[]; weight: number }>, rrfK = 60): Map<number, number> {
  const scores = new Map<number, number>();
  for (const { ids, weight } of lists) ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + weight / (rrfK + rank + 1)));
  return scores;
}

/** Runs the hybrid search for a question. */
export async function hybridSearch(index: RetrievalIndex, question: string, opts: SearchOptions = {}): Promise<SearchResult> {
  const k = opts.k ?? 10;
  const candidates = opts.candidates ?? Math.max(50, k * 5);
  const tokens = tokenize(question);
  const idf = index.termIdf(tokens);
  let vector: Float32Array | undefined;
  if (index.embedder.embedQuery) vector = await index.embedder.embedQuery(question, (t) => idf.get(t) ?? 1);
  else [vector] = await index.embedder.embed([question]);
  const vec = index.vectorSearch(vector!, candidates);
  // On big indexes a term found in more than 1 chunk in 20 barely moves BM25 but costs a long
  // posting-list walk: keep the 8 most selective terms below that, or the single best one.
  let selective = tokens;
  if (index.chunkCount() > 5000) {
    const floor = Math.log(1 + 20);
    const ranked = [...idf.entries()].sort((a, b) => b[1] - a[1]);
    const kept = ranked.filter(([, w]) => w >= floor).slice(0, 8);
    selective = (kept.length ? kept : ranked.slice(0, 1)).map(([t]) => t);
  }
  const kw = index.keywordSearch(selective, candidates);
  const fused = reciprocalRankFusion(
    [
      { ids: vec.map((r) => r.id), weight: opts.vectorWeight ?? SEARCH_DEFAULTS.vectorWeight },
      { ids: kw.map((r) => r.id), weight: opts.keywordWeight ?? SEARCH_DEFAULTS.keywordWeight },
    ],
    opts.rrfK ?? SEARCH_DEFAULTS.rrfK,
  );
  const vecIds = new Set(vec.map((r) => r.id));
  const kwIds = new Set(kw.map((r) => r.id));
  const stored = index.getChunks([...fused.keys()]);
  const chunks: ScoredChunk[] = [];
  for (const [id, score] of fused) {
    const c = stored.get(id);
    if (!c) continue;
    const via: ScoredChunk['via'] = [];
    if (vecIds.has(id)) via.push('vector');
    if (kwIds.has(id)) via.push('keyword');
    chunks.push({ ...c, score, via });
  }
  chunks.sort((a, b) => b.score - a.score);
  const byTable = new Map<string, TableHit>();
  for (const c of chunks) {
    if (!c.tableRef) continue;
    const hit = byTable.get(c.tableRef);
    // The best chunk decides; further chunks of the same table add a little (more evidence).
    if (!hit) byTable.set(c.tableRef, { table: c.tableRef, score: c.score, chunks: [c] });
    else {
      hit.score += c.score * 0.25;
      hit.chunks.push(c);
    }
  }
  const tables = smoothOverLinks(byTable, chunks, opts.linkBoost ?? SEARCH_DEFAULTS.linkBoost)
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
  return { tables, chunks };
}

/**
 * Join-graph smoothing: a table joined to a strong hit gains a share of that hit's score, since
 * questions name the facts ("races won") and leave the tables on the join path implicit.
 */
function smoothOverLinks(byTable: Map<string, TableHit>, chunks: ScoredChunk[], beta: number): TableHit[] {
  if (beta <= 0) return [...byTable.values()];
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    if (!links.has(a)) links.set(a, new Set());
    links.get(a)!.add(b);
  };
  for (const c of chunks) {
    if (c.kind !== 'table' || !c.tableRef) continue;
    for (const n of c.links) {
      link(c.tableRef, n);
      link(n, c.tableRef);
    }
  }
  const out = new Map<string, TableHit>();
  for (const [table, neighbours] of links) {
    let best = 0;
    for (const n of neighbours) best = Math.max(best, byTable.get(n)?.score ?? 0);
    const own = byTable.get(table);
    out.set(table, { table, score: (own?.score ?? 0) + beta * best, chunks: own?.chunks ?? [] });
  }
  for (const [table, hit] of byTable) if (!out.has(table)) out.set(table, hit);
  return [...out.values()];
}

/** Qualified names of snapshot tables referenced in SQL text (FROM / JOIN / UPDATE / INTO). */
export function tablesInSql(sql: string, snapshot: SchemaSnapshot): string[] {
  const byName = new Map<string, string>();
  for (const s of snapshot.schemas) {
    for (const t of s.tables) {
      const q = qualifiedName(s.name, t.name);
      byName.set(q.toLowerCase(), q);
      if (!byName.has(t.name.toLowerCase())) byName.set(t.name.toLowerCase(), q);
    }
  }
  const out = new Set<string>();
  const re = /\b(?:from|join|update|into)\s+((?:[`"[]?[\w$]+[`"\]]?\s*\.\s*)?[`"[]?[\w$]+[`"\]]?)/gi;
  for (const m of sql.matchAll(re)) {
    const name = m[1]!.replace(/[`"[\]\s]/g, '').toLowerCase();
    const q = byName.get(name) ?? byName.get(name.slice(name.lastIndexOf('.') + 1));
    if (q) out.add(q);
  }
  return [...out];
}

/** A table added by expansion and why. */
export interface ExpansionReason {
  table: string;
  reason: string;
}

/**
 * Adds bridge tables on foreign-key paths between the given tables (paths of at most `maxHops`
 * edges, default 3: up to two bridge tables, as in customers → orders → order_items → products),
 * and the tables referenced by retrieved example SQL. Returns the given tables first, then the added.
 */
export function expandAlongForeignKeys(
  tables: string[],
  snapshot: SchemaSnapshot,
  opts: { exampleSql?: string[]; maxHops?: number } = {},
): { tables: string[]; added: ExpansionReason[] } {
  const maxHops = opts.maxHops ?? 3;
  const graph = neighbourMap(snapshot, true);
  const chosen = new Set(tables);
  const added: ExpansionReason[] = [];
  const add = (t: string, reason: string): void => {
    if (chosen.has(t)) return;
    chosen.add(t);
    added.push({ table: t, reason });
  };
  for (const sql of opts.exampleSql ?? []) for (const t of tablesInSql(sql, snapshot)) add(t, 'used by a matching example query');
  const seeds = [...chosen];
  for (let i = 0; i < seeds.length; i++) {
    // BFS from each seed; any other seed reached within maxHops contributes its path's bridges.
    const prev = new Map<string, string | null>([[seeds[i]!, null]]);
    let frontier = [seeds[i]!];
    for (let hop = 0; hop < maxHops && frontier.length; hop++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const n of graph.get(node) ?? []) {
          if (prev.has(n)) continue;
          prev.set(n, node);
          next.push(n);
        }
      }
      frontier = next;
    }
    for (let j = i + 1; j < seeds.length; j++) {
      if (!prev.has(seeds[j]!)) continue;
      for (let at = prev.get(seeds[j]!) ?? null; at && at !== seeds[i]; at = prev.get(at) ?? null) {
        add(at, `joins ${seeds[i]} and ${seeds[j]}`);
      }
    }
  }
  return { tables: [...chosen], added };
}
