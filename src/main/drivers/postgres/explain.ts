/** EXPLAIN (FORMAT JSON) and its normalisation into PlanNode. */
import type { ExplainResult, PlanNode } from '../../../shared/query';
import type { CatalogQuery } from './introspect';

interface PgPlan {
  'Node Type'?: string;
  'Relation Name'?: string;
  Schema?: string;
  Alias?: string;
  'Plan Rows'?: number;
  'Actual Rows'?: number;
  'Total Cost'?: number;
  'Actual Total Time'?: number;
  Plans?: PgPlan[];
  [key: string]: unknown;
}

/** True when the SQL has `$1`-style parameters outside string literals and quoted names. */
export function hasParameters(sql: string): boolean {
  return /\$\d+/.test(sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, ''));
}

/**
 * Explains `sql`. With `analyze` the statement really runs, so it runs inside a transaction (or
 * a savepoint when one is open) that is rolled back: explained DML changes nothing.
 */
export async function explainPostgres(
  query: CatalogQuery,
  sql: string,
  analyze: boolean,
  inTransaction: boolean,
): Promise<ExplainResult> {
  const body = sql.trim().replace(/;\s*$/, '');
  // A statement with $1-style parameters (from pg_stat_statements, or prepared in code) cannot be
  // planned for values it does not have; PostgreSQL 16+ plans it generically instead.
  const generic = !analyze && hasParameters(body) ? 'GENERIC_PLAN, ' : '';
  const text = `EXPLAIN (${analyze ? 'ANALYZE, BUFFERS, ' : generic}FORMAT JSON) ${body}`;
  let rows: { 'QUERY PLAN': unknown }[];
  if (!analyze) rows = await query(text);
  else {
    const [begin, rollback] = inTransaction
      ? ['SAVEPOINT qg_explain', 'ROLLBACK TO SAVEPOINT qg_explain; RELEASE SAVEPOINT qg_explain']
      : ['BEGIN', 'ROLLBACK'];
    await query(begin);
    try {
      rows = await query(text);
    } finally {
      await query(rollback);
    }
  }
  const value = rows[0]?.['QUERY PLAN'];
  const raw: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  const top = (Array.isArray(raw) ? raw[0] : raw) as { Plan?: PgPlan } | undefined;
  return { raw, format: 'json', plan: normalise(top?.Plan ?? {}) };
}

/** One PostgreSQL plan node → PlanNode (children recursively). */
export function normalise(p: PgPlan): PlanNode {
  const node: PlanNode = {
    op: p['Node Type'] ?? 'Unknown',
    children: (p.Plans ?? []).map(normalise),
  };
  if (p['Relation Name'])
    node.relation = p.Schema ? `${p.Schema}.${p['Relation Name']}` : p['Relation Name'];
  if (typeof p['Plan Rows'] === 'number') node.estimatedRows = p['Plan Rows'];
  if (typeof p['Actual Rows'] === 'number') node.actualRows = p['Actual Rows'];
  if (typeof p['Total Cost'] === 'number') node.cost = p['Total Cost'];
  if (typeof p['Actual Total Time'] === 'number') node.timeMs = p['Actual Total Time'];
  const detail: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    if (
      k !== 'Plans' &&
      k !== 'Node Type' &&
      k !== 'Plan Rows' &&
      k !== 'Actual Rows' &&
      k !== 'Total Cost' &&
      k !== 'Actual Total Time'
    )
      detail[k] = v;
  }
  node.detail = detail;
  return node;
}
