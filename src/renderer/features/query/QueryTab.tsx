/** A minimal query tab: a SQL box, Run/Cancel, and the first page of the first result. */
import { useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { LockIcon, PlayIcon, StopIcon } from '../../ui/icons';
import { ENGINE_LABELS } from '../connections/model';
import { ConfirmRunDialog } from './ConfirmRunDialog';
import { initialSql } from './model';
import { RunResult } from './RunResult';
import { useQueryRun } from './useQueryRun';
import './query.css';

/** The query tab of one connection. */
export function QueryTab({ connection }: { connection: ConnectionSummary }): ReactNode {
  const [sql, setSql] = useState(() => initialSql(connection));
  const { state, run, cancel, decline } = useQueryRun(connection.id);
  const prod = connection.environment === 'prod';
  const running = state.phase === 'running';
  const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  return (
    <section
      className={`query-tab${prod ? ' is-prod' : ''}`}
      aria-label={`Query ${connection.name}`}
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
            onClick={() => run(sql)}
            disabled={!sql.trim()}
            title={`Run (${isMac ? '⌘' : 'Ctrl'}+Enter)`}
          >
            <PlayIcon size={12} /> Run
          </button>
        )}
        <span className="kbd-hint">
          <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd>+<kbd>Enter</kbd>
        </span>
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
      <textarea
        className="sql-input"
        value={sql}
        spellCheck={false}
        aria-label="SQL editor"
        onChange={(e) => setSql(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            run(sql);
          }
        }}
      />
      <div className="query-result">
        <RunResult state={state} />
      </div>
      {state.phase === 'confirm' && (
        <ConfirmRunDialog
          request={state.request}
          connectionName={connection.name}
          prod={prod}
          onCancel={decline}
          onConfirm={() => run(state.sql, true)}
        />
      )}
    </section>
  );
}
