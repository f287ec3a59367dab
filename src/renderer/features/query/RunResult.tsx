/** The lower half of a query tab: the result table, an error, or a summary. */
import type { ReactNode } from 'react';
import { WarningIcon } from '../../ui/icons';
import { ResultTable } from './ResultTable';
import { errorLocation, resultCaption } from './model';
import type { RunState } from './useQueryRun';

/** Shows whatever the latest run produced. */
export function RunResult({ state }: { state: RunState }): ReactNode {
  switch (state.phase) {
    case 'idle':
      return <div className="result-empty">Run a query to see its results here.</div>;
    case 'running':
      return (
        <div className="result-empty" aria-busy="true">
          <span className="spinner" /> Running…
        </div>
      );
    case 'failed':
      return (
        <ErrorCard
          code={state.error.code}
          message={state.error.message}
          hint={state.error.detail?.hint}
        />
      );
    case 'confirm':
      return <div className="result-empty">Waiting for your confirmation…</div>;
    case 'done':
      break;
  }
  const { view, page } = state;
  if (view.kind === 'error')
    return (
      <ErrorCard
        code={view.error.code}
        message={view.error.message}
        hint={view.error.detail?.hint}
        where={errorLocation(view.error)}
      />
    );
  if (view.kind === 'cancelled')
    return <div className="result-empty">The query was cancelled.</div>;
  if (view.kind === 'done') return <div className="result-empty result-ok">{view.message}</div>;
  return (
    <div className="result">
      <div className="result-caption" data-testid="result-caption">
        {page ? resultCaption(page.rows.length, page.total, page.complete, state.durationMs) : ''}
      </div>
      {page && <ResultTable columns={view.result.columns} page={page} />}
    </div>
  );
}

function ErrorCard(props: {
  code: string;
  message: string;
  hint?: string | undefined;
  where?: string | null;
}): ReactNode {
  return (
    <div className="error-card" role="alert">
      <WarningIcon size={18} />
      <div>
        <p className="error-card-message">{props.message}</p>
        <p className="error-card-meta">
          {props.code}
          {props.where ? ` · ${props.where}` : ''}
        </p>
        {props.hint && <p className="error-card-hint">{props.hint}</p>}
      </div>
    </div>
  );
}
