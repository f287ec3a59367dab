/**
 * Which component renders each view tab. Each feature owns its view component; this file only
 * maps kinds to them (lazy, so the editor does not pay for the diagram library at start-up).
 */
import { Suspense, type ComponentType, type ReactNode } from 'react';
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

function Pending({ what }: { what: string }): ReactNode {
  return <div className="result-empty">{what} is not available yet.</div>;
}

const VIEWS: Record<ViewKind, ComponentType<ViewProps>> = {
  erd: () => <Pending what="The ER diagram" />,
  docs: () => <Pending what="The documentation view" />,
  workload: () => <Pending what="The workload view" />,
  'ai-settings': () => <Pending what="AI settings" />,
  'ai-log': () => <Pending what="The AI request log" />,
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
