/**
 * The left sidebar's tabs: Connections, Explorer, History and Saved. Every panel stays mounted
 * (hidden when not shown) so an expanded tree or a typed search survives switching.
 */
import { useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { ExplorerPane } from '../explorer/ExplorerPane';
import { HistoryPane } from '../history/HistoryPane';
import { SavedPane } from '../saved/SavedPane';
import './sidebar.css';

/** The sidebar's panels. */
export type SidebarTab = 'connections' | 'explorer' | 'history' | 'saved';

const TABS: { id: SidebarTab; label: string }[] = [
  { id: 'connections', label: 'Connections' },
  { id: 'explorer', label: 'Explorer' },
  { id: 'history', label: 'History' },
  { id: 'saved', label: 'Saved' },
];

const STORAGE_KEY = 'qg.sidebarTab';

function initialTab(): SidebarTab {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (TABS.some((t) => t.id === v)) return v as SidebarTab;
  } catch {
    // Storage can be unavailable (sandboxed pages); the default is fine.
  }
  return 'connections';
}

/** Props: the connections pane (owned by the app) and the data the other panels need. */
export interface SidebarProps {
  connectionsPane: ReactNode;
  connections: ConnectionSummary[] | undefined;
  activeConnectionId: string | undefined;
}

/** The tabbed sidebar. */
export function Sidebar(props: SidebarProps): ReactNode {
  const [tab, setTab] = useState<SidebarTab>(initialTab);
  const choose = (t: SidebarTab) => {
    setTab(t);
    try {
      localStorage.setItem(STORAGE_KEY, t);
    } catch {
      // Not remembered across restarts then; nothing else depends on it.
    }
  };
  return (
    <div className="side-shell">
      <div className="side-tabs" role="tablist" aria-label="Sidebar">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`side-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`side-panel-${t.id}`}
            className={`side-tab${tab === t.id ? ' is-active' : ''}`}
            onClick={() => choose(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        className="side-panel"
        role="tabpanel"
        id="side-panel-connections"
        aria-labelledby="side-tab-connections"
        hidden={tab !== 'connections'}
      >
        {props.connectionsPane}
      </div>
      <div
        className="side-panel"
        role="tabpanel"
        id="side-panel-explorer"
        aria-labelledby="side-tab-explorer"
        hidden={tab !== 'explorer'}
      >
        <ExplorerPane connections={props.connections} />
      </div>
      <div
        className="side-panel"
        role="tabpanel"
        id="side-panel-history"
        aria-labelledby="side-tab-history"
        hidden={tab !== 'history'}
      >
        <HistoryPane connections={props.connections} active={tab === 'history'} />
      </div>
      <div
        className="side-panel"
        role="tabpanel"
        id="side-panel-saved"
        aria-labelledby="side-tab-saved"
        hidden={tab !== 'saved'}
      >
        <SavedPane
          connections={props.connections}
          active={tab === 'saved'}
          activeConnectionId={props.activeConnectionId}
        />
      </div>
    </div>
  );
}
