/**
 * The plan actions of a query tab, kept out of QueryTab.tsx: "Explain" / "Explain analyze" on
 * the statement at the cursor (or the selection), their palette commands, the Results | Plan
 * sub-tabs, and the view's state.
 */
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import type { EditorView } from '@codemirror/view';
import type { ConnectionSummary } from '../../../shared/contract';
import { openView } from '../../app/openView';
import { runTarget } from '../editor/runModel';
import { registerCommands } from '../palette/commands';
import { takeExplainOnOpen } from './explainOnOpen';
import type { PlanRequest } from './PlanView';
import './planActions.css';

const PlanView = lazy(() => import('./PlanView').then((m) => ({ default: m.PlanView })));

/** Plan state and actions of one query tab. */
export interface PlanActions {
  request: PlanRequest | null;
  tab: 'results' | 'plan';
  setTab(tab: 'results' | 'plan'): void;
  explain(analyze: boolean): void;
}

/** Binds Explain to the tab's editor; switches back to Results when a run starts. */
export function usePlanActions(connection: ConnectionSummary, view: React.RefObject<EditorView | null>, active: boolean, runPhase: string): PlanActions {
  const [request, setRequest] = useState<PlanRequest | null>(null);
  const [tab, setTab] = useState<'results' | 'plan'>('results');
  const nonce = useRef(0);
  const explain = (analyze: boolean) => {
    const v = view.current;
    if (!v) return;
    const sel = v.state.selection.main;
    const target = runTarget(v.state.doc.toString(), { from: sel.from, to: sel.to }, 'current', connection.engine);
    if (!target) return;
    nonce.current += 1;
    setRequest({ sql: target.sql, analyze, nonce: nonce.current });
    setTab('plan');
  };
  const explainRef = useRef(explain);
  useEffect(() => {
    explainRef.current = explain;
  });
  // A run starting shows its results (state adjusted while rendering, not in an effect).
  const [lastPhase, setLastPhase] = useState(runPhase);
  if (runPhase !== lastPhase) {
    setLastPhase(runPhase);
    if (runPhase === 'running') setTab('results');
  }
  // Opened from the Workload view's "Open in plan view": explain as soon as the editor exists.
  useEffect(() => {
    const v = view.current;
    if (v && takeExplainOnOpen(connection.id, v.state.doc.toString())) explainRef.current(false);
  }, [view, connection.id]);
  useEffect(() => {
    if (!active) return undefined;
    return registerCommands('plan-actions', [
      { id: 'plan.explain', title: 'Explain statement (plan + advisor)', group: 'Run', run: () => explainRef.current(false) },
      { id: 'plan.explainAnalyze', title: 'Explain analyze statement (runs it, rolled back)', group: 'Run', run: () => explainRef.current(true) },
      { id: 'plan.workload', title: 'Open workload (top statements)', group: 'View', run: () => openView({ view: 'workload', connectionId: connection.id, title: `Workload · ${connection.name}` }) },
    ]);
  }, [active, connection.id, connection.name]);
  return { request, tab, setTab, explain };
}

/** The toolbar buttons. */
export function PlanToolbarButtons({ plan, disabled }: { plan: PlanActions; disabled: boolean }): ReactNode {
  return (
    <>
      <button type="button" className="btn plan-action" disabled={disabled} onClick={() => plan.explain(false)} title="Show the plan of the statement at the cursor, with the advisor's findings">
        Explain
      </button>
      <button type="button" className="btn plan-action" disabled={disabled} onClick={() => plan.explain(true)} title="Run the statement (inside a rolled-back transaction) for actual rows and times">
        Explain analyze
      </button>
    </>
  );
}

/** Results | Plan sub-tabs around the results area (no tabs until something was explained). */
export function ResultsWithPlan({ plan, connection, children }: { plan: PlanActions; connection: ConnectionSummary; children: ReactNode }): ReactNode {
  if (!plan.request) return children;
  return (
    <div className="plan-subtabs-host">
      <div className="plan-subtabs" role="tablist" aria-label="Results or plan">
        <button type="button" role="tab" aria-selected={plan.tab === 'results'} className={plan.tab === 'results' ? 'is-on' : ''} onClick={() => plan.setTab('results')}>
          Results
        </button>
        <button type="button" role="tab" aria-selected={plan.tab === 'plan'} className={plan.tab === 'plan' ? 'is-on' : ''} onClick={() => plan.setTab('plan')}>
          Plan
        </button>
      </div>
      <div className="plan-subtab-body" hidden={plan.tab !== 'results'}>
        {children}
      </div>
      {plan.tab === 'plan' && (
        <div className="plan-subtab-body">
          <Suspense fallback={<div className="result-empty">Loading…</div>}>
            <PlanView connection={connection} request={plan.request} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
