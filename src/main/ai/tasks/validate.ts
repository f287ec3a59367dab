/**
 * Validation of generated SQL before it is shown as runnable: one statement, parsed in the
 * dialect, every table and column checked against the snapshot, then EXPLAIN on the real
 * database WITHOUT executing it (plain EXPLAIN / EXPLAIN QUERY PLAN / SHOWPLAN never run the
 * statement, writes included). Also classifies it with the read-only guard, so a write on a
 * read-only connection is refused here, before anyone can click Run.
 */
import type { AiProblem } from '../../../shared/contracts/ai';
import { toAppError } from '../../../shared/errors';
import type { SchemaSnapshot } from '../../../shared/schema';
import { looksDestructive } from '../../query/classify';
import { classifyStatement } from '../../query/guard';
import { checkNames } from './names';
import { parseRefs } from './sqlRefs';
import type { TaskTarget } from './types';

/** What validation found. */
export interface Validation {
  /** No error-level problem (warnings allowed). */
  valid: boolean;
  problems: AiProblem[];
  tablesUsed: string[];
  /** The guard's kind: read, write, ddl, transaction, session, other. */
  kind: string;
  /** Not a pure read on a read-only connection. */
  refused: boolean;
  destructive: string | null;
}

/** Kinds worth an EXPLAIN ('other' is what the guard could not verify: the engine decides). DDL, transaction and session statements are not explained. */
const EXPLAINABLE = new Set(['read', 'write', 'other']);

/** Validates one generated statement against the target. */
export async function validateSql(sql: string, target: TaskTarget, snapshot: SchemaSnapshot): Promise<Validation> {
  const problems: AiProblem[] = [];
  let tablesUsed: string[] = [];
  const parsed = parseRefs(sql, target.engine);
  if (parsed.ok) {
    if (parsed.refs.statements !== 1) {
      problems.push({ kind: 'statement', severity: 'error', message: `Expected exactly one SQL statement, got ${parsed.refs.statements}.` });
    }
    const names = checkNames(parsed.refs, snapshot);
    problems.push(...names.problems);
    tablesUsed = names.tablesUsed;
  } else if (parsed.authoritative) {
    problems.push({ kind: 'parse', severity: 'error', message: `Syntax error: ${parsed.message}` });
  }

  const verdict = classifyStatement(sql, target.engine);
  const kind = verdict.kind;
  const refused = target.readOnly && !verdict.readOnlySafe;
  const destructive = looksDestructive(sql, target.engine === 'mssql' ? 'mssql' : target.engine === 'mysql' ? 'mysql' : target.engine === 'sqlite' ? 'sqlite' : 'postgres');

  // DDL names what it creates: "unknown" names there are expected, and EXPLAIN cannot check them.
  if (kind === 'ddl') for (const p of problems) if (p.kind === 'table' || p.kind === 'column') p.severity = 'warning';
  const syntaxFailed = problems.some((p) => p.kind === 'parse' || p.kind === 'statement');
  if (!syntaxFailed && EXPLAINABLE.has(kind)) {
    try {
      await target.explain(sql);
      // The engine accepted every name: either the snapshot is stale or our flat scoping misread
      // the statement. Re-check against a fresh snapshot; what still differs is only a warning.
      if (problems.some((p) => p.kind === 'table' || p.kind === 'column') && parsed.ok) {
        const fresh = checkNames(parsed.refs, await target.snapshot(true));
        tablesUsed = fresh.tablesUsed;
        const others = problems.filter((p) => p.kind !== 'table' && p.kind !== 'column');
        problems.length = 0;
        problems.push(...others, ...fresh.problems.map((p) => ({ ...p, severity: 'warning' as const })));
      }
      // A node-sql-parser gap is only worth a note.
      if (!parsed.ok) problems.push({ kind: 'parse', severity: 'warning', message: `Names were not checked (the ${target.engine} parser could not read this statement; the database accepted it).` });
    } catch (err) {
      const e = toAppError(err);
      if (e.code === 'CONNECTION_REFUSED' || e.code === 'CONNECTION_LOST' || e.code === 'AUTH_FAILED' || e.code === 'HOST_NOT_FOUND') throw e;
      problems.push({ kind: 'explain', severity: 'error', message: `The database rejected it: ${e.message}` });
      if (!parsed.ok) problems.push({ kind: 'parse', severity: 'error', message: `Syntax: ${parsed.message}` });
    }
  } else if (!syntaxFailed) {
    problems.push({ kind: 'write', severity: 'warning', message: `Not checked with EXPLAIN (${verdict.reason}).` });
  }

  if (kind !== 'read') {
    problems.push(
      refused
        ? { kind: 'refused', severity: 'warning', message: `This connection is read-only and this statement is not a pure read (${verdict.reason}); it will not run.` }
        : { kind: 'write', severity: 'warning', message: `This statement changes the database (${verdict.reason}); running it asks for confirmation.` },
    );
  }
  return { valid: !problems.some((p) => p.severity === 'error'), problems, tablesUsed, kind, refused, destructive };
}

/** The error lines a repair round sends back (the real messages, with the nearest names). */
export function repairErrors(problems: AiProblem[]): string[] {
  return problems.filter((p) => p.severity === 'error').map((p) => p.message);
}
