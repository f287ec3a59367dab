/**
 * The schema completion source, pure: an index built once per SchemaSnapshot (sorted name
 * arrays, maps by name, option objects made ahead of time) and a `complete` function that only
 * tokenizes the statement at the cursor and binary-searches the index, so a keystroke costs the
 * same on a 10-table and a 10,000-table schema.
 */
import type { Completion, CompletionResult } from '@codemirror/autocomplete';
import type { Engine } from '../../../shared/connection';
import type { SchemaSnapshot, TableInfo } from '../../../shared/schema';
import { splitStatements } from '../../../shared/sqlCursor';
import { TABLE_KEYWORDS, tableRefs, tokenize, type SqlToken } from './sqlScope';
import { functionsOf, keywordsOf } from './sqlWords';

/** Most options returned for one keystroke; past it the list is re-queried as the user types. */
export const MAX_OPTIONS = 400;
/** How far around the cursor the source reads (keeps huge scripts cheap). */
const WINDOW = 20_000;

interface TableEntry {
  schema: string;
  table: TableInfo;
  option: Completion;
  columnOptions?: Completion[];
}

/** Searchable keys (lowercase, sorted) pointing at entries: whole names and `_`-word starts. */
interface SortedKeys {
  keys: string[];
  entries: number[];
}

/** A snapshot prepared for completion. */
export interface SchemaIndex {
  engine: Engine;
  tables: TableEntry[];
  /** Lowercase `name` and `schema.name` → entries. */
  byName: Map<string, number[]>;
  search: SortedKeys;
  /** Schema names → namespace options and their table entries. */
  schemas: Map<string, { option: Completion; tables: number[] }>;
  defaultSchema: string;
  words: Completion[];
}

const DEFAULT_SCHEMA: Record<Engine, string> = { sqlite: 'main', postgres: 'public', mysql: '', mssql: 'dbo' };

/** Builds the completion index of a snapshot (once per snapshot, not per keystroke). */
export function buildSchemaIndex(snapshot: SchemaSnapshot | null, engine: Engine): SchemaIndex {
  const tables: TableEntry[] = [];
  const byName = new Map<string, number[]>();
  const schemas = new Map<string, { option: Completion; tables: number[] }>();
  const pairs: Array<[string, number]> = [];
  const functions = new Set(functionsOf(engine));
  const add = (key: string, i: number): void => {
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  };
  for (const schema of snapshot?.schemas ?? []) {
    const bucket = { option: { label: quoteIdent(schema.name, engine), type: 'namespace', detail: 'schema' }, tables: [] as number[] };
    if (schema.name) schemas.set(schema.name.toLowerCase(), bucket);
    for (const r of schema.routines) functions.add(r.name);
    for (const table of schema.tables) {
      const i = tables.length;
      const view = table.kind !== 'table';
      const option: Completion = {
        label: quoteIdent(table.name, engine),
        type: view ? 'view' : 'table',
        detail: schema.name ? `${view ? 'view' : 'table'} · ${schema.name}` : view ? 'view' : 'table',
        boost: 2,
      };
      tables.push({ schema: schema.name, table, option });
      bucket.tables.push(i);
      const lower = table.name.toLowerCase();
      add(lower, i);
      if (schema.name) add(`${schema.name.toLowerCase()}.${lower}`, i);
      pairs.push([lower, i]);
      for (let k = lower.indexOf('_'); k >= 0 && k < lower.length - 1; k = lower.indexOf('_', k + 1))
        pairs.push([lower.slice(k + 1), i]);
    }
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const defaultSchema =
    (engine === 'mysql' ? snapshot?.database : DEFAULT_SCHEMA[engine])?.toLowerCase() ?? '';
  const words: Completion[] = [
    ...keywordsOf(engine).map((k): Completion => ({ label: k, type: 'keyword', boost: -1 })),
    ...[...functions].sort().map((f): Completion => ({ label: f, type: 'function', apply: `${f}(`, detail: 'function' })),
  ];
  return {
    engine,
    tables,
    byName,
    search: { keys: pairs.map((p) => p[0]), entries: pairs.map((p) => p[1]) },
    schemas,
    defaultSchema,
    words,
  };
}

/**
 * Completions at `pos` of `doc`: columns after `alias.`/`table.`, tables of a schema after
 * `schema.`, tables after FROM/JOIN/INTO/UPDATE, else in-scope columns, tables, functions and
 * keywords. Null when there is nothing to offer (e.g. no word typed and not `explicit`).
 */
export function complete(index: SchemaIndex, doc: string, pos: number, explicit: boolean): CompletionResult | null {
  const base = Math.max(0, pos - WINDOW);
  const text = doc.slice(base, Math.min(doc.length, pos + WINDOW));
  const at = pos - base;
  const word = /[\w$]*$/.exec(text.slice(Math.max(0, at - 200), at))![0];
  const from = at - word.length;
  if (inStringOrComment(text, from)) return null;
  const stmt = statementText(text, at, index.engine);
  const tokens = tokenize(stmt.sql);
  const local = from - stmt.from;
  const before = tokens.filter((t) => t.end <= local);
  const last = before[before.length - 1];
  const validFor = /^[\w$]*$/;

  if (last?.text === '.' && last.end === local) {
    const qualifier = qualifierBefore(before);
    const options = [...columnsOf(index, tableRefs(tokens), qualifier), ...tablesOfSchema(index, qualifier)];
    return { from: base + from, options, validFor };
  }
  const tableSpot = last?.kind === 'word' && TABLE_KEYWORDS.has(last.text.toLowerCase());
  const joinOptions = last?.kind === 'word' && last.text.toLowerCase() === 'on' ? joinConditions(index, tableRefs(before)) : [];
  // Right after FROM/JOIN (tables) or ON (join conditions) a list is wanted before typing.
  if (!word && !explicit && !tableSpot && joinOptions.length === 0) return null;
  const found = matchTables(index, word.toLowerCase());
  const options: Completion[] = [...joinOptions, ...found.options, ...[...index.schemas.values()].map((s) => s.option)];
  if (!tableSpot) {
    const refs = tableRefs(tokens);
    for (const ref of refs) {
      const entry = resolve(index, ref.path);
      if (entry) options.push(...columnOptions(entry));
    }
    options.push(...index.words);
  }
  return { from: base + from, options, ...(found.capped ? {} : { validFor }) };
}

/**
 * Join conditions from foreign keys between the table just joined (the last reference before
 * `ON`) and the tables before it, in either direction: `o.customer_id = c.id`.
 */
function joinConditions(index: SchemaIndex, refs: ReturnType<typeof tableRefs>): Completion[] {
  const joined = refs[refs.length - 1];
  const right = joined && resolve(index, joined.path);
  if (!joined || !right) return [];
  const q = (name: string): string => quoteIdent(name, index.engine);
  const nameOf = (ref: (typeof refs)[number], entry: TableEntry): string => ref.alias ?? q(entry.table.name);
  const out: Completion[] = [];
  for (const ref of refs.slice(0, -1)) {
    const left = resolve(index, ref.path);
    if (!left) continue;
    const pairs: Array<[TableEntry, string, TableEntry, string, string[], string[]]> = [];
    for (const fk of right.table.foreignKeys)
      if (fk.refTable.toLowerCase() === left.table.name.toLowerCase()) pairs.push([right, nameOf(joined, right), left, nameOf(ref, left), fk.columns, fk.refColumns]);
    for (const fk of left.table.foreignKeys)
      if (fk.refTable.toLowerCase() === right.table.name.toLowerCase()) pairs.push([right, nameOf(joined, right), left, nameOf(ref, left), fk.refColumns, fk.columns]);
    for (const [, a, , b, aCols, bCols] of pairs) {
      const label = aCols.map((c, i) => `${a}.${q(c)} = ${b}.${q(bCols[i] ?? c)}`).join(' AND ');
      out.push({ label, type: 'text', detail: 'foreign key', boost: 10 });
    }
  }
  return out;
}

/** Quotes an identifier for the dialect when it is not a plain lowercase-safe name. */
export function quoteIdent(name: string, engine: Engine): string {
  const plain = /^[A-Za-z_][\w$]*$/.test(name) && (engine !== 'postgres' || name === name.toLowerCase());
  if (plain) return name;
  if (engine === 'mysql') return `\`${name.replace(/`/g, '``')}\``;
  if (engine === 'mssql') return `[${name.replace(/]/g, ']]')}]`;
  return `"${name.replace(/"/g, '""')}"`;
}

function matchTables(index: SchemaIndex, prefix: string): { options: Completion[]; capped: boolean } {
  const { keys, entries } = index.search;
  const seen = new Set<number>();
  const options: Completion[] = [];
  for (let k = lowerBound(keys, prefix); k < keys.length && keys[k]!.startsWith(prefix); k++) {
    const i = entries[k]!;
    if (seen.has(i)) continue;
    if (options.length >= MAX_OPTIONS) return { options, capped: true };
    seen.add(i);
    options.push(index.tables[i]!.option);
  }
  return { options, capped: false };
}

function lowerBound(keys: string[], x: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Finds the table a name path means, preferring the default schema. */
function resolve(index: SchemaIndex, path: string[]): TableEntry | undefined {
  const hits = index.byName.get(path.map((p) => p.toLowerCase()).join('.'));
  if (!hits?.length) return undefined;
  const preferred = hits.find((i) => index.tables[i]!.schema.toLowerCase() === index.defaultSchema);
  return index.tables[preferred ?? hits[0]!];
}

function columnOptions(entry: TableEntry): Completion[] {
  entry.columnOptions ??= entry.table.columns.map(
    (c): Completion => ({
      label: c.name,
      type: 'property',
      detail: `${c.dataType}${c.nullable ? '' : ' not null'} · ${entry.table.name}`,
      // Above tables and keywords; ties keep the table's column order instead of A–Z.
      boost: 5 - Math.min(c.ordinal, 999) / 1000,
    }),
  );
  return entry.columnOptions;
}

function columnsOf(index: SchemaIndex, refs: ReturnType<typeof tableRefs>, qualifier: string[]): Completion[] {
  const q = qualifier.map((p) => p.toLowerCase());
  if (q.length === 1) {
    const aliased = refs.find((r) => r.alias?.toLowerCase() === q[0]);
    if (aliased) {
      const entry = resolve(index, aliased.path);
      return entry ? columnOptions(entry) : [];
    }
  }
  const entry = resolve(index, qualifier);
  if (entry) return columnOptions(entry).map((o) => ({ ...o, label: quoteIdent(o.label, index.engine) }));
  return [];
}

function tablesOfSchema(index: SchemaIndex, qualifier: string[]): Completion[] {
  if (qualifier.length !== 1) return [];
  const schema = index.schemas.get(qualifier[0]!.toLowerCase());
  return schema ? schema.tables.map((i) => index.tables[i]!.option) : [];
}

/** The dotted name before a trailing `.` token: `a.b.` → ['a', 'b']. */
function qualifierBefore(before: SqlToken[]): string[] {
  const parts: string[] = [];
  let i = before.length - 2;
  while (i >= 0 && (before[i]!.kind === 'word' || before[i]!.kind === 'quoted')) {
    parts.unshift(before[i]!.text);
    if (before[i - 1]?.text === '.' && before[i - 1]!.end === before[i]!.start) i -= 2;
    else break;
  }
  return parts;
}

function statementText(text: string, at: number, engine: Engine): { sql: string; from: number } {
  // The statement the cursor is in; the blank tail after a `;` starts the next one.
  const stmts = splitStatements(text, engine);
  let cur: (typeof stmts)[number] | null = null;
  for (const s of stmts) if (s.from <= at) cur = s;
  const next = stmts.find((s) => s.from > at);
  const end = next ? next.from : text.length;
  if (cur && !text.slice(cur.to, at).includes(';')) return { sql: text.slice(cur.from, end), from: cur.from };
  const start = cur ? cur.to + text.slice(cur.to, at).indexOf(';') + 1 : 0;
  return { sql: text.slice(start, end), from: start };
}

function inStringOrComment(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  if (/--/.test(line.replace(/'[^']*'/g, ''))) return true;
  const quotes = (line.match(/'/g) ?? []).length;
  return quotes % 2 === 1;
}
