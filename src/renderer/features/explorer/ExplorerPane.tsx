/**
 * The schema explorer: connections → schemas → tables / views / materialized views / routines →
 * columns, loaded lazily (names first), with a filter box and table actions (select the first
 * 100 rows, copy the name, show the DDL).
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import type { TableInfo } from '../../../shared/schema';
import { openInEditor } from '../../app/openInEditor';
import { openView } from '../../app/openView';
import { SearchField } from '../../ui/SearchField';
import { Menu, type MenuItem } from '../../ui/Menu';
import { ConnectionNode, type TableActions } from './ConnectionNode';
import { DdlDialog } from './DdlDialog';
import { buildDdl, findTable, qualifiedName, selectFirstRowsSql } from './sqlText';
import './explorer.css';

type MenuAt = { x: number; y: number; items: MenuItem[]; label: string } | null;
type Ddl = { title: string; ddl: string; connectionId: string } | null;

/** Props: the connections as loaded by the app. */
export interface ExplorerPaneProps {
  connections: ConnectionSummary[] | undefined;
}

/** The explorer panel of the sidebar. */
export function ExplorerPane(props: ExplorerPaneProps): ReactNode {
  const [filter, setFilter] = useState('');
  const [menu, setMenu] = useState<MenuAt>(null);
  const [ddl, setDdl] = useState<Ddl>(null);
  const [toast, setToast] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const say = useCallback((text: string) => {
    setToast(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setToast(null), 2500);
  }, []);
  const closeMenu = useCallback(() => setMenu(null), []);

  const copy = useCallback(
    (text: string, what: string) => {
      navigator.clipboard.writeText(text).then(
        () => say(`Copied ${what}`),
        () => say('The clipboard is not available here'),
      );
    },
    [say],
  );

  const actions: TableActions = {
    onSelectRows: (c, schema, t, database) =>
      openInEditor({
        connectionId: c.id,
        sql: selectFirstRowsSql(c.engine, schema, t.name, 100, database),
        run: true,
        title: t.name,
      }),
    onMenu: (c, tree, schema, t, x, y) => {
      const database = tree.snapshot?.database;
      const showDdl = async () => {
        const snap = await tree.loadDetails(schema, t.name);
        const full: TableInfo | undefined = findTable(snap, schema, t.name);
        if (!full || full.partial) return say('The table details could not be loaded');
        setDdl({
          title: `DDL — ${schema}.${t.name}`,
          ddl: buildDdl(c.engine, schema, full, database),
          connectionId: c.id,
        });
      };
      setMenu({
        x,
        y,
        label: `Actions for ${t.name}`,
        items: [
          {
            label: 'Select first 100 rows',
            onSelect: () => actions.onSelectRows(c, schema, t, database ?? ''),
          },
          {
            label: 'Copy name',
            onSelect: () => copy(qualifiedName(c.engine, schema, t.name, database), 'the name'),
          },
          { label: 'Show DDL', onSelect: () => void showDdl() },
          {
            label: 'Open in ER diagram',
            onSelect: () => openView({ view: 'erd', connectionId: c.id, params: { focus: `${schema}.${t.name}`, hops: '1' } }),
          },
          { label: 'Open docs page', onSelect: () => openView({ view: 'docs', connectionId: c.id, params: { table: `${schema}.${t.name}` } }) },
        ],
      });
    },
    onConnectionMenu: (c, x, y) =>
      setMenu({
        x,
        y,
        label: `Explorer actions for ${c.name}`,
        items: [{ label: 'ER diagram', onSelect: () => openView({ view: 'erd', connectionId: c.id }) }],
      }),
  };

  const list = props.connections ?? [];
  return (
    <section className="sidebar explorer" aria-label="Explorer">
      <div className="sidebar-header">
        <span className="sidebar-title">Explorer</span>
      </div>
      <SearchField label="Filter the schema tree" placeholder="Filter tables, views, routines" value={filter} onChange={setFilter} />
      {filter && <p className="sidebar-hint">Filtering the connections already expanded</p>}
      <div className="tree" role="tree" aria-label="Schema tree" data-testid="explorer-tree">
        {list.map((c) => (
          <ConnectionNode key={c.id} connection={c} filter={filter} actions={actions} />
        ))}
        {props.connections && list.length === 0 && (
          <p className="sidebar-note">Add a connection to browse its schema.</p>
        )}
      </div>
      {toast && (
        <p className="sidebar-toast" role="status">
          {toast}
        </p>
      )}
      {menu && (
        <Menu x={menu.x} y={menu.y} items={menu.items} label={menu.label} onClose={closeMenu} />
      )}
      {ddl && (
        <DdlDialog
          title={ddl.title}
          ddl={ddl.ddl}
          onClose={() => setDdl(null)}
          onCopy={() => copy(ddl.ddl, 'the DDL')}
          onOpen={() => {
            openInEditor({ connectionId: ddl.connectionId, sql: ddl.ddl });
            setDdl(null);
          }}
        />
      )}
    </section>
  );
}
