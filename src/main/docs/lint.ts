/**
 * Schema lint: tables without a primary key, foreign keys no index can serve, inconsistent
 * naming within a schema, undocumented objects. Pure: a snapshot and the descriptions in,
 * findings out. Every finding says what is wrong and what to do.
 */
import type { LintFinding, LintRuleId } from '../../shared/docs';
import type { SchemaInfo, SchemaSnapshot, TableInfo } from '../../shared/schema';
import { descriptionOf, type DescriptionLookup } from './coverage';
import { columnTarget, hasText, tableTarget } from './targets';

/** Options of a lint run. */
export interface LintOptions {
  /** Rules turned off. */
  disabled?: readonly LintRuleId[];
}

/** Lints a snapshot. Findings are sorted by target, then rule. */
export function lintSnapshot(snapshot: SchemaSnapshot, descriptions: DescriptionLookup, options: LintOptions = {}): LintFinding[] {
  const off = new Set(options.disabled ?? []);
  const on = (r: LintRuleId): boolean => !off.has(r);
  const out: LintFinding[] = [];
  for (const s of snapshot.schemas) {
    const full = s.tables.filter((t) => !t.partial);
    for (const t of full) {
      if (t.kind !== 'table') continue;
      if (on('no-primary-key')) out.push(...primaryKeyFindings(s.name, t));
      if (on('fk-without-index')) out.push(...fkIndexFindings(s.name, t));
    }
    if (on('inconsistent-naming')) out.push(...namingFindings(s));
    for (const t of full) {
      if (on('undocumented-table') && !hasText(t.comment) && !hasText(descriptionOf(descriptions, tableTarget(s.name, t.name)))) {
        out.push({ rule: 'undocumented-table', severity: 'info', target: tableTarget(s.name, t.name), message: `${t.kind === 'table' ? 'Table' : 'View'} ${t.name} has no description or comment.` });
      }
      if (!on('undocumented-column')) continue;
      for (const c of t.columns) {
        const target = columnTarget(s.name, t.name, c.name);
        if (!hasText(c.comment) && !hasText(descriptionOf(descriptions, target))) {
          out.push({ rule: 'undocumented-column', severity: 'info', target, message: `Column ${t.name}.${c.name} has no description or comment.` });
        }
      }
    }
  }
  return out.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

function primaryKeyFindings(schema: string, t: TableInfo): LintFinding[] {
  if (t.primaryKey.length > 0) return [];
  const unique = t.indexes.find((i) => i.unique && !i.columns.some((c) => c.startsWith('(')));
  const hint = unique ? ` The unique index ${unique.name} (${unique.columns.join(', ')}) could become the key.` : ' Add one so rows can be addressed (edits, replication, ORMs).';
  return [{ rule: 'no-primary-key', severity: 'warning', target: tableTarget(schema, t.name), message: `Table ${t.name} has no primary key.${hint}` }];
}

/** Column lists of everything that is backed by an index: indexes, the primary key, unique constraints. */
function indexedColumnLists(t: TableInfo): string[][] {
  const lists = t.indexes.map((i) => i.columns);
  if (t.primaryKey.length) lists.push(t.primaryKey);
  for (const c of t.constraints) if (c.kind === 'unique') lists.push(c.columns);
  return lists;
}

/** True when an index's leading columns are exactly the key's columns (in any order). */
export function indexCovers(indexColumns: readonly string[], keyColumns: readonly string[]): boolean {
  if (indexColumns.length < keyColumns.length) return false;
  const lead = new Set(indexColumns.slice(0, keyColumns.length));
  return keyColumns.every((c) => lead.has(c));
}

function fkIndexFindings(schema: string, t: TableInfo): LintFinding[] {
  const lists = indexedColumnLists(t);
  return t.foreignKeys
    .filter((fk) => !lists.some((cols) => indexCovers(cols, fk.columns)))
    .map((fk) => ({
      rule: 'fk-without-index' as const,
      severity: 'warning' as const,
      target: fk.columns.length === 1 ? columnTarget(schema, t.name, fk.columns[0]!) : tableTarget(schema, t.name),
      message: `Foreign key ${fk.name} (${t.name}.${fk.columns.join(', ')} → ${fk.refTable}) has no index starting with its columns; joins and deletes in ${fk.refTable} scan ${t.name}. Create an index on (${fk.columns.join(', ')}).`,
    }));
}

/** How an identifier is written. `word` (one lowercase word) fits both snake_case and camelCase. */
export type NamingStyle = 'snake_case' | 'camelCase' | 'PascalCase' | 'UPPER_CASE' | 'Mixed_Case' | 'word';

/** Classifies a name's style. */
export function namingStyle(name: string): NamingStyle {
  const hasUpper = /[A-Z]/.test(name);
  const hasLower = /[a-z]/.test(name);
  const hasUnderscore = name.includes('_');
  if (!hasUpper) return hasUnderscore ? 'snake_case' : 'word';
  if (!hasLower) return 'UPPER_CASE';
  if (hasUnderscore) return 'Mixed_Case';
  return /^[A-Z]/.test(name) ? 'PascalCase' : 'camelCase';
}

// Words whose trailing "s" is not a plural, and plurals without one, kept short on purpose:
// the rule only needs to be right about common table names.
const NOT_PLURAL = new Set(['status', 'address', 'access', 'news', 'series', 'species', 'analysis', 'basis', 'class', 'process', 'business', 'canvas', 'bus', 'alias', 'gas', 'axis', 'campus', 'census', 'corpus', 'virus', 'bonus', 'focus', 'radius']);
const IRREGULAR_PLURAL = new Set(['people', 'children', 'men', 'women', 'data', 'media', 'criteria', 'indices']);
const NEUTRAL = new Set(['settings', 'stats', 'metrics', 'details', 'sales', 'goods', 'credentials', 'data', 'media', 'info', 'staff', 'inventory', 'history', 'audit', 'log', 'metadata', 'config']);

/** Whether a table name reads as singular or plural (by its last word); `unknown` when it cannot tell. */
export function grammaticalNumber(name: string): 'singular' | 'plural' | 'unknown' {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[_\s-]+/).filter(Boolean);
  const last = words.at(-1) ?? '';
  if (!/^[a-z]{3,}$/.test(last) || NEUTRAL.has(last)) return 'unknown';
  if (IRREGULAR_PLURAL.has(last)) return 'plural';
  if (NOT_PLURAL.has(last) || /(ss|us|is)$/.test(last)) return 'singular';
  return last.endsWith('s') ? 'plural' : 'singular';
}

/** Flags the names whose style (or, for tables, singular/plural) differs from what most of the schema uses. */
function minorityFindings<K extends string>(
  items: { name: string; target: string; key: K | null }[],
  describe: (name: string, mine: K, usual: K, usualCount: number, total: number) => string,
): LintFinding[] {
  const counts = new Map<K, number>();
  for (const i of items) if (i.key) counts.set(i.key, (counts.get(i.key) ?? 0) + 1);
  if (counts.size < 2) return [];
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [usual, usualCount] = ranked[0]!;
  // A tie has no "usual" style to point to; stay silent rather than guess.
  if (usualCount === ranked[1]![1]) return [];
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return items
    .filter((i) => i.key && i.key !== usual)
    .map((i) => ({ rule: 'inconsistent-naming' as const, severity: 'info' as const, target: i.target, message: describe(i.name, i.key!, usual, usualCount, total) }));
}

function namingFindings(s: SchemaInfo): LintFinding[] {
  const styleKey = (n: string): NamingStyle | null => {
    const st = namingStyle(n);
    return st === 'word' ? null : st;
  };
  const tables = s.tables.map((t) => ({ name: t.name, target: tableTarget(s.name, t.name), key: styleKey(t.name) }));
  const columns = s.tables.flatMap((t) => t.columns.map((c) => ({ name: `${t.name}.${c.name}`, target: columnTarget(s.name, t.name, c.name), key: styleKey(c.name) })));
  const numbers = s.tables
    .filter((t) => t.kind === 'table')
    .map((t) => {
      const n = grammaticalNumber(t.name);
      return { name: t.name, target: tableTarget(s.name, t.name), key: n === 'unknown' ? null : n };
    });
  return [
    ...minorityFindings(tables, (n, mine, usual, k, total) => `Table name ${n} is ${mine}; ${k} of ${total} table names in ${s.name} are ${usual}.`),
    ...minorityFindings(columns, (n, mine, usual, k, total) => `Column name ${n} is ${mine}; ${k} of ${total} column names in ${s.name} are ${usual}.`),
    ...minorityFindings(numbers, (n, mine, usual, k, total) => `Table name ${n} is ${mine}; ${k} of ${total} table names in ${s.name} are ${usual}.`),
  ];
}
