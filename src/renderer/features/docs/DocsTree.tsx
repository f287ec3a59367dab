/**
 * The Docs view's navigation: Overview and Changes, then database → schema → tables with a filter
 * box and a coverage badge per table. Arrow keys move between tables.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { DocsBundle } from '../../../shared/docs';
import { SearchField } from '../../ui/SearchField';
import { buildTree, stepTable, type DocsPage } from './model';

/** Props: the bundle, the page shown and navigation. */
export interface DocsTreeProps {
  bundle: DocsBundle;
  page: DocsPage;
  onPage(page: DocsPage): void;
}

/** The tree. */
export function DocsTree(props: DocsTreeProps): ReactNode {
  const [filter, setFilter] = useState('');
  const [closed, setClosed] = useState<Set<string>>(new Set());
  const tree = useMemo(() => buildTree(props.bundle, filter), [props.bundle, filter]);
  const current = props.page.kind === 'table' ? props.page.target : null;
  const open = (target: string): void => props.onPage({ kind: 'table', target });
  const shown = tree.reduce((n, s) => n + s.tables.length, 0);

  return (
    <nav
      className="docs-tree"
      aria-label="Documentation contents"
      onKeyDown={(e) => {
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
        if ((e.target as HTMLElement).tagName === 'INPUT') return;
        e.preventDefault();
        const next = stepTable(tree, current, e.key === 'ArrowDown' ? 1 : -1);
        if (next) open(next);
      }}
    >
      <SearchField className="docs-filter" label="Filter tables" placeholder="Filter tables" value={filter} onChange={setFilter} />
      <button type="button" className={`docs-tree-item${props.page.kind === 'overview' ? ' active' : ''}`} onClick={() => props.onPage({ kind: 'overview' })}>Overview</button>
      <button type="button" className={`docs-tree-item${props.page.kind === 'changes' ? ' active' : ''}`} onClick={() => props.onPage({ kind: 'changes' })}>Changes</button>
      <div className="docs-tree-db" title={props.bundle.snapshot.database}>{props.bundle.snapshot.database || 'Database'}</div>
      <div className="docs-tree-list" data-testid="docs-tree">
        {tree.map((s) => {
          const isClosed = closed.has(s.name) && !filter;
          if (filter && s.tables.length === 0) return null;
          return (
            <div key={s.name} className="docs-tree-schema">
              <button
                type="button"
                className="docs-tree-item docs-tree-schema-name"
                aria-expanded={!isClosed}
                onClick={() => setClosed((c) => { const n = new Set(c); if (n.has(s.name)) n.delete(s.name); else n.add(s.name); return n; })}
              >
                <span className="docs-caret">{isClosed ? '▸' : '▾'}</span> {s.name} <span className="docs-faint">{filter ? `${s.tables.length}/${s.count}` : s.count}</span>
              </button>
              {!isClosed && s.tables.map((t) => (
                <button
                  key={t.target}
                  type="button"
                  className={`docs-tree-item docs-tree-table${current === t.target ? ' active' : ''}`}
                  aria-current={current === t.target ? 'page' : undefined}
                  onClick={() => open(t.target)}
                  title={`${t.target}: ${t.documented} of ${t.total} documented (table and columns)`}
                >
                  <span className="docs-tree-name">{t.name}{t.kind !== 'table' ? <span className="docs-faint"> {t.kind === 'view' ? 'view' : t.kind.replace('_', ' ')}</span> : null}</span>
                  <span className={`docs-cov docs-cov-${t.level}`}>{Math.round((t.documented / t.total) * 100)}%</span>
                </button>
              ))}
            </div>
          );
        })}
        {filter && shown === 0 && <p className="docs-faint docs-tree-note">No table matches "{filter}".</p>}
      </div>
    </nav>
  );
}
