/**
 * Which component renders each view tab. Each feature owns its view component; this file only
 * maps kinds to them (lazy, so the editor does not pay for the diagram library at start-up).
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import type { ViewKind } from '../tabs/model';

/** Props every view receives. */
export interface ViewProps {
  connection: ConnectionSummary;
  /** The tab's parameters (e.g. `table`, `hops`, `page`). */
  params: Record<string, string>;
  /** Whether the tab is visible (views may pause work while hidden). */
  active: boolean;
}

const VIEWS: Record<ViewKind, ComponentType<ViewProps>> = {
  erd: lazy(() => import('../erd/ErdView')),
  docs: lazy(() => import('../docs/DocsView')),
  workload: lazy(() => import('../plan/WorkloadView').then((m) => ({ default: m.WorkloadView }))),
  'ai-settings': lazy(() => import('../aiSettings/AiSettingsView')),
  'ai-log': lazy(() => import('../aiSettings/AiLogView')),
};

/** Renders the view of a tab. */
export function ViewTab(props: ViewProps & { kind: ViewKind }): ReactNode {
  const View = VIEWS[props.kind];
  return (
    <Suspense fallback={<div className="result-empty">Loading…</div>}>
      <View connection={props.connection} params={props.params} active={props.active} />
    </Suspense>
  );
}
