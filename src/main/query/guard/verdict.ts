/**
 * The guard's verdict type and the small helpers every engine's classifier builds it with.
 */
import type { StatementKind } from '../../../shared/query';

/** What the guard concluded about one statement. */
export interface StatementClassification {
  kind: StatementKind;
  /** Why, in words a user understands ("UPDATE changes rows"). */
  reason: string;
  /** True when the statement may run on a read-only connection. */
  readOnlySafe: boolean;
}

/** A pure read. */
export function readVerdict(reason: string): StatementClassification {
  return { kind: 'read', reason, readOnlySafe: true };
}

/** Changes data (or may: CALL, volatile functions). */
export function writeVerdict(reason: string): StatementClassification {
  return { kind: 'write', reason, readOnlySafe: false };
}

/** Changes the schema, privileges or server configuration. */
export function ddlVerdict(reason: string): StatementClassification {
  return { kind: 'ddl', reason, readOnlySafe: false };
}

/** Transaction control; safe unless it opens a read-write transaction. */
export function transactionVerdict(reason: string, readOnlySafe = true): StatementClassification {
  return { kind: 'transaction', reason, readOnlySafe };
}

/** A session setting; safe unless it leaves read-only mode or changes identity. */
export function sessionVerdict(reason: string, readOnlySafe: boolean): StatementClassification {
  return { kind: 'session', reason, readOnlySafe };
}

/** Anything else; refused on a read-only connection unless said otherwise. */
export function otherVerdict(reason: string, readOnlySafe = false): StatementClassification {
  return { kind: 'other', reason, readOnlySafe };
}

/** The verdict for text the parser rejected: fail closed. */
export function unverifiedVerdict(parserMessage: string): StatementClassification {
  const message = parserMessage.split('\n')[0].slice(0, 300);
  return otherVerdict(`could not be verified as read-only: ${message}`);
}

/**
 * One verdict for several statements (a batch, or a caller passing more than one): the first
 * refused statement wins; otherwise a read if there is one, so `SET NOCOUNT ON; SELECT …` is a
 * read.
 */
export function combineVerdicts(verdicts: StatementClassification[]): StatementClassification {
  if (verdicts.length === 0) return otherVerdict('empty statement (only comments or blanks)', true);
  return (
    verdicts.find((v) => !v.readOnlySafe) ?? verdicts.find((v) => v.kind === 'read') ?? verdicts[0]
  );
}

/** Truth of a setting value as the engines read booleans; null when it is not a boolean. */
export function settingTruth(value: string | number | boolean | null | undefined): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (value === null || value === undefined) return null;
  const v = value.trim().toLowerCase();
  if (['on', 'true', 'yes', '1', 't', 'y', 'tr', 'tru', 'ye'].includes(v)) return true;
  if (['off', 'false', '0', 'no', 'f', 'n', 'of', 'fa', 'fal', 'fals'].includes(v)) return false;
  return null;
}
