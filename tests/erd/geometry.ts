/** Geometry checks shared by the ER layout tests. */
import type { ErLayout, ErRect } from '../../src/shared/erd/layout';

/** Pairs of node ids whose rectangles intersect (touching edges do not count). */
export function overlappingPairs(layout: ErLayout): [string, string][] {
  const list = Object.entries(layout.nodes);
  const out: [string, string][] = [];
  const hit = (a: ErRect, b: ErRect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (hit(list[i]![1], list[j]![1])) out.push([list[i]![0], list[j]![0]]);
  return out;
}
