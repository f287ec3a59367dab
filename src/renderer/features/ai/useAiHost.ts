/**
 * Everything the query tab needs for its AI panel, in one hook so the tab's own code changes by a
 * few lines: open/closed and width (remembered), the Ctrl/Cmd+I shortcut, palette commands, and
 * the editor bridge (insert, run through the tab's normal run path, SQL at the cursor).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { EditorView } from '@codemirror/view';
import type { ConnectionSummary } from '../../../shared/contract';
import { useApi } from '../../api/hooks';
import type { SchemaIndex } from '../editor/completion';
import { registerCommands } from '../palette/commands';
import { contractBackend } from './contractBackend';
import { insertIntoEditor, sqlAtCursor } from './editorBridge';
import { failedStatement } from './failedRun';
import { useAiPanel } from './useAiPanel';

const OPEN_KEY = 'qg.aiPanel.open';
const WIDTH_KEY = 'qg.aiPanel.width';
const DEFAULT_WIDTH = 400;

/** Clamps the panel width so neither the editor nor the panel disappears. */
export function clampWidth(px: number, total = Infinity): number {
  return Math.round(Math.max(280, Math.min(px, 900, total - 320)));
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: not remembered */
  }
}

/** Inputs of the host. */
export interface AiHostOptions {
  connection: ConnectionSummary;
  view: RefObject<EditorView | null>;
  /** Runs the selection through the tab's run path (confirmations and read-only apply). */
  runSelection(): void;
  /** The tab's latest run state (for "Fix this error"). */
  runState: Parameters<typeof failedStatement>[0];
  schemaIndex: SchemaIndex | null;
  active: boolean;
}

/** The AI panel's host state for a tab. */
export type AiHost = ReturnType<typeof useAiHost>;

/** See the module comment. */
export function useAiHost(opts: AiHostOptions) {
  const { connection } = opts;
  const api = useApi();
  const backend = useMemo(() => contractBackend(api), [api]);
  const [open, setOpen] = useState(() => read(OPEN_KEY) === '1');
  const [width, setWidth] = useState(() => clampWidth(Number(read(WIDTH_KEY)) || DEFAULT_WIDTH));
  // Bumped to move the focus into the ask box (the shortcut, "Ask AI").
  const [focusTick, setFocusTick] = useState(0);
  // Re-read settings when the tab comes back (e.g. from the AI settings tab) with the panel open.
  const ai = useAiPanel(backend, connection.id, open && opts.active);
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });

  const show = useCallback((next: boolean, focus = next) => {
    setOpen(next);
    write(OPEN_KEY, next ? '1' : '0');
    if (focus) setFocusTick((t) => t + 1);
    if (!next) latest.current.view.current?.focus();
  }, []);
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  });
  const toggle = useCallback(() => show(!openRef.current), [show]);

  const insert = useCallback((sql: string) => {
    const v = latest.current.view.current;
    if (v) insertIntoEditor(v, sql);
  }, []);
  const run = useCallback((sql: string) => {
    const v = latest.current.view.current;
    if (!v) return;
    insertIntoEditor(v, sql);
    latest.current.runSelection();
  }, []);

  const failure = failedStatement(opts.runState);
  const explainAtCursor = useCallback(() => {
    const v = latest.current.view.current;
    const sql = v && sqlAtCursor(v, latest.current.connection.engine);
    if (!sql) return;
    show(true, false);
    ai.explain(sql);
  }, [ai, show]);
  const optimiseAtCursor = useCallback(() => {
    const v = latest.current.view.current;
    const sql = v && sqlAtCursor(v, latest.current.connection.engine);
    if (!sql) return;
    show(true, false);
    ai.optimise(sql);
  }, [ai, show]);
  const fix = useCallback(
    (sql: string, error: string) => {
      show(true, false);
      ai.fix(sql, error);
    },
    [ai, show],
  );

  const { active } = opts;
  const fixLast = failure ? () => fix(failure.sql, failure.error) : null;
  const fixRef = useRef(fixLast);
  useEffect(() => {
    fixRef.current = fixLast;
  });
  useEffect(() => {
    if (!active) return undefined;
    return registerCommands('ai-panel', [
      { id: 'ai.toggle', title: 'Toggle the AI panel', group: 'View', shortcut: 'Mod+I', run: toggle },
      { id: 'ai.ask', title: 'Ask AI a question', group: 'Edit', run: () => show(true) },
      { id: 'ai.explain', title: 'AI: Explain selection (or statement at cursor)', group: 'Edit', run: explainAtCursor },
      { id: 'ai.optimise', title: 'AI: Optimise selection (or statement at cursor)', group: 'Edit', run: optimiseAtCursor },
      { id: 'ai.fix', title: 'AI: Fix the last error', group: 'Edit', run: () => fixRef.current?.() },
      { id: 'ai.newThread', title: 'AI: New thread', group: 'Edit', run: ai.newThread },
    ]);
  }, [active, toggle, show, explainAtCursor, optimiseAtCursor, ai.newThread]);

  /** Ctrl/Cmd+I anywhere in the tab (captured before CodeMirror's "select parent syntax"). */
  const onKeyDownCapture = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'i') {
        e.preventDefault();
        e.stopPropagation();
        toggle();
      }
    },
    [toggle],
  );

  const tables = useMemo(() => {
    const index = opts.schemaIndex;
    if (!index) return [];
    // Qualified like the context's `schema.table`, so a pinned table and a used one are the same chip.
    return index.tables.map((t) => (t.schema ? `${t.schema}.${t.table.name}` : t.table.name));
  }, [opts.schemaIndex]);

  const resize = useCallback((px: number, total: number) => {
    const w = clampWidth(px, total);
    setWidth(w);
    write(WIDTH_KEY, String(w));
  }, []);

  return {
    ai,
    open,
    width,
    focusTick,
    toggle,
    close: () => show(false),
    resize,
    insert,
    run,
    fix,
    failure,
    explainAtCursor,
    optimiseAtCursor,
    tables,
    defaultSchema: opts.schemaIndex?.defaultSchema ?? '',
    onKeyDownCapture,
    /** Grid columns of the tab while the panel is open (undefined: the tab's own layout). */
    columns: open ? `minmax(0, 1fr) 5px ${width}px` : undefined,
  };
}
