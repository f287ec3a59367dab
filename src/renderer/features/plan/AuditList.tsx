/** Suggestions applied on a connection (from the plan audit), newest first, with their undo SQL. */
import type { ReactNode } from 'react';
import { useRequest } from '../../api/hooks';

/** The audit of applied suggestions. */
export function AuditList({ connectionId }: { connectionId: string }): ReactNode {
  const audit = useRequest('plan.audit.list', { connectionId });
  const entries = audit.data ?? [];
  return (
    <section className="plan-audit" aria-label="Applied suggestions">
      <div className="plan-findings-head">Applied suggestions</div>
      {entries.length === 0 ? (
        <div className="plan-muted">None yet: suggestions applied from the plan view are recorded here with their undo.</div>
      ) : (
        <table className="workload-table">
          <thead>
            <tr><th>When</th><th>Applied</th><th>Undo</th><th>Outcome</th></tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.appliedAt).toLocaleString()}</td>
                <td className="workload-sql">{e.sql}</td>
                <td className="workload-sql">{e.rollbackSql || '—'}</td>
                <td className={e.outcome === 'failed' ? 'plan-error' : 'plan-ok'} title={e.error}>{e.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
