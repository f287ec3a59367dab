/**
 * Node paths: a stable address for a node of a normalised plan ("0" is the root, "0.2.1" the
 * second child of the third child of the root). Findings cite nodes by path; the plan view
 * selects them by path.
 */
import type { PlanNode } from '../query';

/** A node with its path and depth, in depth-first (pre-order) order. */
export interface WalkedNode {
  node: PlanNode;
  path: string;
  depth: number;
  parent?: WalkedNode;
}

/** Every node of the plan, depth first (iterative, so deep plans cannot overflow the stack). */
export function walkPlan(root: PlanNode): WalkedNode[] {
  const out: WalkedNode[] = [];
  const stack: WalkedNode[] = [{ node: root, path: '0', depth: 0 }];
  while (stack.length) {
    const w = stack.pop()!;
    out.push(w);
    for (let i = w.node.children.length - 1; i >= 0; i--)
      stack.push({ node: w.node.children[i]!, path: `${w.path}.${i}`, depth: w.depth + 1, parent: w });
  }
  return out;
}

/** The node at `path`, or undefined when the path does not exist in this plan. */
export function nodeAt(root: PlanNode, path: string): PlanNode | undefined {
  const parts = path.split('.');
  if (parts[0] !== '0') return undefined;
  let node: PlanNode | undefined = root;
  for (const p of parts.slice(1)) node = node?.children[Number(p)];
  return node;
}

/** A one-line label of a node, for findings and the CLI ("Seq Scan on public.orders"). */
export function nodeLabel(node: PlanNode): string {
  return node.relation && !node.op.includes(node.relation) ? `${node.op} on ${node.relation}` : node.op;
}
