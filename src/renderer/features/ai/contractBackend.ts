/** Binds the panel's `AiBackend` to the contract (`ai.*` tasks and the AI settings). */
import type { ApiClient } from '../../api/client';
import type { AiProblem, ExplainAnswer as WireExplain, FixAnswer as WireFix, OptimiseAnswer as WireOptimise, SqlAnswer } from '../../../shared/contracts/ai';
import type { AiBackend } from './backend';
import { readiness } from './readiness';
import type { AnswerMeta, AnswerProblem, AskAnswer, ExplainAnswer, FixAnswer, OptimiseAnswer } from './types';

function meta(a: { answerId?: string; threadId?: string; provider: string; model: string; tokens: { input: number; output: number }; costUsd: number; cached: boolean }): AnswerMeta {
  return {
    answerId: a.answerId,
    threadId: a.threadId,
    provider: a.provider,
    model: a.model,
    tokens: { input: a.tokens.input, output: a.tokens.output },
    costUsd: a.costUsd,
    cached: a.cached,
  };
}

function problem(p: AiProblem): AnswerProblem {
  return { message: p.message, suggestions: p.suggestions ?? [] };
}

/** A SQL answer (ask, fix, an optimise rewrite) as the panel shows it. */
export function sqlAnswer(a: SqlAnswer): Omit<AskAnswer, 'kind'> {
  return {
    ...meta(a),
    sql: a.sql,
    valid: a.valid,
    // Write/refused notices have their own line; the list keeps what is wrong with the SQL.
    problems: a.problems.filter((p) => p.kind !== 'write' && p.kind !== 'refused').map(problem),
    repairs: a.repairs,
    write: a.kind === 'write' || a.kind === 'ddl',
    refused: a.refused,
    destructive: a.destructive,
    tables: a.context.tables.length ? a.context.tables : a.tablesUsed,
    sqlTables: a.tablesUsed,
    examples: a.context.examples.length,
    contextTokens: a.context.tokens,
    note: a.explanation || undefined,
  };
}

function explainAnswer(a: WireExplain): ExplainAnswer {
  return { kind: 'explain', ...meta(a), tldr: a.tldr, explanation: a.plain || a.raw, detail: a.detail };
}

function fixAnswer(a: WireFix): FixAnswer {
  return { kind: 'fix', ...sqlAnswer(a), changes: a.changes };
}

function optimiseAnswer(a: WireOptimise): OptimiseAnswer {
  return {
    kind: 'optimise',
    ...meta(a),
    findings: a.findings.length ? a.findings : a.raw ? [a.raw] : [],
    rewrite: a.rewrite ? sqlAnswer(a.rewrite) : null,
    indexes: a.indexSuggestions,
  };
}

/** The panel's backend over the app's API client. */
export function contractBackend(api: ApiClient): AiBackend {
  return {
    readiness: () => readiness(api),
    ask: async (r) => ({ kind: 'ask', ...sqlAnswer(await api.call('ai.ask', r)) }),
    explain: async (r) => explainAnswer(await api.call('ai.explain', { connectionId: r.connectionId, requestId: r.requestId, sql: r.sql, threadId: r.threadId })),
    fix: async (r) =>
      fixAnswer(await api.call('ai.fix', { connectionId: r.connectionId, requestId: r.requestId, sql: r.sql, error: r.error ?? 'unknown error', threadId: r.threadId })),
    optimise: async (r) => optimiseAnswer(await api.call('ai.optimise', { connectionId: r.connectionId, requestId: r.requestId, sql: r.sql, threadId: r.threadId })),
    cancel: async (requestId) => {
      await api.call('ai.cancel', { requestId });
    },
    preview: async (r) => (await api.call('ai.preview', { task: 'ask', ...r })).messages,
    context: async (connectionId, question) => (await api.call('ai.context', { connectionId, question })).tables,
    threads: async (connectionId) =>
      (await api.call('ai.threads.list', { connectionId })).map((t) => ({ id: t.threadId, title: t.title, updatedAt: Date.parse(t.updatedAt) })),
    thread: async (threadId) =>
      (await api.call('ai.threads.get', { threadId })).messages.map((m) => {
        const usage = { answerId: m.answerId, threadId, provider: m.provider, model: m.model, tokens: { input: m.tokens.input, output: m.tokens.output }, costUsd: m.costUsd };
        // A stored thread keeps the SQL and its prose; explanations come back as prose.
        if (!m.sql) {
          const answer: ExplainAnswer = { kind: 'explain', ...usage, tldr: '', explanation: m.explanation, detail: { joins: '', filters: '', performance: '' } };
          return { question: m.question, answer };
        }
        const answer: AskAnswer = {
          kind: 'ask',
          ...usage,
          sql: m.sql,
          valid: m.valid,
          problems: [],
          repairs: 0,
          write: false,
          refused: false,
          destructive: null,
          tables: m.contextTables,
          sqlTables: [],
          examples: 0,
          contextTokens: 0,
          note: m.explanation || undefined,
        };
        return { question: m.question, answer };
      }),
    feedback: async (answerId, vote) => {
      await api.call('ai.feedback', { answerId, vote: vote === 'up' ? 1 : -1 });
    },
    privacy: async (connectionId) => {
      const { settings, pii } = await api.call('ai.privacy.get', { connectionId, detectColumns: true });
      return { sampleValues: settings.allowSampleValues, resultRows: settings.allowResultRows, columns: settings.columns, personal: pii };
    },
    savePrivacy: async (connectionId, s) => {
      await api.call('ai.privacy.save', { connectionId, allowSampleValues: s.sampleValues, allowResultRows: s.resultRows, columns: s.columns ?? {} });
    },
    subscribe: (h) => {
      const offToken = api.on('ai.token', (e) => h.onToken(e.requestId, e.delta, e.round));
      const offStatus = api.on('ai.status', (e) => h.onStatus(e.requestId, e.phase, e.detail));
      return () => {
        offToken();
        offStatus();
      };
    },
  };
}
