/**
 * The pieces the query tab places: the toolbar toggle, the right-side pane (a resize handle and
 * the panel) and the "Fix this error" bar over a failed run's results.
 */
import type { PointerEvent as ReactPointerEvent, ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { AiPanel } from './AiPanel';
import type { AiHost } from './useAiHost';
import './ai.css';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** The editor-toolbar button that opens and closes the panel. */
export function AiToggle({ host }: { host: AiHost }): ReactNode {
  return (
    <button
      type="button"
      className={`btn ai-toggle${host.open ? ' is-on' : ''}`}
      aria-pressed={host.open}
      onClick={host.toggle}
      title={`AI assistant (${isMac ? '⌘' : 'Ctrl'}+I)`}
    >
      <span className="ai-spark" aria-hidden="true">✦</span> AI
    </button>
  );
}

/** The resize handle and the panel, in the tab's right-hand columns; nothing while closed. */
export function AiPane({ host, connection }: { host: AiHost; connection: ConnectionSummary }): ReactNode {
  if (!host.open) return null;
  const onPointerDown = (e: ReactPointerEvent<HTMLElement>): void => {
    const tab = e.currentTarget.parentElement?.getBoundingClientRect();
    if (!tab) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent): void => host.resize(tab.right - ev.clientX, tab.width);
    const up = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  return (
    <>
      <div className="ai-split" role="separator" aria-orientation="vertical" aria-label="Resize the AI panel" onPointerDown={onPointerDown} onDoubleClick={() => host.resize(400, Infinity)} />
      <div className="ai-pane">
        <AiPanel
          ai={host.ai}
          connection={connection}
          allTables={host.tables}
          defaultSchema={host.defaultSchema}
          insert={host.insert}
          run={host.run}
          explain={host.explainAtCursor}
          optimise={host.optimiseAtCursor}
          onClose={host.close}
          focusTick={host.focusTick}
        />
      </div>
    </>
  );
}

/** "Fix this error" over the results of a run that failed in the engine. */
export function AiFixBar({ host }: { host: AiHost | undefined }): ReactNode {
  const failure = host?.failure;
  if (!host || !failure) return null;
  return (
    <div className="ai-fixbar" data-testid="ai-fixbar">
      <span className="ai-spark" aria-hidden="true">✦</span>
      <span className="ai-fixbar-text">The statement failed: {failure.error}</span>
      <button type="button" className="btn btn-small" onClick={() => host.fix(failure.sql, failure.error)} disabled={host.ai.running}>
        Fix this error
      </button>
    </div>
  );
}
