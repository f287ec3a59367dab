/**
 * The offline plan advisor: pure (no database, no AI), one pass of rules over the normalised
 * plan. The AI's "optimise" task builds on these findings.
 */
import type { PlanNode } from '../../../shared/query';
import { factsOf } from '../../../shared/plan/facts';
import { nodeLabel, walkPlan } from '../../../shared/plan/paths';
import type { Finding, FindingSeverity } from '../../../shared/plan/types';
import { TableResolver, type AdviseContext } from './context';
import { fkWithoutIndex, nestedLoopLargeOuter, rowMisestimate, spillToDisk } from './joinRules';
import type { RuleInput, RuleNode } from './rule';
import { functionOnIndexedColumn, selectStarWide, seqScanSelective } from './scanRules';

const RULES = [seqScanSelective, fkWithoutIndex, spillToDisk, nestedLoopLargeOuter, functionOnIndexedColumn, selectStarWide, rowMisestimate];
const ORDER: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** Runs every rule over `plan`; findings come most severe first, each citing one node by path. */
export function advise(plan: PlanNode, context: AdviseContext): Finding[] {
  const nodes: RuleNode[] = walkPlan(plan).map((w) => ({
    node: w.node,
    path: w.path,
    facts: factsOf(w.node),
    label: nodeLabel(w.node),
    ...(w.parent ? { parentPath: w.parent.path } : {}),
  }));
  const input: RuleInput = { ctx: context, nodes, tables: new TableResolver(context) };
  const findings = RULES.flatMap((rule) => rule(input));
  // One index suggestion once: two rules may suggest the same CREATE INDEX.
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.rule}|${f.nodePath}|${f.sql?.apply ?? f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

export type { AdviseContext } from './context';
