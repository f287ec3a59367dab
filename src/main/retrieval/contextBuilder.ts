/**
 * Builds the schema context of an AI prompt within a token budget: the whole schema as compact
 * DDL when it fits, otherwise the ranked tables (expanded along foreign keys), the best example
 * question→SQL pairs and matching glossary terms. Reports what it chose and why, so the UI can
 * show "context: 7 tables, 2 examples, 3,100 tokens" and let the user add or remove tables.
 */
import type { SchemaSnapshot, TableInfo } from '../../shared/schema';
import { qualifiedName } from './chunks';
import type { RetrievalIndex } from './index';
import { expandAlongForeignKeys, hybridSearch, type ScoredChunk } from './search';

/** Default budget (tokens) of the schema part of a prompt. */
export const DEFAULT_CONTEXT_BUDGET = 8000;

/** Rough token count: ≈ 4 characters per token for schema text. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** A table as one compact DDL line: `schema.t(id integer PK, cust_id integer → customers.id, …)`. */
export function compactDdl(schema: string, t: TableInfo): string {
  const fkOf = new Map<string, string>();
  for (const fk of t.foreignKeys) fk.columns.forEach((c, i) => fkOf.set(c, `${fk.refTable}.${fk.refColumns[i] ?? '?'}`));
  const cols = t.columns.map((c) => {
    const tags = [t.primaryKey.includes(c.name) ? ' PK' : '', fkOf.has(c.name) ? ` → ${fkOf.get(c.name)!}` : '', c.comment ? ` -- ${c.comment}` : ''];
    return `${c.name} ${c.dataType}${tags.join('')}`;
  });
  const comment = t.comment ? ` -- ${t.comment}` : '';
  return `${t.kind === 'table' ? '' : `${t.kind} `}${schema}.${t.name}(${cols.join(', ')})${comment}`;
}

/** An example pair or saved query offered to the prompt. */
export interface ContextExample {
  text: string;
  sql: string;
}

/** What the builder chose. */
export interface PromptContext {
  text: string;
  tables: string[];
  examples: ContextExample[];
  tokens: number;
  reasons: string[];
}

/** Inputs of the pure assembly step. */
export interface AssembleInput {
  snapshot: SchemaSnapshot;
  /** Tables in priority order (ranked, then expansion). */
  tables: string[];
  /** Why each table is there (shown to the user). */
  tableReasons?: Map<string, string>;
  examples?: ContextExample[];
  glossary?: string[];
  budget?: number;
  /** Tables never to include, even when the whole schema fits. */
  exclude?: ReadonlySet<string>;
}

function tablesByRef(snapshot: SchemaSnapshot): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of snapshot.schemas) for (const t of s.tables) m.set(qualifiedName(s.name, t.name), compactDdl(s.name, t));
  return m;
}

/** The whole schema when it fits the budget; otherwise the given tables, examples and terms that fit. */
export function assembleContext(input: AssembleInput): PromptContext {
  const budget = input.budget ?? DEFAULT_CONTEXT_BUDGET;
  const ddl = tablesByRef(input.snapshot);
  for (const t of input.exclude ?? []) ddl.delete(t);
  const whole = [...ddl.values()].join('\n');
  const wholeFits = estimateTokens(whole) <= budget;
  const parts: string[] = [];
  const tables: string[] = [];
  const examples: ContextExample[] = [];
  const reasons: string[] = [];
  let used = 0;
  if (wholeFits) {
    parts.push(whole);
    tables.push(...ddl.keys());
    used = estimateTokens(whole) + 1;
    reasons.push(`the whole schema (${ddl.size} tables) fits the budget of ${budget} tokens`);
  }
  const tryAdd = (text: string): boolean => {
    const cost = estimateTokens(text) + 1;
    if (used + cost > budget) return false;
    parts.push(text);
    used += cost;
    return true;
  };
  // Tables first (a missing table cannot be recovered), then examples, then glossary terms.
  for (const ref of wholeFits ? [] : input.tables) {
    const line = ddl.get(ref);
    if (!line) continue;
    if (tryAdd(line)) {
      tables.push(ref);
      reasons.push(`${ref}: ${input.tableReasons?.get(ref) ?? 'ranked by search'}`);
    } else reasons.push(`${ref}: left out, over the budget`);
  }
  for (const ex of input.examples ?? []) {
    if (tryAdd(`-- example: ${ex.text}\n${ex.sql}`)) examples.push(ex);
  }
  if (examples.length) reasons.push(`${examples.length} example quer${examples.length === 1 ? 'y' : 'ies'} matched the question`);
  let terms = 0;
  for (const g of input.glossary ?? []) if (tryAdd(`-- glossary: ${g}`)) terms++;
  if (terms) reasons.push(`${terms} glossary term${terms === 1 ? '' : 's'} matched`);
  const text = parts.join('\n');
  return { text, tables, examples, tokens: estimateTokens(text), reasons };
}

/** Options of `buildPromptContext`. */
export interface ContextOptions {
  budget?: number;
  /** Tables taken from search before expansion. */
  k?: number;
  maxExamples?: number;
  /** Tables the user added: always included, first. */
  include?: string[];
  /** Tables the user removed: never included. */
  exclude?: string[];
}

/** Retrieval + expansion + assembly for a question. */
export async function buildPromptContext(index: RetrievalIndex, snapshot: SchemaSnapshot, question: string, opts: ContextOptions = {}): Promise<PromptContext> {
  const result = await hybridSearch(index, question, { k: opts.k ?? 12 });
  const exampleChunks = result.chunks.filter((c): c is ScoredChunk & { sql: string } => (c.kind === 'example' || c.kind === 'saved_query') && !!c.sql).slice(0, opts.maxExamples ?? 3);
  const excluded = new Set(opts.exclude ?? []);
  const included = (opts.include ?? []).filter((t) => !excluded.has(t));
  const ranked = [...included, ...result.tables.map((t) => t.table).filter((t) => !included.includes(t))].filter((t) => !excluded.has(t));
  const expanded = expandAlongForeignKeys(ranked, snapshot, { exampleSql: exampleChunks.map((c) => c.sql) });
  const reasons = new Map<string, string>(result.tables.map((t) => [t.table, `matched the question (${t.chunks[0]?.via.join(' + ') ?? 'join graph'})`]));
  for (const a of expanded.added) reasons.set(a.table, a.reason);
  for (const t of included) reasons.set(t, 'added by you');
  return assembleContext({
    snapshot,
    tables: expanded.tables.filter((t) => !excluded.has(t)),
    exclude: excluded,
    tableReasons: reasons,
    examples: exampleChunks.map((c) => ({ text: c.text, sql: c.sql })),
    glossary: result.chunks.filter((c) => c.kind === 'glossary').slice(0, 5).map((c) => c.text),
    budget: opts.budget,
  });
}
