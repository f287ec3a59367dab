/** The History panel: every past run, searchable, filterable, re-openable in a tab. */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import type { HistoryEntry, HistoryStatus } from '../../../shared/history';
import { openInEditor } from '../../app/openInEditor';
import { SearchField } from '../../ui/SearchField';
import { Menu, type MenuItem } from '../../ui/Menu';
import { formatDuration, formatRows, formatWhen, sqlPreview } from './model';
import { useHistory, type HistoryFilters } from './useHistory';
import { StatusIcon } from './StatusIcon';
import './history.css';

/** Props: the connections (for names and the filter) and whether the panel is shown. */
export interface HistoryPaneProps {
  connections: ConnectionSummary[] | undefined;
  active: boolean;
}

const STATUSES: { value: HistoryStatus | ''; label: string }[] = [
  { value: '', label: 'Any status' },
  { value: 'ok', label: 'Succeeded' },
  { value: 'error', label: 'Failed' },
  { value: 'cancelled', label: 'Cancelled' },
];

/** The History panel of the sidebar. */
export function HistoryPane(props: HistoryPaneProps): ReactNode {
  const [filters, setFilters] = useState<HistoryFilters>({
    query: '',
    connectionId: '',
    status: '',
  });
  const h = useHistory(filters, props.active);
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null);
  const names = useMemo(
    () => new Map((props.connections ?? []).map((c) => [c.id, c.name])),
    [props.connections],
  );
  const closeMenu = useCallback(() => setMenu(null), []);
  const open = (e: HistoryEntry, run = false) =>
    openInEditor({ connectionId: e.connectionId, sql: e.sql, run });

  const menuFor = (e: HistoryEntry, x: number, y: number) =>
    setMenu({
      x,
      y,
      items: [
        { label: 'Open in a tab', onSelect: () => open(e), disabled: !names.has(e.connectionId) },
        { label: 'Run again', onSelect: () => open(e, true), disabled: !names.has(e.connectionId) },
        {
          label: 'Copy SQL',
          onSelect: () => void navigator.clipboard.writeText(e.sql).catch(() => undefined),
        },
        { label: 'Delete from history', danger: true, onSelect: () => h.remove(e.id) },
      ],
    });

  return (
    <section className="sidebar history" aria-label="History">
      <div className="sidebar-header">
        <span className="sidebar-title">History</span>
        <span className="sidebar-count" data-testid="history-total">
          {h.total.toLocaleString('en-US')}
        </span>
      </div>
      <SearchField label="Search history" placeholder="Search past queries" value={filters.query} onChange={(query) => setFilters({ ...filters, query })} />
      <div className="history-filters">
        <select
          aria-label="Filter by connection"
          value={filters.connectionId}
          onChange={(e) => setFilters({ ...filters, connectionId: e.target.value })}
        >
          <option value="">All connections</option>
          {(props.connections ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by status"
          value={filters.status}
          onChange={(e) => setFilters({ ...filters, status: e.target.value as HistoryStatus | '' })}
        >
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {h.error && (
        <p className="sidebar-note is-error" role="alert">
          {h.error}
        </p>
      )}
      <ul className="history-list" data-testid="history-list">
        {h.entries.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className={`history-item is-${e.status}`}
              data-testid="history-item"
              title={e.errorMessage ? `${e.sql}\n\n${e.errorMessage}` : e.sql}
              onClick={() => open(e)}
              onContextMenu={(ev) => {
                ev.preventDefault();
                menuFor(e, ev.clientX, ev.clientY);
              }}
            >
              <StatusIcon status={e.status} />
              <span className="history-sql">{sqlPreview(e.sql)}</span>
              <span className="history-meta">
                <span>{formatWhen(e.startedAt)}</span>
                <span>{formatDuration(e.durationMs)}</span>
                {e.status === 'ok' && e.rowCount !== null && <span>{formatRows(e.rowCount)}</span>}
                {/* With one connection its name on every row is noise. */}
                {names.size > 1 && (
                  <span className="history-conn">
                    {names.get(e.connectionId) ?? 'deleted connection'}
                  </span>
                )}
              </span>
              {/* A successful entry's message is a note (a run to file names its file), not an error. */}
              {e.errorMessage && <span className={e.status === 'ok' ? 'history-note' : 'history-error'}>{e.errorMessage}</span>}
            </button>
          </li>
        ))}
      </ul>
      {!h.loading && h.entries.length === 0 && !h.error && (
        <p className="sidebar-note">
          {filters.query || filters.connectionId || filters.status
            ? 'No past query matches.'
            : 'Queries you run appear here.'}
        </p>
      )}
      {h.entries.length < h.total && (
        <button
          type="button"
          className="btn btn-small history-more"
          onClick={h.loadMore}
          disabled={h.loading}
        >
          Load more ({(h.total - h.entries.length).toLocaleString('en-US')} older)
        </button>
      )}
      {menu && (
        <Menu x={menu.x} y={menu.y} items={menu.items} label="History entry" onClose={closeMenu} />
      )}
    </section>
  );
}
