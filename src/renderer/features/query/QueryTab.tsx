/** A query tab: toolbar, the SQL editor, a resizable split, and the results of the last run. */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { EditorView } from '@codemirror/view';
import { openSearchPanel } from '@codemirror/search';
import { toggleComment } from '@codemirror/commands';
import type { ConnectionSummary } from '../../../shared/contract';
import { LockIcon, PlayIcon, StopIcon } from '../../ui/icons';
import { ENGINE_LABELS } from '../connections/model';
import { formatSql } from '../editor/dialects';
import { ParamsDialog } from '../editor/ParamsDialog';
import { SqlEditor } from '../editor/SqlEditor';
import { useSchemaIndex } from '../editor/useSchemaIndex';
import { useDocsCommands } from '../docs/commands';
import { registerCommands } from '../palette/commands';
import type { Tab } from '../tabs/model';
import { AiPane, AiToggle, useAiHost } from '../ai';
import { useAiSettingsCommands } from '../aiSettings/commands';
import { ConfirmRunDialog } from './ConfirmRunDialog';
import { initialSql } from './model';
import { ResultsArea } from './ResultsArea';
import { useEditorRun } from './useEditorRun';
import { useRunToFile } from './useRunToFile';
import { RunMenuButton, RunToFileConfirm, RunToFileStatus } from './RunToFileControls';
import { PlanToolbarButtons, ResultsWithPlan, usePlanActions } from '../plan/usePlanActions';
import { useSplit } from './useSplit';
import './query.css';

/** Props of a query tab. */
export interface QueryTabProps {
  connection: ConnectionSummary;
  /** The tab (restored text, saved-query origin, run-on-open); absent: a fresh tab. */
  tab?: Tab;
  /** Whether the tab is the visible one (its commands go to the palette). */
  active?: boolean;
  /** Reports the editor's text (for saving tabs and the unsaved-changes marker). */
  onText?(sql: string): void;
}

/** The query tab of one connection. */
export function QueryTab({ connection, tab, active = true, onText }: QueryTabProps): ReactNode {
  const [initialText] = useState(() => tab?.sql ?? initialSql(connection));
  const view = useRef<EditorView | null>(null);
  const [empty, setEmpty] = useState(!initialText.trim());
  const [notice, setNotice] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const schema = useSchemaIndex(connection.id, connection.engine);
  useDocsCommands(connection.id, active);
  useAiSettingsCommands(connection.id, active);
  const refreshSchema = schema.refresh;
  const runner = useEditorRun(connection, view, refreshSchema);
  const { state, cancel, decline } = runner;
  const plan = usePlanActions(connection, view, active, state.phase);
  const toFile = useRunToFile(connection, view, active);
  const running = state.phase === 'running';
  const runFromEditor = (mode: 'current' | 'script'): void => {
    setNotice(null);
    runner.runFromEditor(mode);
  };
  const section = useRef<HTMLElement | null>(null);
  const split = useSplit(section);
  const prod = connection.environment === 'prod';
  const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  const mod = isMac ? '⌘' : 'Ctrl';

  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  });
  useEffect(() => onTextRef.current?.(initialText), [initialText]);

  const format = useCallback(() => {
    const v = view.current;
    if (!v) return;
    const sel = v.state.selection.main;
    const [from, to] = sel.empty ? [0, v.state.doc.length] : [sel.from, sel.to];
    const doc = v.state.doc;
    formatSql(v.state.sliceDoc(from, to), connection.engine).then(
      (text) => {
        // Typing while the formatter loaded wins: a stale result is dropped, never pasted over it.
        if (view.current !== v || v.state.doc !== doc) return;
        v.dispatch({ changes: { from, to, insert: text } });
        setNotice(null);
      },
      (err: unknown) => setNotice({ text: `Could not format: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, tone: 'error' }),
    );
    v.focus();
  }, [connection.engine]);

  const commands = useRef({ runCurrent: () => runFromEditor('current'), runScript: () => runFromEditor('script'), format });
  // Stable callbacks for the editor's keymap that always reach the latest actions.
  const [editorCommands] = useState(() => ({
    runCurrent: () => commands.current.runCurrent(),
    runScript: () => commands.current.runScript(),
    format: () => commands.current.format(),
  }));
  useEffect(() => {
    commands.current = { runCurrent: () => runFromEditor('current'), runScript: () => runFromEditor('script'), format };
  });
  const ai = useAiHost({ connection, view, runSelection: editorCommands.runCurrent, runState: state, schemaIndex: schema.index, active });

  // Run once when opened with "run" (history / saved / explorer).
  const ranOnOpen = useRef(false);
  useEffect(() => {
    if (tab?.runOnOpen && !ranOnOpen.current && view.current) {
      ranOnOpen.current = true;
      commands.current.runScript();
    }
  }, [tab?.runOnOpen]);

  useEffect(() => {
    if (!active) return undefined;
    const withView = (fn: (v: EditorView) => unknown) => () => {
      if (view.current) fn(view.current);
      view.current?.focus();
    };
    return registerCommands('query-tab', [
      { id: 'run.current', title: 'Run statement at cursor / selection', group: 'Run', shortcut: 'Mod+Enter', run: () => commands.current.runCurrent() },
      { id: 'run.script', title: 'Run whole script', group: 'Run', shortcut: 'Mod+Shift+Enter', run: () => commands.current.runScript() },
      { id: 'run.cancel', title: 'Cancel running query', group: 'Run', run: cancel },
      { id: 'edit.format', title: 'Format SQL', group: 'Edit', shortcut: 'Shift+Alt+F', run: () => commands.current.format() },
      { id: 'edit.comment', title: 'Toggle comment', group: 'Edit', shortcut: 'Mod+/', run: withView(toggleComment) },
      { id: 'edit.find', title: 'Find and replace', group: 'Edit', shortcut: 'Mod+F', run: withView(openSearchPanel) },
      { id: 'view.editor', title: 'Focus the editor', group: 'View', run: withView(() => undefined) },
      { id: 'schema.refresh', title: 'Refresh schema (completion)', group: 'View', run: refreshSchema },
    ]);
  }, [active, cancel, refreshSchema]);

  return (
    <section
      className={`query-tab${prod ? ' is-prod' : ''}${ai.open ? ' has-ai' : ''}`}
      aria-label={`Query ${connection.name}`}
      style={{ gridTemplateRows: `auto ${split.percent}% 5px minmax(0, 1fr)`, gridTemplateColumns: ai.columns }}
      ref={section}
      onKeyDownCapture={(e) => {
        toFile.onKeyDownCapture(e);
        if (!e.defaultPrevented) ai.onKeyDownCapture(e);
      }}
    >
      <div className="query-toolbar">
        {running ? (
          <button type="button" className="btn btn-danger" onClick={cancel}>
            <StopIcon size={12} /> Cancel
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => runFromEditor('current')}
            disabled={empty}
            title={`Run the statement at the cursor, or the selection (${mod}+Enter)`}
          >
            <PlayIcon size={12} /> Run
          </button>
        )}
        <RunMenuButton run={toFile} disabled={running || empty} mac={isMac} />
        <button type="button" className="btn" onClick={() => runFromEditor('script')} disabled={running || empty} title={`Run the whole script (${mod}+Shift+Enter)`}>
          Run all
        </button>
        <button type="button" className="btn" onClick={format} disabled={empty} title="Format (Shift+Alt+F)">
          Format
        </button>
        <PlanToolbarButtons plan={plan} disabled={running || empty} />
        <AiToggle host={ai} />
        {/* The shortcut hint gives its room to a status when there is one. */}
        {(toFile.state.phase === 'idle' || toFile.state.phase === 'confirm') && !notice && (
          <span className="kbd-hint">
            <kbd>{mod}</kbd>+<kbd>Enter</kbd> statement · <kbd>{mod}</kbd>+<kbd>K</kbd> commands
          </span>
        )}
        <RunToFileStatus run={toFile} />
        {notice && (
          <span className={`toolbar-notice is-${notice.tone}`} role="status">
            {notice.text}
          </span>
        )}
        {!schema.loaded && !schema.error && <span className="toolbar-meta">Loading schema…</span>}
        {schema.error && (
          <span className="toolbar-notice" title={schema.error}>
            Completion without schema: {schema.error}
          </span>
        )}
        <span className="toolbar-spacer" />
        {prod && (
          <span className="prod-badge" title="Production: every write asks for confirmation">
            PROD
          </span>
        )}
        {connection.readOnly && (
          <span className="toolbar-pill" title="Writes are refused on this connection">
            <LockIcon size={11} /> Read-only
          </span>
        )}
        <span className="toolbar-meta" title={connection.target}>
          {connection.target || ENGINE_LABELS[connection.engine]}
        </span>
      </div>
      <SqlEditor
        engine={connection.engine}
        initialText={initialText}
        schemaIndex={schema.index}
        schemaReady={schema.loaded}
        commands={editorCommands}
        onView={(v) => {
          view.current = v;
        }}
        onChange={(text) => {
          setEmpty(!text.trim());
          onTextRef.current?.(text);
        }}
      />
      <div className="query-split" role="separator" aria-orientation="horizontal" aria-label="Resize editor and results" onPointerDown={split.onPointerDown} onDoubleClick={split.reset} />
      <div className="query-result">
        <ResultsWithPlan plan={plan} connection={connection}><ResultsArea runner={runner} connection={connection} ai={ai} /></ResultsWithPlan>
      </div>
      <AiPane host={ai} connection={connection} />
      <RunToFileConfirm run={toFile} connection={connection} />
      {state.phase === 'confirm' && (
        <ConfirmRunDialog
          request={state.request}
          connectionName={connection.name}
          prod={prod}
          onCancel={() => {
            decline();
            setNotice({ text: 'Nothing ran: the script was not confirmed.', tone: 'info' });
          }}
          onConfirm={() => runner.run(state.sql, true)}
        />
      )}
      {runner.prompt && (
        <ParamsDialog keys={runner.prompt.keys} initial={runner.previousValues} onRun={runner.submitParams} onCancel={runner.cancelParams} />
      )}
    </section>
  );
}
