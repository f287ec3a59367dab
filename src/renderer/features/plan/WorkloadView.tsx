/** The Workload view tab: the server's top statements by total time, a bar chart, and "Open in plan view". */
import type { ReactNode } from 'react';
import { openInEditor } from '../../app/openInEditor';
import { useRequest } from '../../api/hooks';
import type { ViewProps } from '../views/registry';
import { AuditList } from './AuditList';
import { requestExplainOnOpen } from './explainOnOpen';
import { formatMs, shortSql, workloadBars } from './workloadModel';
import './plan.css';

const BAR_H = 18;

/** The workload of the tab's connection. */
export function WorkloadView({ connection }: ViewProps): ReactNode {
  const wl = useRequest('plan.workload', { connectionId: connection.id });
  if (wl.loading && !wl.data) return <div className="result-empty">Reading workload statistics…</div>;
  if (wl.error) return <div className="plan-error plan-error-box" role="alert">{wl.error.message}</div>;
  const data = wl.data!;
  const bars = workloadBars(data.statements);
  return (
    <div className="workload-view" data-testid="workload-view">
      <div className="plan-toolbar">
        <b>Workload · {connection.name}</b>
        {data.available && <span className="plan-muted">{data.message}</span>}
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-small" onClick={wl.reload}>Refresh</button>
      </div>
      {!data.available ? (
        <div className="workload-off">{data.message}</div>
      ) : (
        <>
          <svg className="workload-chart" width="100%" height={bars.length * (BAR_H + 6) + 8} role="img" aria-label="Total time of the top statements">
            {bars.map((b) => (
              <g key={b.index} transform={`translate(0,${4 + b.index * (BAR_H + 6)})`}>
                <title>{`${b.label}: ${formatMs(b.totalMs)}`}</title>
                <rect x="34%" width={`${b.share * 54}%`} height={BAR_H} rx={3} className="workload-bar" />
                <text x="0" y={BAR_H - 5} className="workload-bar-label">{b.label}</text>
                <text x={`${35 + b.share * 54}%`} y={BAR_H - 5} className="workload-bar-value">{formatMs(b.totalMs)}</text>
              </g>
            ))}
          </svg>
          <table className="workload-table">
            <thead>
              <tr><th>Statement</th><th>Calls</th><th>Total</th><th>Mean</th><th>Rows</th><th /></tr>
            </thead>
            <tbody>
              {data.statements.map((s, i) => (
                <tr key={i}>
                  <td className="workload-sql" title={s.query}>{shortSql(s.query, 140)}</td>
                  <td>{s.calls.toLocaleString()}</td>
                  <td>{formatMs(s.totalMs)}</td>
                  <td>{formatMs(s.meanMs)}</td>
                  <td>{s.rows.toLocaleString()}</td>
                  <td>
                    <button type="button" className="btn btn-small" title="Open in an editor tab and explain it (plan and advisor)" onClick={() => {
                        requestExplainOnOpen(connection.id, s.query);
                        openInEditor({ connectionId: connection.id, sql: s.query, title: `Plan: ${shortSql(s.query, 24)}` });
                      }}>
                      Open in plan view
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <AuditList connectionId={connection.id} />
    </div>
  );
}
