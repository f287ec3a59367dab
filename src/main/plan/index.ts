/** The plan feature's public surface: the pure advisor (for the AI's optimise task), facts, and the service. */
export { advise, type AdviseContext } from './advisor/advise';
export { indexSql, analyzeSql, quoteIdent } from './advisor/ddl';
export { factsOf, type PlanFacts } from '../../shared/plan/facts';
export { PlanService } from './planService';
export type { Finding, AdviseResult, WhatIfResult, WorkloadResult } from '../../shared/plan/types';
