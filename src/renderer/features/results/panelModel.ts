/** Pure model of the results panel: its sub-tabs, the run's state line, and the messages list. */
import type { ResultSetStarted, RunOutcome } from '../../../shared/contract';
import type { ErrorData } from '../../../shared/errors';
import type { ColumnMeta, ServerMessage, StatementOutcome } from '../../../shared/query';
import type { RunningRun } from './types';

/** One result-set sub-tab. */
export interface ResultTab {
  resultId: string;
  label: string;
  columns: ColumnMeta[];
  rowCount: number;
  complete: boolean;
  /** The statement that produced it (once the run ended). */
  statement?: StatementOutcome;
}

/** The result-set tabs: live ones while running, the outcome's once it ended. */
export function resultTabs(outcome: RunOutcome | null, live: ResultSetStarted[]): ResultTab[] {
  if (outcome) {
    const tabs: ResultTab[] = [];
    const multi = outcome.statements.filter((s) => s.resultSets.length > 0).length > 1;
    for (const statement of outcome.statements)
      statement.resultSets.forEach((rs, i) =>
        tabs.push({
          ...rs,
          statement,
          label: tabLabel(tabs.length, statement.index, i, multi || statement.resultSets.length > 1),
        }),
      );
    return tabs;
  }
  return live.map((rs, n) => ({
    resultId: rs.resultId,
    columns: rs.columns,
    rowCount: 0,
    complete: false,
    label: tabLabel(n, rs.statementIndex, 0, live.length > 1),
  }));
}

function tabLabel(n: number, statementIndex: number, setIndex: number, detailed: boolean): string {
  if (!detailed) return 'Result';
  return setIndex > 0 ? `Result ${n + 1} (stmt ${statementIndex + 1}.${setIndex + 1})` : `Result ${n + 1}`;
}

/** State of the latest run. */
export type RunState = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** Derives the run state. */
export function runState(outcome: RunOutcome | null, running: RunningRun | null, error?: ErrorData | null): RunState {
  if (running) return 'running';
  if (error) return 'error';
  if (!outcome) return 'idle';
  if (outcome.cancelled) return 'cancelled';
  return outcome.statements.some((s) => s.error) ? 'error' : 'done';
}

/** One entry of the messages tab. */
export interface MessageEntry {
  key: string;
  severity: 'ok' | 'notice' | 'warning' | 'info' | 'error';
  text: string;
  /** "statement 2 · line 4" */
  where: string;
  position?: { line: number; column: number };
  durationMs?: number;
}

/** The messages tab: per statement its outcome, then the server's notices; errors with position. */
export function messageEntries(outcome: RunOutcome | null, error?: ErrorData | null): MessageEntry[] {
  const out: MessageEntry[] = [];
  if (error) out.push({ key: 'run', severity: 'error', text: error.message, where: error.code });
  if (!outcome) return out;
  for (const s of outcome.statements) {
    const where = `statement ${s.index + 1} · line ${s.line}`;
    if (s.error?.code === 'QUERY_CANCELLED') {
      // A cancel is the user's own action, not a failure: the rows received so far stay browsable.
      const rows = s.resultSets.reduce((n, r) => n + r.rowCount, 0);
      const kept = s.resultSets.length ? ` after ${plural(rows, 'row')}` : '';
      out.push({ key: `${s.index}-cancel`, severity: 'warning', text: `Cancelled${kept}.`, where, durationMs: s.durationMs });
    } else if (s.error) {
      const pos = s.error.detail?.position;
      out.push({
        key: `${s.index}-error`,
        severity: 'error',
        text: s.error.message,
        where: pos ? `${where} · error at line ${pos.line}, column ${pos.column}` : where,
        position: pos ? { line: pos.line, column: pos.column } : { line: s.line, column: s.column },
        durationMs: s.durationMs,
      });
    } else {
      out.push({ key: `${s.index}-ok`, severity: 'ok', text: statementSummary(s), where, durationMs: s.durationMs });
    }
    s.messages.forEach((m: ServerMessage, i) =>
      out.push({ key: `${s.index}-m${i}`, severity: m.severity, text: m.code ? `${m.message} (${m.code})` : m.message, where }),
    );
  }
  if (outcome.cancelled && !out.some((e) => e.key.endsWith('-cancel')))
    out.push({ key: 'cancelled', severity: 'warning', text: 'The run was cancelled.', where: '' });
  return out;
}

/** "3 rows affected", "1,000 rows returned", or "OK". */
export function statementSummary(s: StatementOutcome): string {
  const rows = s.resultSets.reduce((n, r) => n + r.rowCount, 0);
  const parts: string[] = [];
  if (s.resultSets.length) parts.push(`${plural(rows, 'row')} returned`);
  if (s.rowsAffected !== null) parts.push(`${plural(s.rowsAffected, 'row')} affected`);
  return parts.length ? parts.join(', ') : 'OK';
}

/** "1 row", "2 rows", with thousands separators. */
export function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** A duration as a person reads it: 12 ms, 1.40 s, 2 min 5 s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Counts of notices/warnings/errors shown on the Messages tab label. */
export function messageBadge(entries: MessageEntry[]): { errors: number; warnings: number } {
  return {
    errors: entries.filter((e) => e.severity === 'error').length,
    warnings: entries.filter((e) => e.severity === 'warning').length,
  };
}
