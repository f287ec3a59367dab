/**
 * EXPLAIN FORMAT=JSON on MySQL and MariaDB (different shapes, one normaliser) and the analyze
 * variants (MariaDB `ANALYZE FORMAT=JSON`, MySQL `EXPLAIN ANALYZE` tree text), run inside a
 * transaction that is rolled back.
 */
import type { ExplainResult, PlanNode } from '../../../shared/query';
import type { MysqlQuery } from './introspect';

type Json = Record<string, unknown>;

/** Options for one explain. */
export interface MysqlExplainOptions {
  analyze: boolean;
  mariadb: boolean;
  inTransaction: boolean;
}

/** Explains `sql`; with analyze the statement runs and is rolled back. */
export async function explainMysql(
  query: MysqlQuery,
  sql: string,
  o: MysqlExplainOptions,
): Promise<ExplainResult> {
  const body = sql.trim().replace(/;\s*$/, '');
  if (!o.analyze) return fromJsonRows(await query<Json>(`EXPLAIN FORMAT=JSON ${body}`));
  const [begin, rollback] = o.inTransaction
    ? ['SAVEPOINT qg_explain', 'ROLLBACK TO SAVEPOINT qg_explain']
    : ['START TRANSACTION', 'ROLLBACK'];
  await query(begin);
  try {
    if (o.mariadb) return fromJsonRows(await query<Json>(`ANALYZE FORMAT=JSON ${body}`));
    const rows = await query<Json>(`EXPLAIN ANALYZE ${body}`);
    const text = String(Object.values(rows[0] ?? {})[0] ?? '');
    return { raw: text, format: 'rows', plan: parseTree(text) };
  } finally {
    await query(rollback);
  }
}

function fromJsonRows(rows: Json[]): ExplainResult {
  const text = String(Object.values(rows[0] ?? {})[0] ?? '{}');
  const raw = JSON.parse(text) as Json;
  const block = (raw.query_block ?? raw) as Json;
  return { raw, format: 'json', plan: nodeFor('query_block', block) };
}

/** Keys whose objects describe the node itself, not a child operation. */
const NOT_CHILDREN = new Set([
  'cost_info',
  'r_loops',
  'r_total_time_ms',
  'r_buffer_size',
  'r_limit',
  'r_used_priority_queue',
  'r_output_rows',
  'r_sort_mode',
  'r_engine_stats',
  'message',
]);

const ACCESS: Record<string, string> = {
  ALL: 'Table Scan',
  index: 'Index Scan',
  range: 'Index Range Scan',
  ref: 'Index Lookup',
  eq_ref: 'Unique Index Lookup',
  ref_or_null: 'Index Lookup',
  const: 'Constant Lookup',
  system: 'Constant Lookup',
  fulltext: 'Fulltext Lookup',
  index_merge: 'Index Merge',
  hash_ALL: 'Hash Join Scan',
  hash_index: 'Hash Join Lookup',
};

function humanize(key: string): string {
  return key.replace(/[_-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}

function num(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** One JSON plan object → PlanNode; nested plan objects and arrays become children. */
export function nodeFor(key: string, v: Json): PlanNode {
  const children: PlanNode[] = [];
  const detail: Json = {};
  for (const [k, value] of Object.entries(v)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && !NOT_CHILDREN.has(k))
      children.push(nodeFor(k, value as Json));
    else if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((x) => x && typeof x === 'object')
    ) {
      const inner = value.flatMap((x) =>
        Object.entries(x as Json)
          .filter(([, y]) => y && typeof y === 'object' && !Array.isArray(y))
          .map(([ik, iv]) => nodeFor(ik, iv as Json)),
      );
      children.push(
        k === 'nested_loop'
          ? { op: 'Nested Loop', children: inner }
          : { op: humanize(k), children: inner },
      );
    } else detail[k] = value;
  }
  const op =
    key === 'table'
      ? (ACCESS[String(v.access_type)] ?? humanize(String(v.access_type ?? 'table')))
      : humanize(key);
  const node: PlanNode = { op, children };
  if (typeof v.table_name === 'string') node.relation = v.table_name;
  const est = num(v.rows) ?? num(v.rows_examined_per_scan);
  if (est !== undefined) node.estimatedRows = est;
  const actual = num(v.r_rows);
  if (actual !== undefined) node.actualRows = actual;
  const costInfo = v.cost_info as Json | undefined;
  const cost = num(costInfo?.query_cost) ?? num(costInfo?.prefix_cost) ?? num(v.cost);
  if (cost !== undefined) node.cost = cost;
  const time = num(v.r_total_time_ms);
  if (time !== undefined) node.timeMs = time;
  node.detail = detail;
  return node;
}

/** MySQL `EXPLAIN ANALYZE` tree text (`-> op  (cost=… rows=…) (actual time=a..b rows=… loops=…)`). */
export function parseTree(text: string): PlanNode {
  const root: PlanNode = { op: 'Query', children: [] };
  const stack: { depth: number; node: PlanNode }[] = [{ depth: -1, node: root }];
  for (const line of text.split('\n')) {
    const m = /^(\s*)-> (.*)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length;
    const body = m[2]!;
    const node: PlanNode = {
      op: body.replace(/\s+\((cost|actual)[^)]*\).*$/, '').trim(),
      children: [],
    };
    const est = /\(cost=([\d.e+]+)(?:\.\.[\d.e+]+)? rows=([\d.e+]+)\)/.exec(body);
    if (est) {
      node.cost = Number(est[1]);
      node.estimatedRows = Number(est[2]);
    }
    const act = /\(actual time=[\d.]+\.\.([\d.]+) rows=([\d.e+]+) loops=(\d+)\)/.exec(body);
    if (act) {
      node.timeMs = Number(act[1]);
      node.actualRows = Number(act[2]);
      // Rows and time are per loop: the advisor needs the loop count to get totals.
      node.detail = { loops: Number(act[3]) };
    }
    const rel = / on (\w+)/.exec(node.op);
    if (rel) node.relation = rel[1]!;
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    stack[stack.length - 1]!.node.children.push(node);
    stack.push({ depth, node });
  }
  return root.children.length === 1 ? root.children[0]! : root;
}
