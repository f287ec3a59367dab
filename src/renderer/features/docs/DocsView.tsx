/**
 * The Docs view of a connection: a navigable tree on the left, the selected page on the right
 * (overview, changes, or a table's data-dictionary page with editable descriptions), and the
 * "Write comments to database" and "Export docs" actions. `params.table` opens a table's page.
 */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { TableIndex } from '../../../shared/docsPage';
import { useApi, useEvent, useRequest } from '../../api/hooks';
import type { ViewProps } from '../views/registry';
import { ChangesPage } from './ChangesPage';
import { CommentsDialog } from './CommentsDialog';
import { DocsTree } from './DocsTree';
import { ExportDialog } from './ExportDialog';
import { pageFromParams, type DocsPage } from './model';
import { OverviewPage } from './OverviewPage';
import { TablePage } from './TablePage';
import './docs.css';

/** The Docs view (lazy-loaded by the view registry). */
export default function DocsView(props: ViewProps): ReactNode {
  const connectionId = props.connection.id;
  const api = useApi();
  const [refreshing, setRefreshing] = useState(false);
  const bundle = useRequest('docs.bundle', { connectionId });
  const index = useMemo(() => (bundle.data ? new TableIndex(bundle.data.snapshot) : null), [bundle.data]);
  const paramsKey = JSON.stringify(props.params);
  const [page, setPage] = useState<DocsPage>(() => pageFromParams(props.params, null));
  const [dialog, setDialog] = useState<'comments' | 'export' | null>(null);
  const right = useRef<HTMLDivElement>(null);

  // Opening the tab again with other parameters ("Open docs page" on another table) re-targets it;
  // a reloaded bundle (after a save) must not. Adjusted while rendering, as React recommends.
  const [seenParams, setSeenParams] = useState(paramsKey);
  if (seenParams !== paramsKey) {
    setSeenParams(paramsKey);
    setPage(pageFromParams(props.params, null));
  }
  // Another window or feature (AI drafts accepted, write-back) changed the docs: show it.
  useEvent('docs.changed', (e) => {
    if (e.connectionId === connectionId) bundle.reload();
  });

  const go = (p: DocsPage): void => {
    setPage(p);
    right.current?.scrollTo({ top: 0 });
  };
  // Re-introspects once, then reloads the bundle from the refreshed cache.
  const refreshSchema = (): void => {
    setRefreshing(true);
    api.call('docs.bundle', { connectionId, refresh: true }).catch(() => undefined).finally(() => {
      setRefreshing(false);
      bundle.reload();
    });
  };
  const entry = page.kind === 'table' && index ? index.find(page.target) : undefined;
  // A bare table name from the params resolves to its `schema.table`, so the tree marks it.
  const shown: DocsPage = entry ? { kind: 'table', target: entry.target } : page;

  let content: ReactNode;
  if (bundle.error && !bundle.data) content = <div className="docs-empty"><p className="docs-error">{bundle.error.message}</p><button type="button" className="btn" onClick={bundle.reload}>Retry</button></div>;
  else if (!bundle.data || !index) content = <div className="docs-empty docs-faint">Reading the schema…</div>;
  else if (page.kind === 'overview') content = <OverviewPage connectionId={connectionId} bundle={bundle.data} index={index} onOpen={(t) => go({ kind: 'table', target: t })} onChanged={bundle.reload} />;
  else if (page.kind === 'changes') content = <ChangesPage connectionId={connectionId} index={index} onOpen={(t) => go({ kind: 'table', target: t })} />;
  else if (!entry) content = <div className="docs-empty"><p>Table "{page.target}" is not in this schema.</p><button type="button" className="btn" onClick={() => go({ kind: 'overview' })}>Show the overview</button></div>;
  else content = <TablePage connectionId={connectionId} bundle={bundle.data} index={index} entry={entry} onOpen={(t) => go({ kind: 'table', target: t })} onSaved={bundle.reload} />;

  return (
    <div className="docs-view" data-testid="docs-view">
      <div className="docs-toolbar">
        <span className="docs-title">Documentation · {props.connection.name}</span>
        <span className="docs-spacer" />
        <button type="button" className="btn btn-small" disabled={bundle.loading || refreshing} onClick={refreshSchema} title="Read the schema again from the database">{refreshing ? 'Reading…' : 'Refresh schema'}</button>
        <button type="button" className="btn btn-small" disabled={!bundle.data} onClick={() => setDialog('comments')}>Write comments to database…</button>
        <button type="button" className="btn btn-small btn-primary" disabled={!bundle.data} onClick={() => setDialog('export')}>Export docs…</button>
      </div>
      <div className="docs-body">
        {bundle.data ? <DocsTree bundle={bundle.data} page={shown} onPage={go} /> : <nav className="docs-tree" />}
        <div className="docs-main" ref={right}>{content}</div>
      </div>
      {dialog === 'comments' && <CommentsDialog connection={props.connection} onClose={() => setDialog(null)} onApplied={bundle.reload} />}
      {dialog === 'export' && <ExportDialog connection={props.connection} onClose={() => setDialog(null)} />}
    </div>
  );
}
