/** The lower half of a query tab: the RESULTS engineer's panel fed from the tab's run state. */
import { useMemo, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { outcomeInDocument } from '../editor/runModel';
import { ResultsPanel } from '../results';
import { AiFixBar, type AiHost } from '../ai';
import type { useEditorRun } from './useEditorRun';

/** Shows the latest run: live result sets while running, then the outcome or the error. */
export function ResultsArea(props: {
  runner: ReturnType<typeof useEditorRun>;
  connection: ConnectionSummary;
  /** The tab's AI panel ("Fix this error" on a failed statement). */
  ai?: AiHost;
}): ReactNode {
  const { state, live, cancel, jumpTo, ranFrom } = props.runner;
  const raw = state.phase === 'done' ? state.outcome : null;
  const outcome = useMemo(() => raw && outcomeInDocument(raw, ranFrom, ranFrom.offset), [raw, ranFrom]);
  return (
    <>
    <AiFixBar host={props.ai} />
    <ResultsPanel
      outcome={outcome}
      running={state.phase === 'running' ? { runId: state.runId, startedAt: state.startedAt } : null}
      liveResultSets={live}
      onCancel={cancel}
      connectionId={props.connection.id}
      engine={props.connection.engine}
      error={state.phase === 'failed' ? state.error.toData() : null}
      onJumpTo={jumpTo}
    />
    </>
  );
}
