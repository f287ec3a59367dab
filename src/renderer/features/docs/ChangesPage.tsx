/**
 * "Changes": pick two stored snapshots (or a snapshot and the live schema) and list what changed
 * between them — added, removed, changed objects, breaking changes marked.
 */
import { useState, type ReactNode } from 'react';
import type { TableIndex } from '../../../shared/docsPage';
import { useRequest } from '../../api/hooks';
import { changeTable, diffSummary } from './model';

/** Props: the connection and navigation to a table page. */
export interface ChangesPageProps {
  connectionId: string;
  index: TableIndex;
  onOpen(target: string): void;
}

/** The page. */
export function ChangesPage(props: ChangesPageProps): ReactNode {
  const snapshots = useRequest('docs.snapshots.list', { connectionId: props.connectionId, limit: 200 });
  const list = snapshots.data ?? [];
  const [fromPick, setFrom] = useState<string | null>(null);
  const [toPick, setTo] = useState<string | null>(null);
  // Until the user picks: the previous snapshot against the newest one (or the live schema when there is only one).
  const from = fromPick ?? (list.length > 0 ? list[Math.min(1, list.length - 1)]!.id : '');
  const to = toPick ?? (list.length > 1 ? list[0]!.id : 'live');
  const diff = useRequest('docs.diff', from && to && from !== to ? { connectionId: props.connectionId, from, to } : null);
  const label = (s: (typeof list)[number]): string => `${new Date(s.capturedAt).toLocaleString()} — ${s.tables} tables, ${s.columns} columns`;

  return (
    <article className="docs-page" data-testid="docs-changes">
      <header className="docs-page-header"><h2>Changes</h2><div className="docs-faint">Every introspection keeps a snapshot; compare any two.</div></header>
      {snapshots.error && <p className="docs-error">{snapshots.error.message}</p>}
      {snapshots.data && list.length === 0 && <p className="docs-faint">No stored snapshots yet: they are kept each time the schema is read.</p>}
      <div className="docs-toolbar-row">
        <label>From <select value={from} onChange={(e) => setFrom(e.target.value)} aria-label="From snapshot">{list.map((s) => <option key={s.id} value={s.id}>{label(s)}</option>)}</select></label>
        <label>To <select value={to} onChange={(e) => setTo(e.target.value)} aria-label="To snapshot"><option value="live">the live schema (re-read now)</option>{list.map((s) => <option key={s.id} value={s.id}>{label(s)}</option>)}</select></label>
      </div>
      {from === to && from && <p className="docs-faint">Pick two different snapshots.</p>}
      {diff.loading && <p className="docs-faint">Comparing…</p>}
      {diff.error && <p className="docs-error" role="alert">{diff.error.message}</p>}
      {diff.data && (
        <>
          <p className={diff.data.breaking ? 'docs-warn' : ''} data-testid="docs-diff-summary">{diffSummary(diff.data)}</p>
          {diff.data.changes.length > 0 && (
            <table className="docs-grid">
              <thead><tr><th>Change</th><th>Object</th><th>Name</th><th>Before</th><th>After</th></tr></thead>
              <tbody>
                {diff.data.changes.map((c, i) => {
                  const table = c.change !== 'removed' ? changeTable(c, props.index) : null;
                  return (
                    <tr key={i} className={c.breaking ? 'docs-breaking' : ''}>
                      <td><span className={`docs-change docs-change-${c.change}`}>{c.change}</span>{c.breaking ? <span className="docs-warn"> breaking</span> : null}</td>
                      <td>{c.object.replace('_', ' ')}</td>
                      <td className="mono">{table ? <button type="button" className="docs-link" onClick={() => props.onOpen(table)}>{c.target}</button> : c.target}</td>
                      <td className="mono">{c.before ?? ''}</td>
                      <td className="mono">{c.after ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </article>
  );
}
