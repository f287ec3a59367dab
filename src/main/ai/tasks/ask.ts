/**
 * The SQL-producing pipeline shared by ask and fix: call the model, extract the SQL, validate it
 * (parse, names, EXPLAIN without executing), and on a failure run at most two repair rounds,
 * each sending the real error text back. Tokens and cost add up over all rounds.
 */
import type { AiPhase, AiProblem, AiTokens } from '../../../shared/contracts/ai';
import type { SchemaSnapshot } from '../../../shared/schema';
import type { AiRouter, AiTask, ChatMessage, CompletionResult } from '../types';
import { extractSql, oneLine } from './extract';
import { repairMessages } from './prompts';
import type { TaskTarget } from './types';
import { repairErrors, validateSql, type Validation } from './validate';

/** At most this many repair rounds after the first answer. */
export const MAX_REPAIRS = 2;

/** How a task talks to the UI while it runs. */
export interface TaskReporter {
  token?(delta: string, round: number): void;
  status?(phase: AiPhase, detail: string): void;
}

/** Which provider/model and cache behaviour the user chose. */
export interface CallOptions {
  provider?: string;
  model?: string;
  bypassCache?: boolean;
  signal?: AbortSignal;
  connectionId?: string;
}

/** Usage summed over rounds. */
export class UsageTotals {
  tokens: AiTokens = { input: 0, output: 0, cached: 0 };
  costUsd = 0;
  provider = '';
  model = '';
  cached = true;

  /** Adds one completion. */
  add(r: CompletionResult): void {
    this.tokens.input += r.usage.inputTokens;
    this.tokens.output += r.usage.outputTokens;
    this.tokens.cached += r.usage.cachedInputTokens ?? 0;
    this.costUsd += r.costUsd;
    this.provider = r.provider;
    this.model = r.model;
    this.cached &&= r.cached;
  }

  /** The usage fields of an answer. */
  toUsage(): { tokens: AiTokens; costUsd: number; provider: string; model: string; cached: boolean } {
    return { tokens: { ...this.tokens }, costUsd: Number(this.costUsd.toFixed(8)), provider: this.provider, model: this.model, cached: this.cached && this.provider !== '' };
  }
}

/** One model call with streaming forwarded to the reporter. */
export async function callModel(router: AiRouter, task: AiTask, messages: ChatMessage[], opts: CallOptions, reporter: TaskReporter, round: number, usage: UsageTotals): Promise<string> {
  const result = await router.complete({
    task,
    messages,
    provider: opts.provider,
    model: opts.model,
    bypassCache: opts.bypassCache,
    signal: opts.signal,
    connectionId: opts.connectionId,
    temperature: 0,
    onToken: (delta) => reporter.token?.(delta, round),
  });
  usage.add(result);
  return result.text;
}

/** The outcome of the SQL pipeline. */
export interface GeneratedSql extends Validation {
  sql: string;
  /** The reply's prose (first line: the explanation / what changed). */
  prose: string;
  repairs: number;
  usage: UsageTotals;
}

/** Inputs of the pipeline. */
export interface GenerateInput {
  router: AiRouter;
  task: AiTask;
  messages: ChatMessage[];
  target: TaskTarget;
  snapshot: SchemaSnapshot;
  options: CallOptions;
  reporter?: TaskReporter;
}

/** Calls the model, validates the SQL and repairs it (at most MAX_REPAIRS rounds). */
export async function generateSql(input: GenerateInput): Promise<GeneratedSql> {
  const reporter = input.reporter ?? {};
  const usage = new UsageTotals();
  let messages = input.messages;
  let repairs = 0;
  for (;;) {
    reporter.status?.(repairs ? 'repairing' : 'generating', repairs ? `repair round ${repairs} of ${MAX_REPAIRS}` : 'asking the model');
    const reply = await callModel(input.router, input.task, messages, input.options, reporter, repairs, usage);
    const { sql, prose } = extractSql(reply);
    reporter.status?.('validating', sql ? 'checking names and EXPLAIN (nothing is run)' : 'no SQL in the reply');
    let validation: Validation;
    if (!sql) {
      const problem: AiProblem = { kind: 'extract', severity: 'error', message: 'The reply contained no SQL. Reply with one ```sql fenced block.' };
      validation = { valid: false, problems: [problem], tablesUsed: [], kind: 'other', refused: false, destructive: null };
    } else validation = await validateSql(sql, input.target, input.snapshot);
    if (validation.valid || repairs >= MAX_REPAIRS) {
      return { ...validation, sql: sql ?? '', prose: oneLine(prose) ? prose : '', repairs, usage };
    }
    repairs++;
    messages = [...messages, ...repairMessages(reply, repairErrors(validation.problems))];
  }
}
