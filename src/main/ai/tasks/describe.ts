/** Reading description drafts from a model reply: JSON in any of the shapes models produce, kept only for real targets. */
import type { DescribeEntry } from '../../../shared/contracts/ai';
import type { TableInfo } from '../../../shared/schema';
import { parseJsonLoose } from './extract';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (isObj(v)) for (const k of ['description', 'text', 'summary']) if (typeof v[k] === 'string' && (v[k] as string).trim()) return (v[k] as string).trim();
  return null;
};

/**
 * Drafts for `schema.table` and its columns from a reply. Accepts `{"table": "…", "columns": {"c": "…"}}`,
 * `{"description": "…", "columns": [{"name": "c", "description": "…"}]}` and similar; names that
 * are not columns of the table are returned in `dropped`.
 */
export function describeEntries(reply: string, schema: string, table: TableInfo, existing: Map<string, string>): { entries: DescribeEntry[]; dropped: string[] } {
  const json = parseJsonLoose(reply);
  const ref = `${schema}.${table.name}`;
  const entries: DescribeEntry[] = [];
  const dropped: string[] = [];
  if (!isObj(json)) return { entries, dropped };
  const tableText = text(json.table) ?? text(json.tableDescription) ?? text(json.table_description) ?? text(json.description) ?? text(json.summary);
  if (tableText) entries.push({ target: ref, text: tableText, existing: existing.get(ref) ?? null });
  const byLower = new Map(table.columns.map((c) => [c.name.toLowerCase(), c.name]));
  const pairs: [string, unknown][] = [];
  const cols = json.columns ?? json.column_descriptions ?? json.columnDescriptions;
  if (Array.isArray(cols)) for (const c of cols) if (isObj(c)) pairs.push([String(c.name ?? c.column ?? ''), c]);
  if (isObj(cols)) pairs.push(...Object.entries(cols));
  const seen = new Set<string>();
  for (const [rawName, value] of pairs) {
    const name = byLower.get(rawName.replace(/^.*\./, '').toLowerCase());
    const t = text(value);
    if (!name) {
      if (rawName) dropped.push(rawName);
      continue;
    }
    if (!t || seen.has(name)) continue;
    seen.add(name);
    entries.push({ target: `${ref}.${name}`, text: t, existing: existing.get(`${ref}.${name}`) ?? null });
  }
  return { entries, dropped };
}
