/** Threads of AI answers per connection, and thumbs up/down on each answer (app database, migration 10). */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AiContextInfo, AiProblem, AiThread, AiThreadMessage, AiThreadSummary, AiTokens } from '../../../shared/contracts/ai';
import { AppError } from '../../../shared/errors';
import type { ChatMessage } from '../types';

/** An answer to record. */
export interface NewAnswer {
  threadId: string;
  task: string;
  question: string;
  sql: string | null;
  explanation: string;
  valid: boolean;
  problems: AiProblem[];
  repairs: number;
  context: AiContextInfo;
  tokens: AiTokens;
  costUsd: number;
  provider: string;
  model: string;
}

interface AnswerRow {
  id: string;
  thread_id: string;
  task: string;
  question: string;
  sql: string | null;
  explanation: string;
  valid: number;
  context_json: string;
  input_tokens: number;
  output_tokens: number;
  cached_tokens: number;
  cost_usd: number;
  provider: string;
  model: string;
  created_at: string;
  vote: number | null;
}

/** Threads, answers and feedback. */
export class ThreadStore {
  constructor(private readonly db: Database.Database) {}

  /** The thread to add to: `threadId` when it exists on this connection, else a new one titled by the question. */
  ensure(connectionId: string, threadId: string | undefined, title: string): string {
    if (threadId) {
      const row = this.db.prepare('SELECT connection_id FROM ai_threads WHERE id = ?').get(threadId) as { connection_id: string } | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'That AI thread no longer exists. Start a new question.');
      if (row.connection_id !== connectionId) throw new AppError('BAD_REQUEST', 'That AI thread belongs to another connection. Start a new question here.');
      return threadId;
    }
    const id = randomUUID();
    this.db.prepare('INSERT INTO ai_threads (id, connection_id, title) VALUES (?, ?, ?)').run(id, connectionId, title.replace(/\s+/g, ' ').trim().slice(0, 120) || 'Untitled');
    return id;
  }

  /** Records an answer; returns its id. */
  add(a: NewAnswer): string {
    const id = randomUUID();
    const tx = this.db.transaction(() => {
      const { n } = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM ai_answers WHERE thread_id = ?').get(a.threadId) as { n: number };
      this.db
        .prepare(
          `INSERT INTO ai_answers (id, thread_id, seq, task, question, sql, explanation, valid, problems_json, repairs, context_json,
             input_tokens, output_tokens, cached_tokens, cost_usd, provider, model)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, a.threadId, n, a.task, a.question, a.sql, a.explanation, a.valid ? 1 : 0, JSON.stringify(a.problems), a.repairs, JSON.stringify(a.context),
          a.tokens.input, a.tokens.output, a.tokens.cached, a.costUsd, a.provider, a.model);
      this.db.prepare("UPDATE ai_threads SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(a.threadId);
    });
    tx();
    return id;
  }

  /** The previous turns of a thread as chat messages (oldest first, at most `maxTurns`). */
  turns(threadId: string | undefined, maxTurns = 6): ChatMessage[] {
    if (!threadId) return [];
    const rows = this.db
      .prepare('SELECT task, question, sql, explanation FROM ai_answers WHERE thread_id = ? ORDER BY seq DESC LIMIT ?')
      .all(threadId, maxTurns) as { task: string; question: string; sql: string | null; explanation: string }[];
    return rows.reverse().flatMap((r): ChatMessage[] => [
      { role: 'user', content: r.task === 'ask' ? r.question : `(${r.task}) ${r.question}` },
      { role: 'assistant', content: [r.sql ? `\`\`\`sql\n${r.sql}\n\`\`\`` : '', r.explanation].filter(Boolean).join('\n') || '(no answer)' },
    ]);
  }

  /** Threads of a connection, newest first. */
  list(connectionId: string): AiThreadSummary[] {
    const rows = this.db
      .prepare(
        `SELECT t.id, t.connection_id, t.title, t.updated_at, (SELECT COUNT(*) FROM ai_answers a WHERE a.thread_id = t.id) AS answers
         FROM ai_threads t WHERE t.connection_id = ? ORDER BY t.updated_at DESC, t.rowid DESC`,
      )
      .all(connectionId) as { id: string; connection_id: string; title: string; updated_at: string; answers: number }[];
    return rows.map((r) => ({ threadId: r.id, connectionId: r.connection_id, title: r.title, answers: r.answers, updatedAt: r.updated_at }));
  }

  /** One thread with its answers. */
  get(threadId: string): AiThread {
    const t = this.db.prepare('SELECT id, connection_id, title, updated_at FROM ai_threads WHERE id = ?').get(threadId) as
      | { id: string; connection_id: string; title: string; updated_at: string }
      | undefined;
    if (!t) throw new AppError('NOT_FOUND', 'That AI thread no longer exists.');
    const rows = this.db
      .prepare('SELECT a.*, f.vote FROM ai_answers a LEFT JOIN ai_feedback f ON f.answer_id = a.id WHERE a.thread_id = ? ORDER BY a.seq')
      .all(threadId) as AnswerRow[];
    const messages = rows.map(toMessage);
    return { threadId: t.id, connectionId: t.connection_id, title: t.title, updatedAt: t.updated_at, answers: messages.length, messages };
  }

  /** Deletes a thread (its answers and feedback go with it). */
  delete(threadId: string): boolean {
    const tx = this.db.transaction(() => {
      this.db.prepare('DELETE FROM ai_feedback WHERE answer_id IN (SELECT id FROM ai_answers WHERE thread_id = ?)').run(threadId);
      this.db.prepare('DELETE FROM ai_answers WHERE thread_id = ?').run(threadId);
      return this.db.prepare('DELETE FROM ai_threads WHERE id = ?').run(threadId).changes > 0;
    });
    return tx();
  }

  /** The answer a vote is about, with its connection. */
  answer(answerId: string): { connectionId: string; question: string; sql: string | null; valid: boolean; task: string; exampleAdded: boolean } {
    const r = this.db
      .prepare(
        `SELECT t.connection_id, a.question, a.sql, a.valid, a.task, COALESCE(f.example_added, 0) AS example_added
         FROM ai_answers a JOIN ai_threads t ON t.id = a.thread_id LEFT JOIN ai_feedback f ON f.answer_id = a.id WHERE a.id = ?`,
      )
      .get(answerId) as { connection_id: string; question: string; sql: string | null; valid: number; task: string; example_added: number } | undefined;
    if (!r) throw new AppError('NOT_FOUND', 'That AI answer no longer exists.');
    return { connectionId: r.connection_id, question: r.question, sql: r.sql, valid: r.valid === 1, task: r.task, exampleAdded: r.example_added === 1 };
  }

  /** Records (or clears, with 0) a vote. */
  vote(answerId: string, vote: -1 | 0 | 1, exampleAdded: boolean): void {
    if (vote === 0) {
      this.db.prepare('DELETE FROM ai_feedback WHERE answer_id = ?').run(answerId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO ai_feedback (answer_id, vote, example_added) VALUES (?, ?, ?)
         ON CONFLICT(answer_id) DO UPDATE SET vote = excluded.vote, example_added = MAX(ai_feedback.example_added, excluded.example_added)`,
      )
      .run(answerId, vote, exampleAdded ? 1 : 0);
  }
}

function toMessage(r: AnswerRow): AiThreadMessage {
  const ctx = JSON.parse(r.context_json) as Partial<AiContextInfo>;
  return {
    answerId: r.id,
    task: r.task,
    question: r.question,
    sql: r.sql,
    explanation: r.explanation,
    valid: r.valid === 1,
    contextTables: ctx.tables ?? [],
    tokens: { input: r.input_tokens, output: r.output_tokens, cached: r.cached_tokens },
    costUsd: r.cost_usd,
    provider: r.provider,
    model: r.model,
    vote: (r.vote ?? 0) as -1 | 0 | 1,
    createdAt: r.created_at,
  };
}
