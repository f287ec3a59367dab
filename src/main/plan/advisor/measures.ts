/** Row counts of a node in one vocabulary: rows produced (estimated / actual) and rows read by a scan. */
import type { PlanNode } from '../../../shared/query';
import type { PlanFacts } from '../../../shared/plan/facts';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

/**
 * Rows the node produces per loop. MySQL/MariaDB count rows *examined* in `rows`/`r_rows` and
 * give the filter's share apart (`filtered`/`r_filtered` in %), so the output is their product.
 */
export function producedRows(node: PlanNode): { estimated?: number; actual?: number } {
  const d = node.detail ?? {};
  const out: { estimated?: number; actual?: number } = {};
  const filtered = num(d.filtered);
  const rFiltered = num(d.r_filtered);
  if (node.estimatedRows !== undefined) out.estimated = filtered !== undefined ? (node.estimatedRows * filtered) / 100 : node.estimatedRows;
  // SQL Server estimates rows per execution but counts actual rows over all executions.
  const executions = num(d.estimatedExecutions);
  if (out.estimated !== undefined && executions !== undefined && num(d.executions) !== undefined) out.estimated *= executions;
  if (node.actualRows !== undefined) out.actual = rFiltered !== undefined ? (node.actualRows * rFiltered) / 100 : node.actualRows;
  return out;
}

/** Rows a full scan reads: measured when the plan says so, else the examined estimate, else undefined. */
export function scannedRows(node: PlanNode, facts: PlanFacts): number | undefined {
  const d = node.detail ?? {};
  if (facts.rowsRemovedByFilter !== undefined && node.actualRows !== undefined) return node.actualRows + facts.rowsRemovedByFilter;
  const card = num(d.tableCardinality) ?? num(d.estimatedRowsRead);
  if (card !== undefined) return card;
  // MySQL: `rows` of an ALL access is the table's row estimate.
  if (d.access_type === 'ALL' && node.estimatedRows !== undefined) return node.actualRows ?? node.estimatedRows;
  return undefined;
}
