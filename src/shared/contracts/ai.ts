/** Contract part — AI tasks: ask, explain, fix, optimise, describe; threads, feedback, privacy per connection. */
import { z } from 'zod';
import { event, id, request } from './define';

const question = z.string().trim().min(1).max(4000);
const sqlText = z.string().trim().min(1).max(200_000);
const tableRefs = z.array(z.string().min(1).max(600)).max(500).optional();
const providerId = z.string().min(1).max(200).optional();
const modelId = z.string().min(1).max(200).optional();
const cellValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
/** Result rows offered to "explain" (sent only when the connection allows result rows). */
const resultRows = z
  .strictObject({ columns: z.array(z.string().max(600)).max(500), rows: z.array(z.array(cellValue).max(500)).max(50) })
  .optional();
const common = { requestId: id, provider: providerId, model: modelId, bypassCache: z.boolean().optional() };

/** Requests of this feature (method names must also be listed in contractNames.ts). */
export const aiRequests = {
  /** Question → validated SQL (streamed as `ai.token`, phases as `ai.status`); nothing runs. */
  'ai.ask': request<AskResult>()(
    z.strictObject({ connectionId: id, question, threadId: id.optional(), include: tableRefs, exclude: tableRefs, ...common }),
  ),
  /** Explains a query in three layers (TL;DR, plain words, detail). */
  'ai.explain': request<ExplainAnswer>()(z.strictObject({ connectionId: id, sql: sqlText, rows: resultRows, threadId: id.optional(), ...common })),
  /** A failed query and its real error → corrected (validated) SQL and what changed. */
  'ai.fix': request<FixAnswer>()(
    z.strictObject({ connectionId: id, sql: sqlText, error: z.string().min(1).max(20_000), threadId: id.optional(), ...common }),
  ),
  /** A query and its plan (EXPLAIN, never run) → findings, rewritten SQL or index suggestions. */
  'ai.optimise': request<OptimiseAnswer>()(z.strictObject({ connectionId: id, sql: sqlText, threadId: id.optional(), ...common })),
  /** Draft descriptions of a table and its columns, for review; nothing is saved. */
  'ai.describe': request<DescribeDraft>()(z.strictObject({ connectionId: id, table: z.string().min(1).max(600), ...common })),
  /** Saves the drafts the user accepted (edited or not) as documentation. */
  'ai.describe.accept': request<{ saved: number }>()(
    z.strictObject({
      connectionId: id,
      entries: z.array(z.strictObject({ target: z.string().min(1).max(1000), text: z.string().max(100_000) })).min(1).max(5000),
    }),
  ),
  /** Cancels a running AI request (its provider call is aborted). */
  'ai.cancel': request<{ cancelled: boolean }>()(z.strictObject({ requestId: id })),
  /** The exact messages a task WOULD send (built by the same code), without sending anything. */
  'ai.preview': request<PromptPreview>()(
    z.strictObject({
      connectionId: id,
      task: z.enum(['ask', 'explain', 'fix', 'optimise', 'describe']),
      question: question.optional(),
      sql: sqlText.optional(),
      error: z.string().max(20_000).optional(),
      table: z.string().max(600).optional(),
      threadId: id.optional(),
      include: tableRefs,
      exclude: tableRefs,
      rows: resultRows,
    }),
  ),
  /** The context chips a question would get (tables, examples, tokens, why). */
  'ai.context': request<AiContextInfo>()(z.strictObject({ connectionId: id, question, include: tableRefs, exclude: tableRefs })),
  /** Threads of a connection, newest first. */
  'ai.threads.list': request<AiThreadSummary[]>()(z.strictObject({ connectionId: id })),
  /** One thread with its answers, oldest first. */
  'ai.threads.get': request<AiThread>()(z.strictObject({ threadId: id })),
  /** Deletes a thread and its answers. */
  'ai.threads.delete': request<{ deleted: boolean }>()(z.strictObject({ threadId: id })),
  /** Thumbs up (1) / down (-1) / cleared (0) on an answer; thumbs up on valid SQL adds a retrieval example. */
  'ai.feedback': request<{ vote: -1 | 0 | 1; exampleAdded: boolean }>()(
    z.strictObject({ answerId: id, vote: z.union([z.literal(-1), z.literal(0), z.literal(1)]) }),
  ),
  /** Privacy settings of a connection, with the columns that look personal. */
  'ai.privacy.get': request<AiPrivacyInfo>()(z.strictObject({ connectionId: id, detectColumns: z.boolean().optional() })),
  /** Saves privacy settings of a connection. */
  'ai.privacy.save': request<AiPrivacySettings>()(
    z.strictObject({
      connectionId: id,
      allowSampleValues: z.boolean(),
      allowResultRows: z.boolean(),
      columns: z.record(z.string().min(1).max(1000), z.enum(['allow', 'deny'])).refine((r) => Object.keys(r).length <= 10_000),
    }),
  ),
} as const;

/** Events of this feature (names must also be listed in contractNames.ts). */
export const aiEvents = {
  /** Streamed answer text of a request, in order. */
  'ai.token': event<AiTokenEvent>(),
  /** The phase a request is in. */
  'ai.status': event<AiStatusEvent>(),
} as const;

/** A streamed piece of answer text. `round` 0 is the first answer, 1–2 the repair rounds. */
export interface AiTokenEvent {
  requestId: string;
  delta: string;
  round: number;
}

/** Phases of an AI request. */
export type AiPhase = 'context' | 'generating' | 'validating' | 'repairing' | 'done';

/** Where a request is. */
export interface AiStatusEvent {
  requestId: string;
  phase: AiPhase;
  detail: string;
}

/** Something wrong (or worth knowing) about generated SQL. */
export interface AiProblem {
  kind: 'extract' | 'statement' | 'parse' | 'table' | 'column' | 'explain' | 'refused' | 'write';
  severity: 'error' | 'warning';
  message: string;
  /** The name that was not found, for `table`/`column`. */
  name?: string;
  /** The nearest real names, best first. */
  suggestions?: string[];
}

/** Tokens of a task (all rounds together). */
export interface AiTokens {
  input: number;
  output: number;
  cached: number;
}

/** The context the answer was grounded in. */
export interface AiContextInfo {
  tables: string[];
  examples: { text: string; sql: string }[];
  tokens: number;
  reasons: string[];
}

/** Who answered and what it cost. */
export interface AiUsage {
  tokens: AiTokens;
  costUsd: number;
  provider: string;
  model: string;
  /** Every round was answered from the local response cache. */
  cached: boolean;
}

/** A validated SQL answer (ask, fix). */
export interface SqlAnswer extends AiUsage {
  answerId: string;
  threadId: string;
  sql: string;
  explanation: string;
  /** Parsed, names checked and EXPLAINed without errors. */
  valid: boolean;
  /** Valid and allowed on this connection (the run still goes through query.run). */
  runnable: boolean;
  /** read / write / ddl / … as the read-only guard classifies it. */
  kind: string;
  /** The connection is read-only and this is not a pure read. */
  refused: boolean;
  /** DELETE/UPDATE without WHERE, DROP, TRUNCATE: the UI asks before running. */
  destructive: string | null;
  problems: AiProblem[];
  repairs: number;
  /** Tables the SQL uses (`schema.table`). */
  tablesUsed: string[];
  context: AiContextInfo;
}

/** The answer of `ai.ask`. */
export type AskResult = SqlAnswer;

/** The answer of `ai.fix`. */
export interface FixAnswer extends SqlAnswer {
  /** What changed, in words. */
  changes: string;
}

/** The three layers of an explanation. */
export interface ExplainAnswer extends AiUsage {
  answerId: string;
  threadId: string;
  tldr: string;
  plain: string;
  detail: { joins: string; filters: string; performance: string };
  /** The reply as received (when the sections could not be read, everything is in `plain`). */
  raw: string;
}

/** Findings of `ai.optimise`. */
export interface OptimiseAnswer extends AiUsage {
  answerId: string;
  threadId: string;
  findings: string[];
  /** Rewritten SQL (validated), when the model proposes one. */
  rewrite: SqlAnswer | null;
  indexSuggestions: string[];
  raw: string;
}

/** One drafted description. */
export interface DescribeEntry {
  /** `schema.table` or `schema.table.column`. */
  target: string;
  text: string;
  /** A description exists already (the draft would replace it). */
  existing: string | null;
}

/** Drafts of `ai.describe`, for review. */
export interface DescribeDraft extends AiUsage {
  table: string;
  entries: DescribeEntry[];
  /** Targets the model named that do not exist (dropped). */
  dropped: string[];
}

/** The messages a task would send. */
export interface PromptPreview {
  messages: { role: 'system' | 'user' | 'assistant'; content: string; cacheable?: boolean }[];
  context: AiContextInfo;
  /** Rough token count of all messages. */
  tokens: number;
}

/** One answer in a thread. */
export interface AiThreadMessage {
  answerId: string;
  task: string;
  question: string;
  sql: string | null;
  explanation: string;
  valid: boolean;
  contextTables: string[];
  tokens: AiTokens;
  costUsd: number;
  provider: string;
  model: string;
  vote: -1 | 0 | 1;
  createdAt: string;
}

/** A thread in the list. */
export interface AiThreadSummary {
  threadId: string;
  connectionId: string;
  title: string;
  answers: number;
  updatedAt: string;
}

/** A thread with its answers. */
export interface AiThread extends AiThreadSummary {
  messages: AiThreadMessage[];
}

/** What a connection allows to leave the machine beyond names, types, keys, comments and descriptions. */
export interface AiPrivacySettings {
  connectionId: string;
  allowSampleValues: boolean;
  allowResultRows: boolean;
  /** Per column (`schema.table.column`): `allow` sends values even if it looks personal; `deny` never. */
  columns: Record<string, 'allow' | 'deny'>;
}

/** A column that looks personal. */
export interface PiiColumn {
  column: string;
  reason: string;
}

/** Privacy settings plus the detected personal columns. */
export interface AiPrivacyInfo {
  settings: AiPrivacySettings;
  /** Filled when `detectColumns` was asked (needs the schema). */
  pii: PiiColumn[];
}
