/** The nouns of the plan advisor shared by main, the contract and the renderer. */
import type { ExplainResult } from '../query';

/** How much a finding matters. */
export type FindingSeverity = 'critical' | 'warning' | 'info';

/** The advisor's rules (stable ids: the UI and the AI task key on them). */
export const ADVISOR_RULES = [
  'seq-scan-selective',
  'fk-without-index',
  'spill-to-disk',
  'nested-loop-large-outer',
  'function-on-indexed-column',
  'select-star-wide',
  'row-misestimate',
] as const;

/** One advisor rule id. */
export type AdvisorRule = (typeof ADVISOR_RULES)[number];

/** A DDL suggestion with the statement that undoes it. */
export interface SuggestedSql {
  apply: string;
  undo: string;
}

/** One thing the advisor noticed, citing the plan node that shows it. */
export interface Finding {
  rule: AdvisorRule;
  /** The heading in words, set by the rule from what it saw (a spill and a sort that only missed an index share a rule). */
  title: string;
  severity: FindingSeverity;
  /** Path of the cited node ("0" = root, "0.1" = its second child; see plan/paths.ts). */
  nodePath: string;
  /** The cited node as one line ("Seq Scan on orders"), so a finding reads on its own. */
  node: string;
  message: string;
  /** What to do, in words (may quote SQL). */
  fix: string;
  /** For index suggestions: the CREATE INDEX and the DROP INDEX that undoes it. */
  sql?: SuggestedSql;
}

/** `plan.advise`: the plan and what the advisor found. */
export interface AdviseResult {
  explain: ExplainResult;
  findings: Finding[];
}

/** `plan.whatIf`: the plan before and after a hypothetical index (nothing is kept). */
export interface WhatIfResult {
  supported: boolean;
  message: string;
  before?: ExplainResult;
  after?: ExplainResult;
}

/** One statement of the server's workload statistics. */
export interface WorkloadStatement {
  query: string;
  calls: number;
  totalMs: number;
  meanMs: number;
  rows: number;
}

/** `plan.workload`: top statements, or why they are not available and how to enable them. */
export interface WorkloadResult {
  available: boolean;
  message: string;
  statements: WorkloadStatement[];
}

/** An applied suggestion, as recorded in the audit. */
export interface PlanAuditEntry {
  id: number;
  connectionId: string;
  appliedAt: string;
  sql: string;
  rollbackSql: string;
  outcome: 'applied' | 'failed';
  error?: string;
}
