/** The SQL editor: CodeMirror 6 in the connection's dialect with schema completion. */
import { useEffect, useRef, type ReactNode } from 'react';
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  completionStatus,
  startCompletion,
  type CompletionContext,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab, toggleComment } from '@codemirror/commands';
import { sql } from '@codemirror/lang-sql';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, Prec } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import type { Engine } from '../../../shared/connection';
import { complete, type SchemaIndex } from './completion';
import { codemirrorDialect } from './dialects';
import { runMarks } from './marks';
import { editorTheme, sqlHighlight } from './theme';
import './editor.css';

/** What the editor's own shortcuts trigger in the tab. */
export interface EditorCommands {
  /** Ctrl/Cmd+Enter: the selection, else the statement at the cursor. */
  runCurrent(): void;
  /** Ctrl/Cmd+Shift+Enter: the whole script. */
  runScript(): void;
  /** Shift+Alt+F. */
  format(): void;
}

/** Props of the editor; callbacks are read through refs, so changing them costs nothing. */
export interface SqlEditorProps {
  engine: Engine;
  initialText: string;
  /** The completion index of the connection's schema, or null while it loads. */
  schemaIndex: SchemaIndex | null;
  /** True once the schema has loaded (completion then knows tables and columns). */
  schemaReady: boolean;
  onChange(text: string): void;
  commands: EditorCommands;
  /** Receives the view once created (and null on unmount) for commands from outside. */
  onView(view: EditorView | null): void;
}

/** Completion reads at most this far around the cursor, however long the script is. */
const COMPLETION_WINDOW = 20_000;

/** The CodeMirror editor of a query tab. */
export function SqlEditor(props: SqlEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const p = latest.current;
    const source = (ctx: CompletionContext) => {
      const index = latest.current.schemaIndex;
      if (!index) return null;
      const len = ctx.state.doc.length;
      const from = Math.max(0, ctx.pos - COMPLETION_WINDOW);
      const text = ctx.state.sliceDoc(from, Math.min(len, ctx.pos + COMPLETION_WINDOW));
      const result = complete(index, text, ctx.pos - from, ctx.explicit);
      return result && { ...result, from: result.from + from };
    };
    const run = (fn: keyof EditorCommands) => () => {
      latest.current.commands[fn]();
      return true;
    };
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: p.initialText,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          search({ top: true }),
          syntaxHighlighting(sqlHighlight),
          sql({ dialect: codemirrorDialect(p.engine), upperCaseKeywords: true }),
          autocompletion({ override: [source], activateOnTypingDelay: 0, maxRenderedOptions: 80, icons: true }),
          placeholder('Write SQL here. Ctrl+Enter runs the statement at the cursor.'),
          runMarks(),
          editorTheme,
          // Ours first: CodeMirror's default keymap binds Mod-Enter to "insert blank line".
          Prec.highest(
            keymap.of([
              { key: 'Mod-Enter', run: run('runCurrent') },
              { key: 'Mod-Shift-Enter', run: run('runScript') },
              { key: 'Shift-Alt-f', run: run('format') },
              { key: 'Mod-/', run: toggleComment },
            ]),
          ),
          keymap.of([...closeBracketsKeymap, ...completionKeymap, ...searchKeymap, ...historyKeymap, ...defaultKeymap, indentWithTab]),
          EditorView.contentAttributes.of({ 'aria-label': 'SQL editor', 'data-testid': 'sql-editor' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    p.onView(view);
    viewRef.current = view;
    return () => {
      viewRef.current = null;
      latest.current.onView(null);
      view.destroy();
    };
    // The view lives as long as the tab; engine changes remount it through the key.
  }, []);

  // A schema that lands while the popup is open refreshes it (e.g. `o.` typed before it loaded).
  const viewRef = useRef<EditorView | null>(null);
  useEffect(() => {
    const view = viewRef.current;
    if (!view || !props.schemaIndex || !view.hasFocus) return;
    const head = view.state.selection.main.head;
    const waitingForMembers = /[\w$"`\]]\.$/.test(view.state.sliceDoc(Math.max(0, head - 2), head));
    if (completionStatus(view.state) !== null || waitingForMembers) startCompletion(view);
  }, [props.schemaIndex]);

  return <div className="sql-editor" ref={host} data-schema-ready={props.schemaReady ? 'true' : 'false'} />;
}
