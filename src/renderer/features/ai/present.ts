/** Pure presentation rules of answers: the validation line, token and cost figures. */
import type { AskAnswer } from './types';

/** The validation line of a SQL answer. */
export interface ValidationLine {
  tone: 'ok' | 'warn' | 'error';
  label: string;
}

/** The connection facts that decide what a run of generated SQL does. */
export interface RunRules {
  readOnly: boolean;
  /** Prod: every write asks for confirmation (elsewhere only destructive statements do). */
  prod: boolean;
}

/** What the user must know before running generated SQL, most important first. */
export function validationOf(a: Pick<AskAnswer, 'valid' | 'refused' | 'write' | 'destructive' | 'problems' | 'sql'>, rules: RunRules): ValidationLine {
  if (a.refused || (rules.readOnly && a.write)) return { tone: 'error', label: 'Refused: read-only connection' };
  if (!a.sql) return { tone: 'error', label: 'No SQL in the answer' };
  if (!a.valid) return { tone: 'error', label: `Not validated: ${a.problems.length || 'a'} problem${a.problems.length === 1 ? '' : 's'}` };
  if (a.destructive) return { tone: 'warn', label: `Validated · ${a.destructive.replace(/-/g, ' ')} — needs confirmation` };
  if (a.write && rules.prod) return { tone: 'warn', label: 'Validated · write statement — needs confirmation' };
  if (a.write) return { tone: 'warn', label: 'Validated · write statement — changes data when run' };
  return { tone: 'ok', label: 'Validated with EXPLAIN' };
}

/** "1.2k" style token counts. */
export function formatTokens(n: number): string {
  if (n < 1000) return String(n);
  return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
}

/** Cost in dollars: "$0" for free (local) models, cents with enough digits to be non-zero. */
export function formatCost(usd: number): string {
  if (!usd) return '$0';
  if (usd < 0.0001) return '<$0.0001';
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(usd < 1 ? 3 : 2)}`;
}
