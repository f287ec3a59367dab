/** Contract part — Plans and optimisation: advisor findings, what-if sandbox, workload, applying suggestions. */
import { z } from 'zod';
import type { AdviseResult, PlanAuditEntry, WhatIfResult, WorkloadResult } from '../plan/types';
import { id, request } from './define';

const sql = z.string().min(1).max(1_000_000);
const ddl = z.string().min(1).max(10_000);

/** Requests of this feature (method names must also be listed in contractNames.ts). */
export const planRequests = {
  /** Explains a statement (optionally with ANALYZE, rolled back) and runs the offline advisor over the plan. */
  'plan.advise': request<AdviseResult>()(z.strictObject({ connectionId: id, sql, analyze: z.boolean().optional() })),
  /** Plans before/after a hypothetical CREATE INDEX; nothing is kept (PostgreSQL: rolled back; SQLite: on a copy). */
  'plan.whatIf': request<WhatIfResult>()(z.strictObject({ connectionId: id, sql, createIndex: ddl, analyze: z.boolean().optional() })),
  /** Top statements from the server's statistics, or how to enable them. */
  'plan.workload': request<WorkloadResult>()(z.strictObject({ connectionId: id })),
  /** Applies an index/statistics suggestion: refused read-only; prod needs `confirmed`; audited. */
  'plan.apply': request<PlanAuditEntry>()(z.strictObject({ connectionId: id, sql: ddl, undo: z.string().max(10_000), confirmed: z.boolean().optional() })),
  /** Applied suggestions of a connection, newest first. */
  'plan.audit.list': request<PlanAuditEntry[]>()(z.strictObject({ connectionId: id })),
} as const;

/** Events of this feature (names must also be listed in contractNames.ts). */
export const planEvents = {} as const;

export type { AdviseResult, Finding, PlanAuditEntry, WhatIfResult, WorkloadResult, WorkloadStatement } from '../plan/types';
