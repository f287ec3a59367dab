/** The compact graph mode: boxes and lines in one SVG, the box's fill showing its share. */
import { useMemo, type ReactNode } from 'react';
import { GRAPH, graphLayout, type PlanRowModel } from './model';

/** Props of the graph. */
export interface PlanGraphProps {
  rows: PlanRowModel[];
  selected: string | null;
  onSelect(path: string): void;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The plan drawn top-down. */
export function PlanGraph({ rows, selected, onSelect }: PlanGraphProps): ReactNode {
  const g = useMemo(() => graphLayout(rows), [rows]);
  const at = new Map(g.boxes.map((b) => [b.path, b]));
  const pad = 12;
  return (
    <div className="plan-graph">
      <svg width={g.width + pad * 2} height={g.height + pad} role="img" aria-label="Plan graph">
        <g transform={`translate(${pad},${pad})`}>
          {g.edges.map(([a, b]) => {
            const p = at.get(a)!;
            const c = at.get(b)!;
            return <path key={`${a}-${b}`} className="plan-edge" d={`M${p.x + GRAPH.w / 2},${p.y + GRAPH.h} C${p.x + GRAPH.w / 2},${p.y + GRAPH.h + GRAPH.dy / 2} ${c.x + GRAPH.w / 2},${c.y - GRAPH.dy / 2} ${c.x + GRAPH.w / 2},${c.y}`} />;
          })}
          {g.boxes.map((b) => (
            <g key={b.path} transform={`translate(${b.x},${b.y})`} className={`plan-box${selected === b.path ? ' is-selected' : ''}${b.severity ? ` has-${b.severity}` : ''}`} onClick={() => onSelect(b.path)} data-path={b.path}>
              <title>{`${b.label}\n${b.sub}`}</title>
              <rect width={GRAPH.w} height={GRAPH.h} rx={5} className="plan-box-bg" />
              <rect width={GRAPH.w * b.share} height={4} y={GRAPH.h - 4} className="plan-box-share" />
              <text x={8} y={17} className="plan-box-label">{clip(b.label, 27)}</text>
              <text x={8} y={33} className={`plan-box-sub${b.misestimate ? ' is-misestimate' : ''}`}>{clip(b.sub, 30)}</text>
            </g>
          ))}
        </g>
      </svg>
    </div>
  );
}
