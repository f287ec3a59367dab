/** The tab strip of the main area. */
import type { ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { CloseIcon, PlusIcon } from '../../ui/icons';
import { EngineBadge } from '../connections/EngineBadge';
import type { TabsState } from './model';
import './tabs.css';

/** Tabs with close buttons, and a "+" that opens another tab on the active connection. */
export function TabBar(props: {
  state: TabsState;
  connections: ReadonlyMap<string, ConnectionSummary>;
  onActivate(id: string): void;
  onClose(id: string): void;
  onNewTab(): void;
}): ReactNode {
  const { state } = props;
  return (
    <div className="tabbar" role="tablist" aria-label="Open tabs">
      {state.tabs.map((tab) => {
        const conn = props.connections.get(tab.connectionId);
        const active = tab.id === state.activeId;
        const prod = conn?.environment === 'prod';
        return (
          <div
            key={tab.id}
            className={`tab${active ? ' is-active' : ''}${prod ? ' is-prod' : ''}`}
            role="presentation"
          >
            <button
              type="button"
              role="tab"
              aria-selected={active}
              className="tab-main"
              onClick={() => props.onActivate(tab.id)}
              onAuxClick={(e) => e.button === 1 && props.onClose(tab.id)}
              title={conn?.target ?? tab.title}
            >
              {conn && <EngineBadge engine={conn.engine} />}
              <span className="tab-title">{tab.title}</span>
              {tab.dirty && (
                <span className="tab-dirty" title="Unsaved changes to the saved query" aria-label="unsaved changes">
                  ●
                </span>
              )}
              {prod && (
                <span className="tab-prod" title="Production connection">
                  PROD
                </span>
              )}
            </button>
            <button
              type="button"
              className="tab-close"
              aria-label={`Close ${tab.title}`}
              onClick={() => props.onClose(tab.id)}
            >
              <CloseIcon size={12} />
            </button>
          </div>
        );
      })}
      {state.activeId && (
        <button
          type="button"
          className="tab-new"
          aria-label="New query tab"
          title="New query tab on this connection"
          onClick={props.onNewTab}
        >
          <PlusIcon size={14} />
        </button>
      )}
    </div>
  );
}
