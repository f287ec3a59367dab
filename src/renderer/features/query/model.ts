/**
 * Pure logic of the minimal query tab: what to show after a run and how cells read. The full
 * editor and grid (issue 5) replace the components; these rules carry over.
 */
import type { ConnectionSummary, RunOutcome } from '../../../shared/contract';
import type { ErrorData } from '../../../shared/errors';
import type { ResultSetInfo, StatementOutcome } from '../../../shared/query';
import { binaryPreview, Decimal, type CellValue } from '../../../shared/values';

/** Rows fetched for the first page of a result. */
export const FIRST_PAGE_SIZE = 200;

/** The SQL a new tab starts with. */
export function initialSql(
  connection: Pick<ConnectionSummary, 'isDemo' | 'engine'> | undefined,
): string {
  if (connection?.isDemo) return 'SELECT * FROM customers LIMIT 100;';
  return connection?.engine === 'mssql' ? 'SELECT TOP 100 * FROM sys.tables;' : 'SELECT 1;';
}

/** How a cell is styled in the table. */
export type CellKind = 'null' | 'number' | 'boolean' | 'binary' | 'text';

/** A cell's display text (one line, bounded) and kind. */
export function formatCell(value: CellValue): { text: string; kind: CellKind } {
  if (value === null) return { text: 'NULL', kind: 'null' };
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof Decimal)
    return { text: String(value), kind: 'number' };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', kind: 'boolean' };
  if (value instanceof Uint8Array) return { text: binaryPreview(value), kind: 'binary' };
  if (value instanceof Date) return { text: value.toISOString(), kind: 'text' };
  const oneLine = value.length > 500 ? `${value.slice(0, 500)}…` : value;
  return { text: oneLine.replace(/\r?\n/g, ' ⏎ '), kind: 'text' };
}

/** What the result area shows after a run. */
export type RunView =
  | { kind: 'result'; statement: StatementOutcome; result: ResultSetInfo }
  | { kind: 'error'; statement: StatementOutcome; error: ErrorData }
  | { kind: 'done'; message: string }
  | { kind: 'cancelled' };

/** Chooses the view: the first failing statement wins, else the first result set, else a summary. */
export function viewOfRun(outcome: RunOutcome): RunView {
  const failed = outcome.statements.find((s) => s.error);
  if (failed?.error) return { kind: 'error', statement: failed, error: failed.error };
  if (outcome.cancelled) return { kind: 'cancelled' };
  for (const statement of outcome.statements) {
    const result = statement.resultSets[0];
    if (result) return { kind: 'result', statement, result };
  }
  const n = outcome.statements.length;
  const affected = outcome.statements.reduce((sum, s) => sum + (s.rowsAffected ?? 0), 0);
  const what = n === 1 ? '1 statement' : `${n} statements`;
  const rows = outcome.statements.some((s) => s.rowsAffected !== null)
    ? `, ${plural(affected, 'row')} affected`
    : '';
  return { kind: 'done', message: `Ran ${what}${rows} in ${formatDuration(outcome.durationMs)}.` };
}

/** "1 row", "2 rows", with thousands separators. */
export function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** A duration as a person reads it: 12 ms, 1.4 s, 2 min 5 s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const min = Math.floor(ms / 60_000);
  return `${min} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The caption above a result table. */
export function resultCaption(
  shown: number,
  total: number,
  complete: boolean,
  durationMs: number,
): string {
  const of =
    shown < total
      ? `first ${plural(shown, 'row')} of ${total.toLocaleString('en-US')}${complete ? '' : '+'}`
      : plural(total, 'row');
  return `${of} · ${formatDuration(durationMs)}`;
}

/** Where an error happened, as "line 3, column 7", when known. */
export function errorLocation(error: ErrorData): string | null {
  const p = error.detail?.position;
  return p ? `line ${p.line}, column ${p.column}` : null;
}

/** A run id unique enough for one app session. */
export function newRunId(random: () => number = Math.random): string {
  return `run-${Date.now().toString(36)}-${Math.floor(random() * 1e9).toString(36)}`;
}
