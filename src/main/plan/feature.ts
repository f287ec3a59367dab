/** The plan feature's handlers, built from the shared services. */
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';
import { PlanService } from './planService';

/** Builds the feature; its access is the PlanService (the AI's optimise task may advise through it). */
export function createPlanFeature(deps: FeatureDeps): Feature<MethodsOf<'plan.'>, PlanService> {
  const plans = new PlanService({ db: deps.db, sessions: deps.sessions, schemas: deps.schemas });
  return {
    handlers: {
      'plan.advise': ({ connectionId, sql, analyze }) => plans.advise(connectionId, sql, analyze === true),
      'plan.whatIf': ({ connectionId, sql, createIndex, analyze }) => plans.whatIf(connectionId, sql, createIndex, analyze === true),
      'plan.workload': ({ connectionId }) => plans.workload(connectionId),
      'plan.apply': ({ connectionId, sql, undo, confirmed }) => plans.apply(connectionId, sql, undo, confirmed === true),
      'plan.audit.list': async ({ connectionId }) => plans.auditList(connectionId),
    },
    access: plans,
  };
}
