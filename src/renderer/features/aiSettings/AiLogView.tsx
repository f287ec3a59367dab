/** The AI request log (view kind 'ai-log'): every call, and on click the exact payload that was sent. */
import { useEffect, useState, type ReactNode } from 'react';
import type { AiLogDetail } from '../../../shared/contracts/aiSettings';
import { toAppError } from '../../../shared/errors';
import { useApi, useRequest } from '../../api/hooks';
import type { ViewProps } from '../views/registry';
import { formatUsd, pageCount, prettyPayload, shortTime, tokensLabel } from './model';
import '../../ui/dialog.css';
import './aiSettings.css';

const PAGE = 50;

/** The log page. */
export default function AiLogView({ active }: ViewProps): ReactNode {
  const api = useApi();
  const [page, setPage] = useState(0);
  const log = useRequest('ai.log.list', { offset: page * PAGE, limit: PAGE });
  const providers = useRequest('ai.providers.list', {});
  const [selected, setSelected] = useState<AiLogDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { reload } = log;
  // Coming back to the tab shows the requests made meanwhile.
  useEffect(() => {
    if (active) reload();
  }, [active, reload]);
  const name = (id: string): string => providers.data?.find((p) => p.id === id)?.name ?? id;
  const open = (id: number): void => {
    api.call('ai.log.get', { id }).then(setSelected, (err: unknown) => setError(toAppError(err).message));
  };
  const clear = (): void => {
    if (!window.confirm('Delete the whole AI request log? (Usage totals are computed from it.)')) return;
    api.call('ai.log.clear', {}).then(() => {
      setSelected(null);
      setPage(0);
      reload();
    }, (err: unknown) => setError(toAppError(err).message));
  };
  const total = log.data?.total ?? 0;
  return (
    <div className="ais-page ais-log-page" aria-label="AI request log">
      <header className="ais-page-head">
        <div className="ais-page-title">
          <h1>AI request log</h1>
          <span className="ais-help">{total} request{total === 1 ? '' : 's'} · exactly what was sent (keys are never stored)</span>
        </div>
        <button type="button" className="btn btn-small" onClick={reload}>Refresh</button>
        <button type="button" className="btn btn-small" onClick={clear} disabled={total === 0}>Clear log</button>
      </header>
      {(error ?? log.error) && <div className="alert ais-alert-error" role="alert">{error ?? log.error?.message}</div>}
      <div className="ais-log">
        <div className="ais-log-list">
          {total === 0 && !log.loading ? (
            <div className="result-empty">No AI requests yet.</div>
          ) : (
            <table className="ais-table ais-log-table">
              <thead>
                <tr><th>Time</th><th>Task</th><th>Provider · model</th><th>Tokens</th><th>Cost</th><th>Latency</th><th>Outcome</th></tr>
              </thead>
              <tbody>
                {log.data?.entries.map((e) => (
                  <tr key={e.id} className={selected?.id === e.id ? 'is-selected' : ''} onClick={() => open(e.id)} tabIndex={0} onKeyDown={(k) => k.key === 'Enter' && open(e.id)}>
                    <td title={e.at}>{shortTime(e.at)}</td>
                    <td>{e.task}</td>
                    <td>{name(e.provider)} · {e.model}</td>
                    <td>{tokensLabel(e)}</td>
                    <td title={e.note ?? undefined}>{formatUsd(e.costUsd)}{e.note && e.outcome !== 'cached' ? ' *' : ''}</td>
                    <td>{e.latencyMs} ms</td>
                    <td><span className={`ais-outcome ais-outcome-${e.outcome}`}>{e.outcome}{e.errorCode ? ` · ${e.errorCode}` : ''}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {total > PAGE && (
            <div className="ais-pager">
              <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => setPage(page - 1)}>Newer</button>
              <span>Page {page + 1} of {pageCount(total, PAGE)}</span>
              <button type="button" className="btn btn-small" disabled={page + 1 >= pageCount(total, PAGE)} onClick={() => setPage(page + 1)}>Older</button>
            </div>
          )}
        </div>
        {selected && (
          <aside className="ais-log-detail" aria-label="Request detail">
            <header className="ais-section-head">
              <h2>Request #{selected.id}</h2>
              <span className="ais-spacer" />
              <button type="button" className="btn btn-small" onClick={() => void navigator.clipboard?.writeText(selected.payloadJson)}>Copy payload</button>
              <button type="button" className="btn btn-small" onClick={() => setSelected(null)} aria-label="Close detail">✕</button>
            </header>
            <dl className="ais-dl">
              <dt>Sent to</dt><dd>{name(selected.provider)} · {selected.model}</dd>
              <dt>Tokens</dt><dd>{tokensLabel(selected)}</dd>
              <dt>Cost</dt><dd>{formatUsd(selected.costUsd)}{selected.note ? ` — ${selected.note}` : ''}</dd>
              {selected.errorMessage && (<><dt>Error</dt><dd>{selected.errorCode}: {selected.errorMessage}</dd></>)}
            </dl>
            <h3>Payload sent</h3>
            <pre className="ais-pre">{prettyPayload(selected.payloadJson)}</pre>
            {selected.responseText !== null && (<><h3>Answer</h3><pre className="ais-pre">{selected.responseText}</pre></>)}
          </aside>
        )}
      </div>
    </div>
  );
}
