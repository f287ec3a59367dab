/** The left sidebar: every connection profile, searchable; clicking one opens its tab. */
import { useMemo, useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { MoreIcon, PlusIcon } from '../../ui/icons';
import { SearchField } from '../../ui/SearchField';
import { ConnectionItem } from './ConnectionItem';
import { filterConnections, sortConnections } from './model';
import './connections.css';

/** Props of the sidebar: the list as loaded by the app, and what to do on a click. */
export interface ConnectionsSidebarProps {
  connections: ConnectionSummary[] | undefined;
  loading: boolean;
  error: string | undefined;
  activeConnectionId: string | undefined;
  onOpen(connection: ConnectionSummary): void;
  onRetry(): void;
  /** "+": a new connection. */
  onNew?(): void;
  /** A connection's actions menu at a point. */
  onActions?(connection: ConnectionSummary, x: number, y: number): void;
  /** The header's "⋯" menu (import/export) at a point. */
  onListMenu?(x: number, y: number): void;
  /** A short message at the bottom (e.g. "Copied"). */
  toast?: string | null;
}

/** Sidebar with a filter box and the connection list. */
export function ConnectionsSidebar(props: ConnectionsSidebarProps): ReactNode {
  const [query, setQuery] = useState('');
  const shown = useMemo(
    () => filterConnections(sortConnections(props.connections ?? []), query),
    [props.connections, query],
  );
  return (
    <aside className="sidebar" aria-label="Connections">
      <div className="sidebar-header">
        <span className="sidebar-title">Connections</span>
        {props.connections && <span className="sidebar-count">{props.connections.length}</span>}
        <span className="sidebar-spacer" />
        {props.onListMenu && (
          <button
            type="button"
            className="icon-button"
            aria-label="Import or export connections"
            title="Import / export connections"
            onClick={(e) => {
              const r = e.currentTarget.getBoundingClientRect();
              props.onListMenu?.(r.left, r.bottom + 2);
            }}
          >
            <MoreIcon size={14} />
          </button>
        )}
        {props.onNew && (
          <button
            type="button"
            className="icon-button"
            aria-label="New connection"
            title="New connection"
            onClick={props.onNew}
          >
            <PlusIcon size={14} />
          </button>
        )}
      </div>
      <SearchField label="Filter connections" placeholder="Filter connections" value={query} onChange={setQuery} />
      {props.loading && !props.connections && <p className="sidebar-note">Loading connections…</p>}
      {props.error && (
        <div className="sidebar-note is-error" role="alert">
          <p>{props.error}</p>
          <button type="button" className="btn btn-small" onClick={props.onRetry}>
            Retry
          </button>
        </div>
      )}
      {props.connections && shown.length === 0 && (
        <p className="sidebar-note">
          {query ? 'No connection matches this filter.' : 'No connections yet.'}
        </p>
      )}
      <ul className="conn-list" data-testid="connection-list">
        {shown.map((c) => (
          <ConnectionItem
            key={c.id}
            connection={c}
            active={c.id === props.activeConnectionId}
            onOpen={props.onOpen}
            onActions={(conn, x, y) => props.onActions?.(conn, x, y)}
          />
        ))}
      </ul>
      {props.toast && (
        <p className="sidebar-toast" role="status">
          {props.toast}
        </p>
      )}
    </aside>
  );
}
