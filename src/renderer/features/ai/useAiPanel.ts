/**
 * The AI panel's state for one query tab. It lives in the tab (not in the panel), so collapsing
 * the panel keeps the conversation; streamed events are routed to their turn by requestId.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AiBackend } from './backend';
import {
  addChip,
  addTurn,
  chipArgs,
  editsChanged,
  emptyThread,
  failureOf,
  lastAnswer,
  newRequestId,
  NO_EDITS,
  reduceThread,
  removeChip,
  runningRequest,
  sqlSnippet,
  startRun,
  type AiRunEvent,
  type AiRunKind,
  type ChipEdits,
  type ThreadState,
} from './model';
import type { AiAnswer, AiReadiness, PrivacySettings, PromptMessage, ThreadSummary } from './types';

/** A prompt shown before it is sent. */
export interface PendingPreview {
  question: string;
  messages: PromptMessage[] | null;
  error?: string | undefined;
}

/** What the panel renders and does. */
export type AiPanelState = ReturnType<typeof useAiPanel>;

/** Typing pauses this long before the context of the first question is previewed as chips. */
export const CONTEXT_PREVIEW_DEBOUNCE_MS = 600;

/** The panel's state and actions for `connectionId`. */
export function useAiPanel(backend: AiBackend, connectionId: string, enabled: boolean) {
  const [thread, setThread] = useState<ThreadState<AiAnswer>>(emptyThread);
  const [edits, setEdits] = useState<ChipEdits>(NO_EDITS);
  // The chips the latest ask went out with ("Re-ask" shows only when they changed since).
  const [sentEdits, setSentEdits] = useState<ChipEdits>(NO_EDITS);
  const [readiness, setReadiness] = useState<AiReadiness | null>(null);
  const [privacy, setPrivacy] = useState<PrivacySettings | null>(null);
  const [threads, setThreads] = useState<ThreadSummary[]>([]);
  const [preview, setPreview] = useState<PendingPreview | null>(null);
  const [draft, setDraft] = useState('');
  // Before the first answer of a thread: the tables the typed question would get (debounced).
  const [predicted, setPredicted] = useState<{ question: string; tables: string[] }>({ question: '', tables: [] });
  const threadRef = useRef(thread);
  useEffect(() => {
    threadRef.current = thread;
  });

  const apply = useCallback((ev: AiRunEvent<AiAnswer>) => setThread((t) => reduceThread(t, ev)), []);

  useEffect(
    () =>
      backend.subscribe({
        onToken: (requestId, delta, round) => apply({ type: 'token', requestId, delta, round }),
        onStatus: (requestId, phase, detail) => apply({ type: 'status', requestId, phase, detail }),
      }),
    [backend, apply],
  );

  const refresh = useCallback(() => {
    backend.readiness().then(setReadiness, () => setReadiness({ configured: false, previewBeforeSend: false, providerNames: {} }));
    backend.privacy(connectionId).then(setPrivacy, () => setPrivacy(null));
    backend.threads(connectionId).then(setThreads, () => setThreads([]));
  }, [backend, connectionId]);

  // Settings may change in another tab: re-read whenever the panel is shown.
  useEffect(() => {
    if (enabled) refresh();
  }, [enabled, refresh]);

  /** Sends a request and routes its end (answer or failure) to its turn. */
  const send = useCallback(
    (kind: AiRunKind, question: string, call: (requestId: string) => Promise<AiAnswer>) => {
      if (runningRequest(threadRef.current)) return;
      const requestId = newRequestId();
      setThread((t) => addTurn(t, question, startRun<AiAnswer>(kind, requestId)));
      call(requestId).then(
        (result) => {
          apply({ type: 'done', requestId, result });
          backend.threads(connectionId).then(setThreads, () => undefined);
        },
        (err: unknown) => apply({ type: 'failed', requestId, error: failureOf(err) }),
      );
    },
    [apply, backend, connectionId],
  );

  const sendAsk = useCallback(
    (question: string) => {
      const q = question.trim();
      if (!q) return;
      setPreview(null);
      setDraft('');
      const threadId = threadRef.current.threadId ?? undefined;
      const chips = chipArgs(edits);
      setSentEdits(edits);
      send('ask', q, (requestId) => backend.ask({ connectionId, question: q, requestId, threadId, ...chips }));
    },
    [backend, connectionId, edits, send],
  );

  /** Shows the exact prompt first; Send in the preview sends it. */
  const openPreview = useCallback(
    (question: string) => {
      const q = question.trim();
      if (!q) return;
      setPreview({ question: q, messages: null });
      backend
        .preview({ connectionId, question: q, threadId: threadRef.current.threadId ?? undefined, ...chipArgs(edits) })
        .then(
          (messages) => setPreview((p) => (p?.question === q ? { ...p, messages } : p)),
          (err: unknown) => setPreview((p) => (p?.question === q ? { ...p, error: failureOf(err).message } : p)),
        );
    },
    [backend, connectionId, edits],
  );

  /** The ask box's Enter: preview first when the setting asks for it. */
  const ask = useCallback(
    (question: string) => (readiness?.previewBeforeSend ? openPreview(question) : sendAsk(question)),
    [openPreview, readiness, sendAsk],
  );

  /** Asks the last question again with the edited chips. */
  const reask = useCallback(() => {
    const turns = threadRef.current.turns.filter((t) => t.run.kind === 'ask');
    const last = turns[turns.length - 1];
    if (last) ask(last.question);
  }, [ask]);

  const explain = useCallback(
    (sql: string) => send('explain', `Explain: ${sqlSnippet(sql)}`, (requestId) => backend.explain({ connectionId, requestId, sql, threadId: threadRef.current.threadId ?? undefined })),
    [backend, connectionId, send],
  );
  const fix = useCallback(
    (sql: string, error: string) => send('fix', `Fix: ${error}`, (requestId) => backend.fix({ connectionId, requestId, sql, error, threadId: threadRef.current.threadId ?? undefined })),
    [backend, connectionId, send],
  );
  const optimise = useCallback(
    (sql: string) => send('optimise', `Optimise: ${sqlSnippet(sql)}`, (requestId) => backend.optimise({ connectionId, requestId, sql, threadId: threadRef.current.threadId ?? undefined })),
    [backend, connectionId, send],
  );

  const stop = useCallback(() => {
    const requestId = runningRequest(threadRef.current);
    if (!requestId) return;
    // The panel stops at once; main's reply (if any) is ignored by the reducer.
    apply({ type: 'cancelled', requestId });
    backend.cancel(requestId).catch(() => undefined);
  }, [apply, backend]);

  const newThread = useCallback(() => {
    if (runningRequest(threadRef.current)) return;
    setThread(emptyThread());
    setEdits(NO_EDITS);
    setSentEdits(NO_EDITS);
  }, []);

  const openThread = useCallback(
    (threadId: string) => {
      if (runningRequest(threadRef.current)) return;
      backend.thread(threadId).then(
        (turns) => {
          setEdits(NO_EDITS);
          setSentEdits(NO_EDITS);
          setThread({
            threadId,
            turns: turns.map((t, i) => ({
              question: t.question,
              run: { state: 'done', kind: 'ask', requestId: `${threadId}-${i}`, text: '', result: t.answer },
            })),
          });
        },
        () => undefined,
      );
    },
    [backend],
  );

  const [votes, setVotes] = useState<Record<string, 'up' | 'down'>>({});
  const vote = useCallback(
    (answerId: string, v: 'up' | 'down') => {
      setVotes((m) => ({ ...m, [answerId]: v }));
      backend.feedback(answerId, v).catch(() => setVotes((m) => ({ ...m, [answerId]: undefined as never })));
    },
    [backend],
  );

  const savePrivacy = useCallback(
    (next: PrivacySettings) => {
      setPrivacy(next);
      backend.savePrivacy(connectionId, next).catch(() => refresh());
    },
    [backend, connectionId, refresh],
  );

  const lastAsk = lastAnswer({ ...thread, turns: thread.turns.filter((t) => t.run.kind === 'ask') });
  const firstQuestion = thread.turns.length === 0 && enabled && readiness?.configured === true ? draft.trim() : '';
  useEffect(() => {
    if (firstQuestion.length < 3) return;
    let live = true;
    const timer = setTimeout(() => {
      backend.context(connectionId, firstQuestion).then(
        (tables) => live && setPredicted({ question: firstQuestion, tables }),
        () => live && setPredicted({ question: firstQuestion, tables: [] }),
      );
    }, CONTEXT_PREVIEW_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [backend, connectionId, firstQuestion]);
  // Chips of a prediction show only while the question it was made for is still the typed one.
  const usedTables = lastAsk?.kind === 'ask' ? lastAsk.tables : firstQuestion !== '' && predicted.question === firstQuestion ? predicted.tables : [];
  const sqlTables = lastAsk?.kind === 'ask' ? lastAsk.sqlTables : [];

  return {
    thread,
    running: runningRequest(thread) !== null,
    readiness,
    privacy,
    threads,
    preview,
    draft,
    setDraft,
    edits,
    /** The chips changed since the latest ask. */
    editsPending: editsChanged(edits, sentEdits),
    usedTables,
    sqlTables,
    votes,
    ask,
    sendAsk,
    openPreview,
    closePreview: () => setPreview(null),
    reask,
    explain,
    fix,
    optimise,
    stop,
    newThread,
    openThread,
    vote,
    addTable: (t: string) => setEdits((e) => addChip(e, t)),
    removeTable: (t: string) => setEdits((e) => removeChip(e, t)),
    savePrivacy,
    refresh,
  };
}
