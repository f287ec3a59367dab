/** The window: title bar, connections sidebar, tabbed main area, status bar. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ConnectionSummary } from '../shared/contract';
import { useLinkStatus, useRequest } from './api/hooks';
import { ConnectionsPane } from './features/connections/ConnectionsPane';
import { findDemo } from './features/connections/model';
import { EmptyState } from './features/empty/EmptyState';
import { useEditorTabs } from './features/editor/useEditorTabs';
import { ErrorBoundary } from './features/errors/ErrorBoundary';
import { EditorChrome } from './features/palette/EditorChrome';
import { Banners } from './features/shell/Banners';
import { TitleBar } from './features/shell/TitleBar';
import { StatusBar } from './features/status/StatusBar';
import { Sidebar } from './features/sidebar/Sidebar';
import { TabBar } from './features/tabs/TabBar';
import { activeTab } from './features/tabs/model';
import { ViewTab } from './features/views/registry';

// The editor (CodeMirror, the AI panel, the grid) is half of the renderer's code: the shell and the
// connection list paint without it, and it is fetched as soon as they have.
const loadQueryTab = () => import('./features/query/QueryTab');
const QueryTab = lazy(() => loadQueryTab().then((m) => ({ default: m.QueryTab })));

/** The application shell. */
export function App(): ReactNode {
  const info = useRequest('app.info', {});
  const connections = useRequest('connections.list', {});
  const link = useLinkStatus();
  const { tabs, dispatch, onText } = useEditorTabs(connections.data);

  // After the web server comes back, reload what the shell shows.
  const wasDown = useRef(false);
  const { reload: reloadInfo } = info;
  const { reload: reloadConnections } = connections;
  useEffect(() => {
    if (link === 'reconnecting') wasDown.current = true;
    if (link === 'open' && wasDown.current) {
      wasDown.current = false;
      reloadInfo();
      reloadConnections();
    }
  }, [link, reloadInfo, reloadConnections]);

  const listed = connections.data !== undefined;
  useEffect(() => {
    if (listed) void loadQueryTab();
  }, [listed]);

  const byId = useMemo(
    () => new Map((connections.data ?? []).map((c) => [c.id, c])),
    [connections.data],
  );
  const current = activeTab(tabs);
  const currentConnection = current ? byId.get(current.connectionId) : undefined;
  const open = useCallback(
    (c: ConnectionSummary) => dispatch({ type: 'open', connectionId: c.id, title: c.name }),
    [dispatch],
  );

  return (
    <div className="app">
      <TitleBar active={currentConnection} />
      <div className="app-body">
        <Sidebar
          connections={connections.data}
          activeConnectionId={current?.connectionId}
          connectionsPane={
            <ConnectionsPane
              connections={connections.data}
              loading={connections.loading}
              error={connections.error?.message}
              activeConnectionId={current?.connectionId}
              onOpen={open}
              onRetry={connections.reload}
              reload={connections.reload}
              secretBackend={info.data?.secretBackend}
              onDeleted={(id) => {
                for (const t of tabs.tabs)
                  if (t.connectionId === id) dispatch({ type: 'close', id: t.id });
              }}
            />
          }
        />
        <main className="main">
          <Banners link={link} warnings={info.data?.warnings ?? []} />
          {tabs.tabs.length > 0 && (
            <TabBar
              state={tabs}
              connections={byId}
              onActivate={(id) => dispatch({ type: 'activate', id })}
              onClose={(id) => dispatch({ type: 'close', id })}
              onNewTab={() =>
                currentConnection &&
                dispatch({
                  type: 'open',
                  connectionId: currentConnection.id,
                  title: currentConnection.name,
                  newTab: true,
                })
              }
            />
          )}
          <div className="tab-panels">
            {tabs.tabs.length === 0 && (
              <EmptyState demo={findDemo(connections.data ?? [])} onOpen={open} />
            )}
            {tabs.tabs.map((tab) => {
              const conn = byId.get(tab.connectionId);
              // Inactive tabs stay mounted (hidden) so their SQL and results survive switching.
              return (
                <div
                  key={tab.id}
                  className="tab-panel"
                  hidden={tab.id !== tabs.activeId}
                  role="tabpanel"
                >
                  <ErrorBoundary area="this tab">
                    {conn && tab.view ? (
                      <ViewTab kind={tab.view} connection={conn} params={tab.viewParams ?? {}} active={tab.id === tabs.activeId} />
                    ) : conn ? (
                      <Suspense fallback={<div className="result-empty">Loading the editor…</div>}>
                        <QueryTab
                          connection={conn}
                          tab={tab}
                          active={tab.id === tabs.activeId}
                          onText={(sql) => onText(tab.id, sql)}
                        />
                      </Suspense>
                    ) : (
                      <div className="result-empty">This connection no longer exists.</div>
                    )}
                  </ErrorBoundary>
                </div>
              );
            })}
          </div>
        </main>
      </div>
      <EditorChrome />
      <StatusBar info={info.data} link={link} connectionCount={connections.data?.length} />
    </div>
  );
}
