/**
 * The AI tasks as a service: ask, explain, fix, optimise, describe, with threads, feedback,
 * privacy, cancel and prompt preview. Everything provider-specific is behind `AiRouter`;
 * everything database-specific behind `TaskTarget`. Nothing here runs generated SQL: running
 * always goes through `query.run`, which enforces read-only and production confirmation.
 */
import type Database from 'better-sqlite3';
import type { EmitEvent } from '../../../shared/contract';
import type {
  AiContextInfo,
  AiPrivacyInfo,
  AiPrivacySettings,
  AskResult,
  DescribeDraft,
  ExplainAnswer,
  FixAnswer,
  OptimiseAnswer,
  PromptPreview,
  SqlAnswer,
} from '../../../shared/contracts/ai';
import { AppError } from '../../../shared/errors';
import type { CellValue } from '../../../shared/values';
import { estimateTokens } from '../../retrieval/contextBuilder';
import type { AiRouter } from '../types';
import { callModel, generateSql, UsageTotals, type CallOptions, type GeneratedSql, type TaskReporter } from './ask';
import { bullets, extractSql, indexStatements, oneLine, parseExplainReply, sections } from './extract';
import { describeEntries } from './describe';
import { findTable, prepareAsk, prepareDescribe, prepareExplain, prepareFix, prepareOptimiseBase, type PrepareInput, type PreparedPrompt } from './prepare';
import { detectPii, PrivacyStore } from './privacy';
import { optimisePrompt } from './prompts';
import { ThreadStore } from './threads';
import type { TaskTarget } from './types';
import { validateSql } from './validate';

/** What the service is built from. */
export interface AiTaskServiceDeps {
  router: AiRouter;
  db: Database.Database;
  /** The database a connection id names (throws NOT_FOUND for unknown ids). */
  target(connectionId: string): TaskTarget;
  addExample(connectionId: string, question: string, sql: string): Promise<void>;
  saveDescriptions(connectionId: string, entries: { target: string; text: string }[]): void;
  emit?: EmitEvent;
}

/** Options every task call takes. */
export interface TaskCall extends Omit<CallOptions, 'signal' | 'connectionId'> {
  connectionId: string;
  requestId: string;
  threadId?: string;
}

/** Runs the AI tasks. */
export class AiTaskService {
  readonly threads: ThreadStore;
  readonly privacy: PrivacyStore;
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: AiTaskServiceDeps) {
    this.threads = new ThreadStore(deps.db);
    this.privacy = new PrivacyStore(deps.db);
  }

  /** Question → validated SQL. */
  async ask(a: TaskCall & { question: string; include?: string[]; exclude?: string[] }): Promise<AskResult> {
    return this.run(a, async (input, opts, reporter) => {
      reporter.status?.('context', 'choosing tables and examples');
      const prepared = await prepareAsk({ ...input, include: a.include, exclude: a.exclude }, a.question);
      const gen = await generateSql({ router: this.deps.router, task: 'ask', messages: prepared.messages, target: input.target, snapshot: prepared.snapshot, options: opts, reporter });
      return this.recordSql(a, 'ask', a.question, gen, prepared.context);
    });
  }

  /** Failed SQL + its real error → corrected, validated SQL and what changed. */
  async fix(a: TaskCall & { sql: string; error: string }): Promise<FixAnswer> {
    return this.run(a, async (input, opts, reporter) => {
      reporter.status?.('context', 'reading the tables the query uses');
      const prepared = await prepareFix(input, a.sql, a.error);
      const gen = await generateSql({ router: this.deps.router, task: 'fix', messages: prepared.messages, target: input.target, snapshot: prepared.snapshot, options: opts, reporter });
      const answer = this.recordSql(a, 'fix', `${a.sql}\n-- error: ${a.error}`, gen, prepared.context);
      return { ...answer, changes: oneLine(gen.prose).replace(/^what changed:\s*/i, '') };
    });
  }

  /** SQL → three-layer explanation. */
  async explain(a: TaskCall & { sql: string; rows?: { columns: string[]; rows: CellValue[][] } }): Promise<ExplainAnswer> {
    return this.run(a, async (input, opts, reporter) => {
      reporter.status?.('context', 'reading the tables the query uses');
      const prepared = await prepareExplain(input, a.sql, a.rows);
      reporter.status?.('generating', 'asking the model');
      const usage = new UsageTotals();
      const raw = await callModel(this.deps.router, 'explain', prepared.messages, opts, reporter, 0, usage);
      const parsed = parseExplainReply(raw);
      const threadId = this.threads.ensure(a.connectionId, a.threadId, `Explain: ${a.sql}`);
      const answerId = this.threads.add({ threadId, task: 'explain', question: a.sql, sql: null, explanation: raw, valid: true, problems: [], repairs: 0, context: prepared.context, ...usage.toUsage() });
      return { answerId, threadId, ...parsed, raw, ...usage.toUsage() };
    });
  }

  /** SQL + its plan (EXPLAIN, never run) → findings, a validated rewrite, index suggestions. */
  async optimise(a: TaskCall & { sql: string }): Promise<OptimiseAnswer> {
    return this.run(a, async (input, opts, reporter) => {
      reporter.status?.('context', 'reading the plan (EXPLAIN, nothing is run)');
      const plan = await input.target.explain(a.sql);
      const { base, ctx, snapshot } = await prepareOptimiseBase(input, a.sql);
      const messages = optimisePrompt(base, a.sql, plan.plan);
      reporter.status?.('generating', 'asking the model');
      const usage = new UsageTotals();
      const raw = await callModel(this.deps.router, 'optimise', messages, opts, reporter, 0, usage);
      const s = sections(raw);
      const context: AiContextInfo = { tables: ctx.tables, examples: ctx.examples, tokens: estimateTokens(messages.slice(0, 2).map((m) => m.content).join('\n')), reasons: ctx.reasons };
      const rewriteSql = extractSql(s.get('rewritten sql') ?? s.get('rewrite') ?? '').sql;
      let rewrite: SqlAnswer | null = null;
      const threadId = this.threads.ensure(a.connectionId, a.threadId, `Optimise: ${a.sql}`);
      if (rewriteSql) {
        reporter.status?.('validating', 'checking the rewritten query (EXPLAIN, nothing is run)');
        const v = await validateSql(rewriteSql, input.target, snapshot);
        const gen: GeneratedSql = { ...v, sql: rewriteSql, prose: 'Rewritten for speed.', repairs: 0, usage };
        rewrite = this.recordSql({ ...a, threadId }, 'optimise', a.sql, gen, context);
      } else this.threads.add({ threadId, task: 'optimise', question: a.sql, sql: null, explanation: raw, valid: true, problems: [], repairs: 0, context, ...usage.toUsage() });
      const findings = bullets(s.get('findings') ?? s.get('') ?? raw).filter((f) => !/^none\.?$/i.test(f));
      const indexes = indexStatements(s.get('index suggestions') ?? s.get('indexes') ?? raw);
      return { answerId: rewrite?.answerId ?? '', threadId, findings, rewrite, indexSuggestions: indexes, raw, ...usage.toUsage() };
    });
  }

  /** Draft descriptions of a table and its columns (nothing is saved). */
  async describe(a: Omit<TaskCall, 'threadId'> & { table: string }): Promise<DescribeDraft> {
    return this.run(a, async (input, opts, reporter) => {
      reporter.status?.('context', 'reading the table');
      const prepared = await prepareDescribe(input, a.table);
      reporter.status?.('generating', 'asking the model');
      const usage = new UsageTotals();
      const raw = await callModel(this.deps.router, 'describe', prepared.messages, opts, reporter, 0, usage);
      const found = findTable(prepared.snapshot, a.table);
      const { entries, dropped } = describeEntries(raw, found.schema, found.table, input.target.descriptions());
      return { table: `${found.schema}.${found.table.name}`, entries, dropped, ...usage.toUsage() };
    });
  }

  /** Saves accepted drafts as documentation. */
  acceptDescriptions(connectionId: string, entries: { target: string; text: string }[]): { saved: number } {
    const kept = entries.filter((e) => e.text.trim()).map((e) => ({ target: e.target, text: e.text.trim() }));
    this.deps.saveDescriptions(connectionId, kept);
    return { saved: kept.length };
  }

  /** The exact messages a task would send (the same builders as the real send). */
  async preview(a: { connectionId: string; task: 'ask' | 'explain' | 'fix' | 'optimise' | 'describe'; question?: string; sql?: string; error?: string; table?: string; threadId?: string; include?: string[]; exclude?: string[]; rows?: { columns: string[]; rows: CellValue[][] } }): Promise<PromptPreview> {
    const input = this.input(a.connectionId, a.threadId);
    const need = (v: string | undefined, what: string): string => {
      if (!v) throw new AppError('BAD_REQUEST', `Preview of "${a.task}" needs ${what}.`);
      return v;
    };
    let prepared: PreparedPrompt;
    if (a.task === 'ask') prepared = await prepareAsk({ ...input, include: a.include, exclude: a.exclude }, need(a.question, 'a question'));
    else if (a.task === 'explain') prepared = await prepareExplain(input, need(a.sql, 'the SQL'), a.rows);
    else if (a.task === 'fix') prepared = await prepareFix(input, need(a.sql, 'the SQL'), need(a.error, 'the error'));
    else if (a.task === 'describe') prepared = await prepareDescribe(input, need(a.table, 'a table'));
    else {
      const sql = need(a.sql, 'the SQL');
      const plan = await input.target.explain(sql);
      const { base, ctx, snapshot } = await prepareOptimiseBase(input, sql);
      const messages = optimisePrompt(base, sql, plan.plan);
      prepared = { messages, snapshot, context: { tables: ctx.tables, examples: ctx.examples, tokens: ctx.tokens, reasons: ctx.reasons } };
    }
    return { messages: prepared.messages, context: prepared.context, tokens: estimateTokens(prepared.messages.map((m) => m.content).join('\n')) };
  }

  /** The context chips of a question. */
  async context(a: { connectionId: string; question: string; include?: string[]; exclude?: string[] }): Promise<AiContextInfo> {
    const ctx = await this.deps.target(a.connectionId).context(a.question, { include: a.include, exclude: a.exclude });
    return { tables: ctx.tables, examples: ctx.examples, tokens: ctx.tokens, reasons: ctx.reasons };
  }

  /** Thumbs up/down; thumbs up on a valid asked question adds it as a retrieval example (once). */
  async feedback(answerId: string, vote: -1 | 0 | 1): Promise<{ vote: -1 | 0 | 1; exampleAdded: boolean }> {
    const a = this.threads.answer(answerId);
    let exampleAdded = a.exampleAdded;
    if (vote === 1 && !exampleAdded && a.task === 'ask' && a.valid && a.sql) {
      await this.deps.addExample(a.connectionId, a.question, a.sql);
      exampleAdded = true;
    }
    this.threads.vote(answerId, vote, exampleAdded);
    return { vote, exampleAdded };
  }

  /** Cancels a running request. */
  cancel(requestId: string): boolean {
    const c = this.running.get(requestId);
    c?.abort();
    return c !== undefined;
  }

  /** Privacy settings, with the personal-looking columns when asked. */
  async privacyInfo(connectionId: string, detectColumns: boolean): Promise<AiPrivacyInfo> {
    const target = this.deps.target(connectionId);
    return { settings: this.privacy.get(connectionId), pii: detectColumns ? detectPii(await target.snapshot()) : [] };
  }

  /** Saves privacy settings. */
  savePrivacy(s: AiPrivacySettings): AiPrivacySettings {
    this.deps.target(s.connectionId); // an unknown connection fails here, not on a foreign key
    return this.privacy.save(s);
  }

  private input(connectionId: string, threadId: string | undefined, signal?: AbortSignal): PrepareInput {
    return { target: this.deps.target(connectionId), privacy: this.privacy.get(connectionId), turns: this.threads.turns(threadId), signal };
  }

  /** Runs a task with cancel, status events and local-only checks. */
  private async run<T>(a: Omit<TaskCall, 'threadId'> & { threadId?: string }, fn: (input: PrepareInput, opts: CallOptions, reporter: TaskReporter) => Promise<T>): Promise<T> {
    if (a.provider && this.deps.router.isBlocked(a.provider)) {
      throw new AppError('AI_LOCAL_ONLY', `"Local only" is on, so the remote provider ${a.provider} is not used. Pick a local provider or turn "local only" off in the AI settings.`);
    }
    if (this.running.has(a.requestId)) throw new AppError('BAD_REQUEST', 'That request id is already running. Use a new id per request.');
    const controller = new AbortController();
    this.running.set(a.requestId, controller);
    const emit = this.deps.emit;
    const reporter: TaskReporter = {
      token: (delta, round) => emit?.('ai.token', { requestId: a.requestId, delta, round }),
      status: (phase, detail) => emit?.('ai.status', { requestId: a.requestId, phase, detail }),
    };
    try {
      const opts: CallOptions = { provider: a.provider, model: a.model, bypassCache: a.bypassCache, signal: controller.signal, connectionId: a.connectionId };
      const result = await fn(this.input(a.connectionId, a.threadId, controller.signal), opts, reporter);
      reporter.status?.('done', 'finished');
      return result;
    } catch (err) {
      reporter.status?.('done', controller.signal.aborted ? 'cancelled' : 'failed');
      if (controller.signal.aborted && !(err instanceof AppError)) throw new AppError('AI_CANCELLED', 'The AI request was cancelled.');
      throw err;
    } finally {
      this.running.delete(a.requestId);
    }
  }

  private recordSql(a: { connectionId: string; threadId?: string }, task: string, question: string, gen: GeneratedSql, context: AiContextInfo): SqlAnswer {
    const threadId = this.threads.ensure(a.connectionId, a.threadId, question);
    const explanation = oneLine(gen.prose);
    const usage = gen.usage.toUsage();
    const answerId = this.threads.add({ threadId, task, question, sql: gen.sql || null, explanation, valid: gen.valid, problems: gen.problems, repairs: gen.repairs, context, ...usage });
    return {
      answerId,
      threadId,
      sql: gen.sql,
      explanation,
      valid: gen.valid,
      runnable: gen.valid && !gen.refused,
      kind: gen.kind,
      refused: gen.refused,
      destructive: gen.destructive,
      problems: gen.problems,
      repairs: gen.repairs,
      tablesUsed: gen.tablesUsed,
      context,
      ...usage,
    };
  }
}
