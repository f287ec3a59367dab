/** Advisor findings: each links to the node it cites; index suggestions offer "Try it (what-if)" and "Apply…". */
import { useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { toAppError } from '../../../shared/errors';
import type { Finding, WhatIfResult } from '../../../shared/plan/types';
import { useApi } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { WhatIfCompare } from './WhatIfCompare';

/** Props of the findings list. */
export interface FindingsListProps {
  connection: ConnectionSummary;
  sql: string;
  analyze: boolean;
  findings: Finding[];
  onSelect(path: string): void;
}

/** What-if runs where nothing is kept: PostgreSQL (rolled back) and SQLite (temporary copy). */
export const WHAT_IF_ENGINES = new Set(['postgres', 'sqlite']);

/** The findings of one plan. */
export function FindingsList({ connection, sql, analyze, findings, onSelect }: FindingsListProps): ReactNode {
  const api = useApi();
  const [whatIf, setWhatIf] = useState<{ finding: Finding; result?: WhatIfResult; error?: string } | null>(null);
  const [applying, setApplying] = useState<{ finding: Finding; status?: string; error?: string; busy?: boolean } | null>(null);

  const tryIt = (f: Finding) => {
    setWhatIf({ finding: f });
    api
      .call('plan.whatIf', { connectionId: connection.id, sql, createIndex: f.sql!.apply, analyze })
      .then((result) => setWhatIf({ finding: f, result }))
      .catch((err: unknown) => setWhatIf({ finding: f, error: toAppError(err).message }));
  };
  const apply = (f: Finding) => {
    setApplying({ finding: f, busy: true });
    api
      .call('plan.apply', { connectionId: connection.id, sql: f.sql!.apply, undo: f.sql!.undo, confirmed: true })
      .then((e) => setApplying({ finding: f, status: `Applied at ${new Date(e.appliedAt).toLocaleTimeString()} and recorded in the audit. Undo: ${e.rollbackSql}` }))
      .catch((err: unknown) => setApplying({ finding: f, error: toAppError(err).message }));
  };

  if (findings.length === 0) return <div className="plan-findings plan-findings-empty">Advisor: nothing to report for this plan.</div>;
  return (
    <div className="plan-findings" aria-label="Advisor findings">
      <div className="plan-findings-head">Advisor · {findings.length} finding{findings.length > 1 ? 's' : ''}</div>
      <ul>
        {findings.map((f, i) => (
          <li key={`${f.rule}-${f.nodePath}-${i}`} className={`plan-finding sev-${f.severity}`} data-rule={f.rule}>
            <div className="plan-finding-title">
              <span className={`plan-sev sev-${f.severity}`} />
              <span className="plan-finding-rule">{f.title}</span>
              <button type="button" className="link-button plan-finding-node" onClick={() => onSelect(f.nodePath)} title="Select the node in the plan">
                {f.node}
              </button>
            </div>
            <div className="plan-finding-msg">{f.message}</div>
            <div className="plan-finding-fix">{f.fix}</div>
            {f.sql && (
              <div className="plan-finding-sql">
                <code>{f.sql.apply}</code>
                <div className="plan-finding-actions">
                  {WHAT_IF_ENGINES.has(connection.engine) ? (
                    <button type="button" className="btn btn-small" onClick={() => tryIt(f)}>
                      Try it (what-if)
                    </button>
                  ) : (
                    <span className="plan-muted" title="DDL is not transactional on this engine">What-if not possible on {connection.engine === 'mysql' ? 'MySQL/MariaDB' : 'SQL Server'}</span>
                  )}
                  <button type="button" className="btn btn-small" disabled={connection.readOnly} title={connection.readOnly ? 'Read-only connection: nothing can be applied' : 'Create this index on the database (asks first)'} onClick={() => setApplying({ finding: f })}>
                    Apply…
                  </button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      {whatIf && (
        <Dialog title="What-if: plan with the suggested index" size="large" onClose={() => setWhatIf(null)} testId="plan-whatif">
          <code className="plan-dialog-sql">{whatIf.finding.sql!.apply}</code>
          {!whatIf.result && !whatIf.error && <p className="plan-muted">Creating the index in a sandbox and explaining again…</p>}
          {whatIf.error && <p className="plan-error">{whatIf.error}</p>}
          {whatIf.result && <WhatIfCompare result={whatIf.result} />}
        </Dialog>
      )}
      {applying && (
        <Dialog
          title={`Apply to ${connection.name}?`}
          size="medium"
          tone={connection.environment === 'prod' ? 'danger' : undefined}
          onClose={() => setApplying(null)}
          testId="plan-apply"
          footer={
            applying.status || applying.error ? (
              <button type="button" className="btn" onClick={() => setApplying(null)}>Close</button>
            ) : (
              <>
                <button type="button" className="btn" onClick={() => setApplying(null)}>Cancel</button>
                <button type="button" className={`btn ${connection.environment === 'prod' ? 'btn-danger' : 'btn-primary'}`} disabled={applying.busy} onClick={() => apply(applying.finding)}>
                  {connection.environment === 'prod' ? 'Apply on prod' : 'Apply'}
                </button>
              </>
            )
          }
        >
          <p>This changes the database{connection.environment === 'prod' ? ' — it is tagged prod' : ''}. It runs:</p>
          <code className="plan-dialog-sql">{applying.finding.sql!.apply}</code>
          <p>To undo it later:</p>
          <code className="plan-dialog-sql">{applying.finding.sql!.undo}</code>
          {applying.status && <p className="plan-ok">{applying.status}</p>}
          {applying.error && <p className="plan-error">{applying.error}</p>}
        </Dialog>
      )}
    </div>
  );
}
