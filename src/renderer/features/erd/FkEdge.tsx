/**
 * A foreign-key edge: ELK's orthogonal route while both tables sit where the layout put them,
 * otherwise (a table was dragged, or no route) xyflow's smooth-step path between the handles.
 */
import { memo, type ReactNode } from 'react';
import { BaseEdge, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { ErPoint } from './erTypes';
import type { FkEdgeData } from './model';

/** The xyflow edge type of a foreign key. */
export type FkFlowEdge = Edge<FkEdgeData, 'fk'>;

/** How far (px, flow units) a handle may sit from ELK's route end for the route to still apply. */
const TOLERANCE = 4;

const near = (p: ErPoint | undefined, x: number, y: number): boolean =>
  p !== undefined && Math.abs(p.x - x) <= TOLERANCE && Math.abs(p.y - y) <= TOLERANCE;

/** SVG path of a polyline. */
export function polylinePath(points: readonly ErPoint[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' ');
}

function FkEdgeView(props: EdgeProps<FkFlowEdge>): ReactNode {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } =
    props;
  const pts = data?.points;
  let path: string;
  if (
    pts &&
    pts.length >= 2 &&
    near(pts[0], sourceX, sourceY) &&
    near(pts[pts.length - 1], targetX, targetY)
  ) {
    // Snap the ends onto the handles so the line touches the row exactly.
    path = polylinePath([
      { x: sourceX, y: sourceY },
      ...pts.slice(1, -1),
      { x: targetX, y: targetY },
    ]);
  } else if (data?.selfLoop) {
    const x = Math.max(sourceX, targetX) + 24;
    path = polylinePath([
      { x: sourceX, y: sourceY },
      { x, y: sourceY },
      { x, y: targetY },
      { x: targetX, y: targetY },
    ]);
  } else {
    [path] = getSmoothStepPath({
      sourceX,
      sourceY,
      targetX,
      targetY,
      sourcePosition,
      targetPosition,
      borderRadius: 6,
    });
  }
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        {...(markerEnd ? { markerEnd } : {})}
        interactionWidth={10}
      />
      <title>{data?.title}</title>
    </>
  );
}

/** The memoised foreign-key edge. */
export const FkEdge = memo(FkEdgeView);
