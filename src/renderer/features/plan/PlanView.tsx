/**
 * The Plan sub-tab of a query tab: explains the statement (plan.advise), shows the tree or graph
 * with the advisor's findings, the raw plan on demand, and "Compare": pin a plan, explain again,
 * see both side by side.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { toAppError } from '../../../shared/errors';
import type { AdviseResult } from '../../../shared/plan/types';
import { useApi } from '../../api/hooks';
import { PlanPane } from './PlanPane';
import './plan.css';

/** What to explain; `nonce` changes on every click so the same SQL can be explained again. */
export interface PlanRequest {
  sql: string;
  analyze: boolean;
  nonce: number;
}

/** Props of the plan view. */
export interface PlanViewProps {
  connection: ConnectionSummary;
  request: PlanRequest;
}

interface Loaded {
  request: PlanRequest;
  result: AdviseResult;
}

/** The plan view. */
export function PlanView({ connection, request }: PlanViewProps): ReactNode {
  const api = useApi();
  const [state, setState] = useState<{ nonce: number; loaded?: Loaded; error?: string }>({
    nonce: -1,
  });
  const [mode, setMode] = useState<'tree' | 'graph'>('tree');
  const [showRaw, setShowRaw] = useState(false);
  const [pinned, setPinned] = useState<Loaded | null>(null);

  // One call per request, even when React runs the effect twice (StrictMode) or re-renders.
  const inflight = useRef<{ nonce: number; promise: Promise<AdviseResult> } | null>(null);
  useEffect(() => {
    let live = true;
    if (inflight.current?.nonce !== request.nonce)
      inflight.current = {
        nonce: request.nonce,
        promise: api.call('plan.advise', {
          connectionId: connection.id,
          sql: request.sql,
          analyze: request.analyze,
        }),
      };
    inflight.current.promise
      .then((result) => live && setState({ nonce: request.nonce, loaded: { request, result } }))
      .catch(
        (err: unknown) =>
          live && setState({ nonce: request.nonce, error: toAppError(err).message }),
      );
    return () => {
      live = false;
    };
  }, [api, connection.id, request]);

  const loading = state.nonce !== request.nonce;
  const loaded = state.loaded;
  return (
    <div className="plan-view" data-testid="plan-view">
      <div className="plan-toolbar">
        <span className="plan-seg" role="group" aria-label="Plan display">
          <button
            type="button"
            className={`btn btn-small${mode === 'tree' ? ' is-on' : ''}`}
            aria-pressed={mode === 'tree'}
            onClick={() => setMode('tree')}
          >
            Tree
          </button>
          <button
            type="button"
            className={`btn btn-small${mode === 'graph' ? ' is-on' : ''}`}
            aria-pressed={mode === 'graph'}
            onClick={() => setMode('graph')}
          >
            Graph
          </button>
        </span>
        <label className="plan-check">
          <input type="checkbox" checked={showRaw} onChange={(e) => setShowRaw(e.target.checked)} />{' '}
          Raw plan
        </label>
        {pinned ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setPinned(null)}
            title="Stop comparing"
          >
            Unpin
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            disabled={!loaded}
            onClick={() => loaded && setPinned(loaded)}
            title="Pin this plan, then explain again to compare the two side by side"
          >
            Compare (pin)
          </button>
        )}
        <span className="plan-muted plan-toolbar-sql" title={request.sql}>
          {request.analyze ? 'EXPLAIN ANALYZE' : 'EXPLAIN'} ·{' '}
          {request.sql.replace(/\s+/g, ' ').slice(0, 120)}
        </span>
        {loading && <span className="plan-muted">Explaining…</span>}
      </div>
      {state.error && !loading && (
        <div className="plan-error plan-error-box" role="alert">
          {state.error}
        </div>
      )}
      {loaded && (
        <div className={`plan-panes${pinned ? ' is-compare' : ''}`}>
          {pinned && (
            <PlanPane
              connection={connection}
              sql={pinned.request.sql}
              analyze={pinned.request.analyze}
              result={pinned.result}
              mode={mode}
              showRaw={showRaw}
              title="Pinned"
            />
          )}
          {loading ? (
            <div className="plan-pane plan-pane-loading">Explaining…</div>
          ) : (
            <PlanPane
              key={state.nonce}
              connection={connection}
              sql={loaded.request.sql}
              analyze={loaded.request.analyze}
              result={loaded.result}
              mode={mode}
              showRaw={showRaw}
              {...(pinned ? { title: 'Latest' } : {})}
            />
          )}
        </div>
      )}
    </div>
  );
}
