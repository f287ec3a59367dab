/** One connection in the explorer tree with its schemas, groups, tables, columns and routines. */
import { useMemo, useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import type { TableInfo } from '../../../shared/schema';
import { MoreIcon } from '../../ui/icons';
import { EngineIcon } from '../connections/EngineBadge';
import {
  GroupIcon,
  MatViewIcon,
  RefreshIcon,
  RoutineIcon,
  SchemaIcon,
  TableIcon,
  ViewIcon,
} from './icons';
import { buildTree, isSingleSchema, nodeKey, type TreeGroup } from './model';
import { TableColumns } from './TableColumns';
import { TreeRow } from './TreeRow';
import { useSchemaTree, type SchemaTreeState } from './useSchemaTree';

/** What the explorer can do with a table (the pane owns menus and dialogs). */
export interface TableActions {
  onSelectRows(c: ConnectionSummary, schema: string, table: TableInfo, database: string): void;
  onMenu(
    c: ConnectionSummary,
    tree: SchemaTreeState,
    schema: string,
    table: TableInfo,
    x: number,
    y: number,
  ): void;
  /** The connection row's menu (e.g. "ER diagram"). */
  onConnectionMenu?(c: ConnectionSummary, x: number, y: number): void;
}

/** A connection node; names load when it is first expanded. */
export function ConnectionNode(props: {
  connection: ConnectionSummary;
  filter: string;
  actions: TableActions;
}): ReactNode {
  const c = props.connection;
  const tree = useSchemaTree(c.id);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const filtering = props.filter.trim().length > 0;
  const isOpen = (key: string) => open.has(key) || (filtering && key !== 'conn');
  const toggle = (key: string) =>
    setOpen((o) => {
      const n = new Set(o);
      if (n.has(key)) n.delete(key);
      else n.add(key);
      return n;
    });

  const schemas = useMemo(
    () => (tree.snapshot ? buildTree(tree.snapshot, props.filter) : []),
    [tree.snapshot, props.filter],
  );
  const expanded = open.has('conn') || (filtering && tree.snapshot !== undefined);
  const single = tree.snapshot ? isSingleSchema(tree.snapshot) : false;

  const renderGroup = (schema: string, g: TreeGroup, depth: number): ReactNode => {
    const key = nodeKey('g', schema, g.kind);
    const items = g.tables.length + g.routines.length;
    return (
      <div role="group" key={key}>
        <TreeRow
          depth={depth}
          icon={<GroupIcon />}
          label={g.label}
          badge={items}
          expanded={isOpen(key)}
          onToggle={() => toggle(key)}
          testId={`explorer-group-${g.kind}`}
        />
        {isOpen(key) && items === 0 && (
          <div className="tree-empty" style={{ paddingLeft: 34 + (depth + 1) * 14 }}>
            None
          </div>
        )}
        {isOpen(key) &&
          g.tables.map((t) => {
            const tkey = nodeKey('t', schema, t.name);
            const tOpen = open.has(tkey);
            const icon =
              t.kind === 'view' ? (
                <ViewIcon />
              ) : t.kind === 'materialized_view' ? (
                <MatViewIcon />
              ) : (
                <TableIcon />
              );
            return (
              <div role="group" key={tkey}>
                <TreeRow
                  depth={depth + 1}
                  icon={icon}
                  label={t.name}
                  expanded={tOpen}
                  loading={tree.pending.has(`${schema}.${t.name}`)}
                  title={`${schema}.${t.name} — double-click to select the first 100 rows`}
                  testId="explorer-table"
                  className="is-table"
                  onToggle={() => {
                    if (!tOpen) void tree.loadDetails(schema, t.name);
                    toggle(tkey);
                  }}
                  onActivate={() =>
                    props.actions.onSelectRows(c, schema, t, tree.snapshot?.database ?? '')
                  }
                  onContextMenu={(x, y) => props.actions.onMenu(c, tree, schema, t, x, y)}
                  actions={
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Actions for ${t.name}`}
                      onClick={(e) => {
                        const r = e.currentTarget.getBoundingClientRect();
                        props.actions.onMenu(c, tree, schema, t, r.left, r.bottom + 2);
                      }}
                    >
                      <MoreIcon size={13} />
                    </button>
                  }
                />
                {tOpen && !t.partial && <TableColumns table={t} depth={depth + 2} />}
              </div>
            );
          })}
        {isOpen(key) &&
          g.routines.map((r) => (
            <TreeRow
              key={`r-${r.name}-${r.signature}`}
              depth={depth + 1}
              icon={<RoutineIcon />}
              label={r.name}
              detail={r.signature}
              title={`${r.kind} ${r.name}${r.signature}`}
            />
          ))}
      </div>
    );
  };

  return (
    <div role="group" className="tree-connection">
      <TreeRow
        depth={0}
        icon={<EngineIcon engine={c.engine} />}
        label={<span className="tree-conn-name">{c.name}</span>}
        expanded={expanded}
        loading={tree.loading}
        testId="explorer-connection"
        title={c.target}
        onToggle={() => {
          if (!expanded) tree.loadNames();
          toggle('conn');
        }}
        onContextMenu={(x, y) => props.actions.onConnectionMenu?.(c, x, y)}
        actions={
          <>
            <button
              type="button"
              className="icon-button"
              aria-label={`Explorer actions for ${c.name}`}
              onClick={(e) => {
                const r = e.currentTarget.getBoundingClientRect();
                props.actions.onConnectionMenu?.(c, r.left, r.bottom + 2);
              }}
            >
              <MoreIcon size={13} />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Refresh ${c.name}`}
              title="Re-read the schema"
              onClick={tree.refresh}
            >
              <RefreshIcon size={13} />
            </button>
          </>
        }
      />
      {expanded && tree.error && (
        <div className="tree-error" role="alert">
          {tree.error}{' '}
          <button type="button" className="link-button" onClick={tree.refresh}>
            Retry
          </button>
        </div>
      )}
      {expanded && tree.snapshot && schemas.length === 0 && (
        <div className="tree-empty" style={{ paddingLeft: 34 }}>
          {filtering ? 'Nothing matches the filter' : 'No schemas'}
        </div>
      )}
      {expanded &&
        schemas.map((s) =>
          single ? (
            s.groups.map((g) => renderGroup(s.name, g, 1))
          ) : (
            <div role="group" key={s.name}>
              <TreeRow
                depth={1}
                icon={<SchemaIcon />}
                label={s.name}
                badge={s.count}
                expanded={isOpen(nodeKey('s', s.name))}
                onToggle={() => toggle(nodeKey('s', s.name))}
                testId="explorer-schema"
              />
              {isOpen(nodeKey('s', s.name)) && s.groups.map((g) => renderGroup(s.name, g, 2))}
            </div>
          ),
        )}
    </div>
  );
}
