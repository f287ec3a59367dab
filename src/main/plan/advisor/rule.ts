/** The shape every advisor rule shares: the walked plan with facts, the context, the table resolver. */
import type { PlanNode } from '../../../shared/query';
import type { PlanFacts } from '../../../shared/plan/facts';
import type { AdviseContext, TableResolver } from './context';

/** A plan node as rules see it. */
export interface RuleNode {
  node: PlanNode;
  path: string;
  facts: PlanFacts;
  /** One-line label ("Seq Scan on orders"). */
  label: string;
  parentPath?: string;
}

/** Everything a rule reads. */
export interface RuleInput {
  ctx: AdviseContext;
  nodes: RuleNode[];
  tables: TableResolver;
}
