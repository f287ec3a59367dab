/**
 * The results panel under the editor: one sub-tab per result set plus Messages, the run's state,
 * live row count and duration, and Cancel while running.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { StopIcon } from '../../ui/icons';
import { MessagesView } from './MessagesView';
import { formatDuration, messageBadge, messageEntries, plural, resultTabs, runState } from './panelModel';
import { ResultSetView } from './ResultSetView';
import type { ResultsPanelProps } from './types';
import './results.css';

const MESSAGES = 'messages';

const STATE_LABELS = { idle: 'Ready', running: 'Running', done: 'Done', cancelled: 'Cancelled', error: 'Error' } as const;

/** The results panel (see module comment). */
export function ResultsPanel(props: ResultsPanelProps): ReactNode {
  const { outcome, running, liveResultSets, onCancel, error } = props;
  const tabs = useMemo(() => resultTabs(outcome, liveResultSets), [outcome, liveResultSets]);
  const entries = useMemo(() => messageEntries(outcome, error), [outcome, error]);
  const badge = messageBadge(entries);
  const state = runState(outcome, running, error);
  // The user's tab choice, remembered for the run it was made in.
  const [choice, setChoice] = useState<{ runKey: string; tab: string } | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [running]);

  // A new run (or a new result set) re-picks the tab unless the user's choice still exists.
  const fallback = badge.errors > 0 || tabs.length === 0 ? MESSAGES : tabs[0]!.resultId;
  const runKey = running?.runId ?? outcome?.runId ?? '';
  const active = choice?.runKey === runKey ? choice.tab : null;
  const setActive = (tab: string): void => setChoice({ runKey, tab });
  const current =
    active && (active === MESSAGES || tabs.some((t) => t.resultId === active)) ? active : fallback;

  const duration = running ? now - running.startedAt : outcome?.durationMs;
  const activeTab = tabs.find((t) => t.resultId === current);

  if (state === 'idle')
    return (
      <section className="results-panel" aria-label="Results">
        <div className="rs-empty">
          <p>Run a query to see its results here.</p>
          <p className="rs-muted">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> runs the statement at the cursor · <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+
            <kbd>Enter</kbd> runs the script
          </p>
        </div>
      </section>
    );

  return (
    <section className="results-panel" aria-label="Results">
      <div className="rs-tabs" role="tablist" aria-label="Result sets">
        {tabs.map((t) => (
          <button
            key={t.resultId}
            type="button"
            role="tab"
            aria-selected={current === t.resultId}
            className="rs-tab"
            onClick={() => setActive(t.resultId)}
            title={t.statement?.sql.slice(0, 300)}
          >
            {t.label}
          </button>
        ))}
        <button
          type="button"
          role="tab"
          aria-selected={current === MESSAGES}
          className="rs-tab"
          onClick={() => setActive(MESSAGES)}
        >
          Messages
          {badge.errors > 0 && <span className="rs-badge is-error">{badge.errors}</span>}
          {badge.errors === 0 && badge.warnings > 0 && <span className="rs-badge is-warning">{badge.warnings}</span>}
        </button>
        <span className="rs-spacer" />
        <span className={`rs-state is-${state}`} data-testid="run-state">
          {state === 'running' && <span className="spinner" />}
          {STATE_LABELS[state]}
        </span>
        {running && tabs.length === 0 && <span className="rs-muted">waiting for rows…</span>}
        {outcome && !running && (
          <span className="rs-muted">{plural(outcome.statements.length, 'statement')}</span>
        )}
        {duration !== undefined && (
          <span className="rs-duration" data-testid="run-duration">
            {formatDuration(duration)}
          </span>
        )}
        {running && (
          <button type="button" className="btn btn-small btn-danger" onClick={onCancel}>
            <StopIcon size={10} /> Cancel
          </button>
        )}
      </div>
      <div className="rs-content">
        {activeTab ? (
          <ResultSetView
            key={activeTab.resultId}
            tab={activeTab}
            connectionId={props.connectionId}
            engine={props.engine}
          />
        ) : (
          <MessagesView entries={entries} onJumpTo={props.onJumpTo} />
        )}
      </div>
    </section>
  );
}
