/**
 * What the AI panel shows, independent of the wire: `backend.ts` maps the contract's results
 * into these, so a contract change touches one adapter and not every component.
 */

/** Usage and provenance shown under every answer. */
export interface AnswerMeta {
  /** Id for thumbs up/down (absent: feedback is not offered). */
  answerId?: string | undefined;
  /** The thread the answer belongs to (follow-ups continue it). */
  threadId?: string | undefined;
  provider: string;
  model: string;
  tokens: { input: number; output: number };
  costUsd: number;
  cached?: boolean | undefined;
}

/** A problem the validation found, with the nearest real names when a name was unknown. */
export interface AnswerProblem {
  message: string;
  suggestions: string[];
}

/** The answer to a question: validated SQL plus the context it was grounded on. */
export interface AskAnswer extends AnswerMeta {
  kind: 'ask';
  sql: string;
  /** Parsed, names checked and EXPLAINed without executing. */
  valid: boolean;
  problems: AnswerProblem[];
  repairs: number;
  /** The statement writes: running it asks for confirmation. */
  write: boolean;
  /** A read-only connection refuses this statement. */
  refused: boolean;
  /** Why a run would ask first (DELETE without WHERE, DROP …), or null. */
  destructive: string | null;
  /** Tables the context used. */
  tables: string[];
  /** Tables the SQL itself reads or writes. */
  sqlTables: string[];
  /** Example question/SQL pairs the context used. */
  examples: number;
  /** Tokens of the context part of the prompt. */
  contextTokens: number;
  /** Prose that came with the SQL. */
  note?: string | undefined;
}

/** An explanation in three layers. */
export interface ExplainAnswer extends AnswerMeta {
  kind: 'explain';
  tldr: string;
  explanation: string;
  detail: { joins: string; filters: string; performance: string };
}

/** A corrected query and what changed (validated like an ask). */
export interface FixAnswer extends Omit<AskAnswer, 'kind'> {
  kind: 'fix';
  changes: string;
}

/** Findings on a query's plan, with a rewrite and/or index suggestions. */
export interface OptimiseAnswer extends AnswerMeta {
  kind: 'optimise';
  findings: string[];
  /** A validated rewrite, when the model proposed one. */
  rewrite: Omit<AskAnswer, 'kind'> | null;
  indexes: string[];
}

/** Any answer. */
export type AiAnswer = AskAnswer | ExplainAnswer | FixAnswer | OptimiseAnswer;

/** One message of the exact prompt (preview). */
export interface PromptMessage {
  role: string;
  content: string;
}

/** The per-connection privacy switches. */
export interface PrivacySettings {
  sampleValues: boolean;
  resultRows: boolean;
  /** Per-column overrides, kept as they are when the switches change. */
  columns?: Record<string, 'allow' | 'deny'> | undefined;
  /** Columns that look personal (`schema.table.column`) and why. */
  personal?: { column: string; reason: string }[] | undefined;
}

/** A past thread in the dropdown. */
export interface ThreadSummary {
  id: string;
  title: string;
  updatedAt?: number | undefined;
}

/** Whether AI can be used at all, and the "preview before every send" setting. */
export interface AiReadiness {
  configured: boolean;
  previewBeforeSend: boolean;
  /** Provider ids → the names the user gave them (answers carry ids). */
  providerNames: Record<string, string>;
}
