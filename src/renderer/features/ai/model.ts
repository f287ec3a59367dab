/**
 * The AI panel's pure model: one streamed request (tokens in order, status phases, cancel,
 * failure with code and advice), the editable context chips, and the thread of turns. No React,
 * no transport — the hook feeds it events and the components render it.
 */

/** What a request of the panel is for. */
export type AiRunKind = 'ask' | 'explain' | 'fix' | 'optimise';

/** The latest progress line main reported for a request. */
export interface AiStatus {
  phase: string;
  detail?: string | undefined;
}

/** A failure as the panel shows it: a stable code, a message, and what to do. */
export interface AiFailure {
  code: string;
  message: string;
  advice?: string | undefined;
}

/** One request's life; `R` is the task's final result. */
export type AiRun<R> =
  | { state: 'running'; kind: AiRunKind; requestId: string; text: string; status: AiStatus | null; round: number }
  | { state: 'done'; kind: AiRunKind; requestId: string; text: string; result: R }
  | { state: 'cancelled'; kind: AiRunKind; requestId: string; text: string }
  | { state: 'failed'; kind: AiRunKind; requestId: string; text: string; error: AiFailure };

/** What can happen to a request. */
export type AiRunEvent<R> =
  /** `round` 0 is the first answer, 1–2 the repair rounds (each streams a whole new reply). */
  | { type: 'token'; requestId: string; delta: string; round?: number | undefined }
  | { type: 'status'; requestId: string; phase: string; detail?: string | undefined }
  | { type: 'done'; requestId: string; result: R }
  | { type: 'failed'; requestId: string; error: AiFailure }
  | { type: 'cancelled'; requestId: string };

/** A request that has just been sent. */
export function startRun<R>(kind: AiRunKind, requestId: string): AiRun<R> {
  return { state: 'running', kind, requestId, text: '', status: null, round: 0 };
}

/**
 * Applies one event. Events of another request, and anything after the run ended (a late token
 * after Stop, a reply after a cancel), leave the run as it is.
 */
export function reduceRun<R>(run: AiRun<R> | null, ev: AiRunEvent<R>): AiRun<R> | null {
  if (!run || run.requestId !== ev.requestId || run.state !== 'running') return run;
  switch (ev.type) {
    case 'token': {
      const round = ev.round ?? run.round;
      // A late token of an earlier round must not garble the repair that replaced it.
      if (round < run.round) return run;
      if (round > run.round) return { ...run, round, text: ev.delta };
      return ev.delta ? { ...run, text: run.text + ev.delta } : run;
    }
    case 'status':
      return { ...run, status: { phase: ev.phase, detail: ev.detail } };
    case 'done':
      return { state: 'done', kind: run.kind, requestId: run.requestId, text: run.text, result: ev.result };
    case 'failed':
      // A cancel that surfaces as an error from main is still the user's own action.
      if (ev.error.code === 'QUERY_CANCELLED' || ev.error.code === 'AI_CANCELLED')
        return { state: 'cancelled', kind: run.kind, requestId: run.requestId, text: run.text };
      return { state: 'failed', kind: run.kind, requestId: run.requestId, text: run.text, error: ev.error };
    case 'cancelled':
      return { state: 'cancelled', kind: run.kind, requestId: run.requestId, text: run.text };
  }
}

const PHASE_LABELS: Record<string, string> = {
  context: 'Building context',
  'building-context': 'Building context',
  prompt: 'Building context',
  generating: 'Generating',
  streaming: 'Generating',
  validating: 'Validating with EXPLAIN',
  validate: 'Validating with EXPLAIN',
  repairing: 'Repairing',
  repair: 'Repairing',
  done: 'Done',
};

/** The status line: "Building context…", "Repairing 1 of 2…", "Done". */
export function statusLabel(status: AiStatus | null): string {
  if (!status) return 'Sending…';
  const label = PHASE_LABELS[status.phase] ?? capitalise(status.phase.replace(/[-_]/g, ' '));
  if (status.phase === 'done') return label;
  const detail = status.detail?.trim();
  // "1/2", "1 of 2", "repair round 1 of 2" all read as a count.
  const ofN = detail && /(\d+)\s*(?:\/|of)\s*(\d+)/.exec(detail);
  if (ofN) return `${label} ${ofN[1]} of ${ofN[2]}…`;
  return detail ? `${label}: ${detail}…` : `${label}…`;
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** A failure from anything thrown (AppError data or a plain Error). */
export function failureOf(err: unknown): AiFailure {
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    const e = err as { code: unknown; message: unknown; detail?: { hint?: unknown; advice?: unknown } };
    const advice = e.detail?.advice ?? e.detail?.hint;
    return {
      code: String(e.code),
      message: String(e.message),
      ...(typeof advice === 'string' ? { advice } : {}),
    };
  }
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

// ---------------------------------------------------------------------------------------------
// Context chips

/** The tables the user pinned or removed for the next ask (`include` / `exclude`). */
export interface ChipEdits {
  include: string[];
  exclude: string[];
}

/** No edits. */
export const NO_EDITS: ChipEdits = { include: [], exclude: [] };

/** The chips to show: the tables the answer used, plus pinned ones, minus removed ones. */
export function visibleChips(used: readonly string[], edits: ChipEdits): string[] {
  const out: string[] = [];
  for (const t of [...used, ...edits.include]) if (!out.includes(t) && !edits.exclude.includes(t)) out.push(t);
  return out;
}

/** Pins a table (it was removed before: the removal is undone). */
export function addChip(edits: ChipEdits, table: string): ChipEdits {
  const name = table.trim();
  if (!name) return edits;
  return {
    include: edits.include.includes(name) ? edits.include : [...edits.include, name],
    exclude: edits.exclude.filter((t) => t !== name),
  };
}

/** Removes a table from the context (and un-pins it). */
export function removeChip(edits: ChipEdits, table: string): ChipEdits {
  return {
    include: edits.include.filter((t) => t !== table),
    exclude: edits.exclude.includes(table) ? edits.exclude : [...edits.exclude, table],
  };
}

/** Whether the chips differ from what the last ask was sent with (the panel then offers "Re-ask"). */
export function editsChanged(edits: ChipEdits, sent: ChipEdits): boolean {
  const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((t) => b.includes(t));
  return !same(edits.include, sent.include) || !same(edits.exclude, sent.exclude);
}

/** The include/exclude arguments of an ask (absent when empty). */
export function chipArgs(edits: ChipEdits): { include?: string[]; exclude?: string[] } {
  return {
    ...(edits.include.length ? { include: edits.include } : {}),
    ...(edits.exclude.length ? { exclude: edits.exclude } : {}),
  };
}

/** Chips in display order: tables the SQL itself uses first (they matter most), then the rest. */
export function orderChips(shown: readonly string[], sqlTables: readonly string[]): string[] {
  const used = new Set(sqlTables.map((t) => t.toLowerCase()));
  const isUsed = (t: string): boolean => used.has(t.toLowerCase()) || used.has(t.toLowerCase().split('.').pop()!);
  return [...shown.filter(isUsed), ...shown.filter((t) => !isUsed(t))];
}

/** A table name without the connection's default schema (`main.customers` → `customers`). */
export function shortTableName(table: string, defaultSchema: string): string {
  return defaultSchema && table.toLowerCase().startsWith(`${defaultSchema.toLowerCase()}.`) ? table.slice(defaultSchema.length + 1) : table;
}

/** Tables the "+" picker offers: schema tables not already shown, matching the filter. */
export function pickerTables(all: readonly string[], shown: readonly string[], filter: string, limit = 50): string[] {
  const f = filter.trim().toLowerCase();
  return all.filter((t) => !shown.includes(t) && (!f || t.toLowerCase().includes(f))).slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Threads

/** One question and its answer in a thread. */
export interface Turn<R> {
  question: string;
  run: AiRun<R>;
}

/** The conversation the panel shows. `threadId` comes from main after the first answer. */
export interface ThreadState<R> {
  threadId: string | null;
  turns: Turn<R>[];
}

/** A new, empty thread. */
export function emptyThread<R>(): ThreadState<R> {
  return { threadId: null, turns: [] };
}

/** Adds a question that has just been sent. */
export function addTurn<R>(thread: ThreadState<R>, question: string, run: AiRun<R>): ThreadState<R> {
  return { ...thread, turns: [...thread.turns, { question, run }] };
}

/** Applies a run event to the turn it belongs to; a finished ask may name the thread. */
export function reduceThread<R extends { threadId?: string | undefined }>(
  thread: ThreadState<R>,
  ev: AiRunEvent<R>,
): ThreadState<R> {
  let changed = false;
  const turns = thread.turns.map((t) => {
    const next = reduceRun(t.run, ev);
    if (next === t.run || !next) return t;
    changed = true;
    return { ...t, run: next };
  });
  if (!changed) return thread;
  const threadId = ev.type === 'done' && ev.result.threadId ? ev.result.threadId : thread.threadId;
  return { threadId, turns };
}

/** The request still streaming in a thread, if any (one at a time). */
export function runningRequest<R>(thread: ThreadState<R>): string | null {
  for (const t of thread.turns) if (t.run.state === 'running') return t.run.requestId;
  return null;
}

/** The last finished answer of a thread (chips and follow-ups build on it). */
export function lastAnswer<R>(thread: ThreadState<R>): R | null {
  for (let i = thread.turns.length - 1; i >= 0; i--) {
    const run = thread.turns[i]!.run;
    if (run.state === 'done') return run.result;
  }
  return null;
}

/** SQL on one line, cut to `max` characters, for a turn's title ("Explain: SELECT a, b FROM t…"). */
export function sqlSnippet(sql: string, max = 60): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** A fresh request id (the panel filters `ai.token` / `ai.status` events by it). */
export function newRequestId(): string {
  const rand = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : Math.random().toString(36).slice(2);
  return `ai-${rand}`;
}

/** The SQL inside a streamed reply so far (first fenced block, possibly still open), for the live preview. */
export function streamedSql(text: string): string | null {
  const m = /```(?:sql)?[^\n]*\n([\s\S]*?)(?:```|$)/i.exec(text);
  return m ? m[1]!.trimEnd() : null;
}
