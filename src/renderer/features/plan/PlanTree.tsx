/** The plan as an indented tree: each node with its bar (share of time or cost), rows est./actual, buffers and facts. */
import { useEffect, useRef, type ReactNode } from 'react';
import { buffersText, compact, MISESTIMATE_RED, type PlanRowModel } from './model';

/** Props of the tree. */
export interface PlanTreeProps {
  rows: PlanRowModel[];
  selected: string | null;
  onSelect(path: string): void;
  collapsed: ReadonlySet<string>;
  onToggle(path: string): void;
}

function RowsCell({ row }: { row: PlanRowModel }): ReactNode {
  const red = row.misestimate !== undefined && row.misestimate >= MISESTIMATE_RED;
  const title =
    row.misestimate !== undefined
      ? `Estimated ${row.estimatedRows} rows, actual ${row.actualRows}${row.loops && row.loops > 1 ? ` per loop × ${row.loops} loops` : ''} (${row.misestimate.toFixed(1)}× off)`
      : `Estimated ${row.estimatedRows ?? '?'} rows`;
  return (
    <span
      className={`plan-rows${red ? ' is-misestimate' : ''}`}
      title={title}
      data-testid={red ? 'plan-misestimate' : undefined}
    >
      {row.actualRows !== undefined ? (
        <>
          <b>{compact(row.actualRows)}</b> / est. {compact(row.estimatedRows)}
          {red && (
            <span className="plan-mis-factor">
              {' '}
              {row.misestimate! >= 1000 ? '≥1000' : Math.round(row.misestimate!)}×
            </span>
          )}
        </>
      ) : (
        <>est. {compact(row.estimatedRows)}</>
      )}
      {row.loops !== undefined && row.loops > 1 && (
        <span className="plan-loops"> ×{compact(row.loops)}</span>
      )}
    </span>
  );
}

/** The tree of plan rows (already flattened and filtered for collapsed nodes). */
export function PlanTree({
  rows,
  selected,
  onSelect,
  collapsed,
  onToggle,
}: PlanTreeProps): ReactNode {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selected) return;
    list.current?.querySelector(`[data-path="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const metric = rows[0]?.metric ?? 'none';
  // SQLite plans have neither rows nor cost: no empty columns then.
  const showRows = rows.some((r) => r.estimatedRows !== undefined || r.actualRows !== undefined);
  const showBar = metric !== 'none';
  const columns = `auto 18px minmax(0, 1fr)${showRows ? ' var(--plan-rows-w, 150px)' : ''}${showBar ? ' var(--plan-bar-w, 130px)' : ''}`;
  return (
    <div className="plan-tree" role="tree" aria-label="Plan tree" ref={list}>
      {rows.map((r) => (
        <div
          key={r.path}
          role="treeitem"
          aria-selected={selected === r.path}
          aria-expanded={r.hasChildren ? !collapsed.has(r.path) : undefined}
          tabIndex={selected === r.path ? 0 : -1}
          data-path={r.path}
          style={{ gridTemplateColumns: columns }}
          className={`plan-node${selected === r.path ? ' is-selected' : ''}${r.severity ? ` has-${r.severity}` : ''}`}
          onClick={() => onSelect(r.path)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') onToggle(r.path);
          }}
        >
          <span className="plan-indent" style={{ width: r.depth * 16 }} />
          <button
            type="button"
            className="plan-twisty"
            aria-label={collapsed.has(r.path) ? 'Expand' : 'Collapse'}
            disabled={!r.hasChildren}
            onClick={(e) => {
              e.stopPropagation();
              onToggle(r.path);
            }}
          >
            {r.hasChildren ? (collapsed.has(r.path) ? '▸' : '▾') : ''}
          </button>
          <span className="plan-main">
            <span className="plan-op">
              {r.severity && (
                <span className={`plan-sev sev-${r.severity}`} title={`Advisor: ${r.severity}`} />
              )}
              {r.label}
            </span>
            {r.facts.length > 0 && (
              <span className="plan-facts" title={r.facts.join('\n')}>
                {r.facts.join(' · ')}
              </span>
            )}
            {r.buffers && (
              <span
                className="plan-buffers"
                title="Buffers (8 kB blocks): shared hit / read, temp read/written"
              >
                {buffersText(r.buffers)}
              </span>
            )}
          </span>
          {showRows && <RowsCell row={r} />}
          {showBar && (
            <span
              className="plan-bar"
              title={`${(r.selfShare * 100).toFixed(1)}% own ${metric}, ${(r.totalShare * 100).toFixed(1)}% with children`}
            >
              <span className="plan-bar-total" style={{ width: `${r.totalShare * 100}%` }} />
              <span className="plan-bar-self" style={{ width: `${r.selfShare * 100}%` }} />
              <span className="plan-bar-text">{`${Math.round(r.selfShare * 100)}%`}</span>
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
