/** Pure rules of what a run sends and where its error lands in the editor. */
import type { RunOutcome } from '../../../shared/contract';
import { offsetOf, statementAt, type CursorDialect } from '../../../shared/sqlCursor';

/** What a run sends: the SQL and the document range it came from. */
export interface RunTarget {
  sql: string;
  from: number;
  to: number;
}

/**
 * The SQL to run: the whole script, else the selection when there is one, else the statement at
 * the cursor. Null when there is nothing to run.
 */
export function runTarget(
  doc: string,
  selection: { from: number; to: number },
  mode: 'current' | 'script',
  dialect: CursorDialect,
): RunTarget | null {
  if (mode === 'script') {
    const lead = doc.length - doc.trimStart().length;
    const sql = doc.trim();
    return sql ? { sql, from: lead, to: lead + sql.length } : null;
  }
  if (selection.to > selection.from) {
    const text = doc.slice(selection.from, selection.to);
    const lead = text.length - text.trimStart().length;
    const sql = text.trim();
    return sql ? { sql, from: selection.from + lead, to: selection.from + lead + sql.length } : null;
  }
  const stmt = statementAt(doc, dialect, selection.from);
  return stmt ? { sql: stmt.sql, from: stmt.from, to: stmt.to } : null;
}

/**
 * Where the run's first error sits in the document (0-based offset) and its message: the
 * error's own position when the engine reports one, else the failing statement's start.
 * `exact` is false when parameters were substituted (offsets inside the statement moved), so
 * only the statement start can be trusted.
 */
export function errorMark(
  outcome: RunOutcome,
  target: RunTarget,
  sent: string,
  exact: boolean,
): { at: number; message: string; line: number; column: number } | null {
  const failed = outcome.statements.find((s) => s.error && s.error.code !== 'CONFIRMATION_REQUIRED');
  if (!failed?.error) return null;
  const pos = exact ? failed.error.detail?.position : undefined;
  let inSent: number;
  if (pos && typeof pos.offset === 'number') inSent = pos.offset;
  else if (pos) inSent = offsetOf(sent, pos.line, pos.column);
  else inSent = offsetOf(sent, failed.line, failed.column);
  const at = target.from + Math.min(inSent, target.to - target.from);
  return { at, message: failed.error.message, line: pos?.line ?? failed.line, column: pos?.column ?? failed.column };
}

/** A 1-based position in the sent SQL, moved into the document (the sent SQL starts at `start`). */
export function toDocumentPosition(
  start: { line: number; column: number },
  pos: { line: number; column: number },
): { line: number; column: number } {
  return { line: start.line + pos.line - 1, column: pos.line === 1 ? start.column + pos.column - 1 : pos.column };
}

/**
 * The outcome with statement and error positions in document coordinates, so "line 12" in the
 * results means line 12 of the editor even when only a statement or a selection ran.
 */
export function outcomeInDocument(outcome: RunOutcome, start: { line: number; column: number }, startOffset: number): RunOutcome {
  if (start.line === 1 && start.column === 1) return outcome;
  return {
    ...outcome,
    statements: outcome.statements.map((s) => {
      const at = toDocumentPosition(start, s);
      const pos = s.error?.detail?.position;
      const error = s.error && pos
        ? {
            ...s.error,
            detail: {
              ...s.error.detail,
              position: {
                ...toDocumentPosition(start, pos),
                ...(pos.offset !== undefined ? { offset: pos.offset + startOffset } : {}),
              },
            },
          }
        : s.error;
      return { ...s, line: at.line, column: at.column, ...(error ? { error } : {}) };
    }),
  };
}
