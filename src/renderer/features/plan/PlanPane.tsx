/** One explained plan: tree or graph, the raw plan beside it (toggle), and the advisor's findings. */
import { useMemo, useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import type { AdviseResult } from '../../../shared/plan/types';
import { FindingsList } from './FindingsList';
import { compact, planRows, rawText, visibleRows } from './model';
import { PlanGraph } from './PlanGraph';
import { PlanTree } from './PlanTree';

/** Props of a pane. */
export interface PlanPaneProps {
  connection: ConnectionSummary;
  sql: string;
  analyze: boolean;
  result: AdviseResult;
  mode: 'tree' | 'graph';
  showRaw: boolean;
  /** A title above the pane (compare mode). */
  title?: string;
}

/** The plan and its findings. */
export function PlanPane({ connection, sql, analyze, result, mode, showRaw, title }: PlanPaneProps): ReactNode {
  const rows = useMemo(() => planRows(result.explain.plan, result.findings), [result]);
  const [selected, setSelected] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => visibleRows(rows, collapsed), [rows, collapsed]);
  const select = (path: string) => {
    // A finding may cite a node inside a collapsed branch: open its ancestors.
    setCollapsed((c) => new Set([...c].filter((p) => !path.startsWith(`${p}.`))));
    setSelected(path);
  };
  const toggle = (path: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  const root = result.explain.plan;
  const headline = [root.timeMs !== undefined ? `${compact(root.timeMs)} ms` : '', root.cost !== undefined ? `cost ${compact(root.cost)}` : '', `${rows.length} nodes`].filter(Boolean).join(' · ');
  return (
    <div className="plan-pane" data-testid="plan-pane">
      <div className="plan-pane-head">
        {title && <b>{title}</b>}
        <span className="plan-muted">{headline}</span>
        {rows[0]?.metric !== 'none' && (
          <span className="plan-legend">bar: share of {rows[0]?.metric === 'time' ? 'time' : 'estimated cost'} (dark: the node itself)</span>
        )}
      </div>
      <div className={`plan-pane-body${showRaw ? ' with-raw' : ''}`}>
        <div className="plan-pane-main">
          {mode === 'tree' ? <PlanTree rows={shown} selected={selected} onSelect={select} collapsed={collapsed} onToggle={toggle} /> : <PlanGraph rows={rows} selected={selected} onSelect={select} />}
          <FindingsList connection={connection} sql={sql} analyze={analyze} findings={result.findings} onSelect={select} />
        </div>
        {showRaw && (
          <pre className="plan-raw" aria-label="Raw plan">
            {rawText(result.explain.raw)}
          </pre>
        )}
      </div>
    </div>
  );
}
