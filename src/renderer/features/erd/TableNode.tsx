/**
 * A table of the diagram: header (schema and name) and one row per shown column (key marker,
 * name, type with `?` when nullable). Drawn at exactly the engine's `measureNode` size with rows
 * at `rowCenterY`, so ELK's routes meet the rows. Columns that foreign keys join carry handles on
 * both sides. Zoomed far out, rows are left out (a table is a few pixels tall then).
 */
import { memo, useMemo, type ReactNode } from 'react';
import {
  Handle,
  Position,
  useStore,
  type Node,
  type NodeProps,
  type ReactFlowState,
} from '@xyflow/react';
import { nodeRows, typeLabel } from '../../../shared/erd/measure';
import { handleTop, type TableNodeData } from './model';

/** The xyflow node type of a table. */
export type TableFlowNode = Node<TableNodeData, 'table'>;

/** Below this zoom the column rows are not drawn (unreadable anyway, and 500 tables stay fast). */
export const DETAIL_ZOOM = 0.4;
const farSelector = (s: ReactFlowState): boolean => s.transform[2] < DETAIL_ZOOM;

function Handles({ data }: { data: TableNodeData }): ReactNode {
  return data.handles.map((h) => (
    <Handle
      key={h.id}
      id={h.id}
      type={h.type}
      position={h.side === 'l' ? Position.Left : Position.Right}
      style={{ top: handleTop(data.table, h.column) }}
      isConnectable={false}
    />
  ));
}

/** Font size that fits a table's name across the node when zoomed out (monospace: 0.6 em per char). */
const farFontSize = (name: string, width: number, height: number): number =>
  Math.max(12, Math.min(40, height * 0.45, (width - 16) / (Math.max(4, name.length) * 0.61)));

function TableNodeView({ data, width, height }: NodeProps<TableFlowNode>): ReactNode {
  const t = data.table;
  const far = useStore(farSelector);
  const rows = useMemo(() => nodeRows(t), [t]);
  if (far) {
    // Zoomed out: the name, as large as the box allows, is what can still be read.
    return (
      <div
        className={`erd-node is-far${t.kind === 'table' ? '' : ' is-view'}`}
        data-testid="erd-node"
        data-table={t.id}
      >
        <div
          className="erd-node-far-name"
          style={{ fontSize: farFontSize(t.name, width ?? 150, height ?? 60) }}
        >
          {t.name}
        </div>
        <Handles data={data} />
      </div>
    );
  }
  return (
    <div
      className={`erd-node${t.kind === 'table' ? '' : ' is-view'}`}
      data-testid="erd-node"
      data-table={t.id}
    >
      <div
        className="erd-node-header"
        title={`${t.id}${t.kind === 'table' ? '' : ` (${t.kind.replace('_', ' ')})`}`}
      >
        <span className="erd-node-schema">{t.schema}.</span>
        <span className="erd-node-name">{t.name}</span>
      </div>
      {rows.map((r) =>
        r.kind === 'column' ? (
          <div
            key={r.column.name}
            className={`erd-row${r.column.pk ? ' is-pk' : ''}${r.column.fk ? ' is-fk' : ''}`}
          >
            <span className="erd-key">
              {r.column.pk ? 'PK' : r.column.fk ? 'FK' : r.column.ref ? 'UK' : ''}
            </span>
            <span className="erd-col-name">{r.column.name}</span>
            <span
              className={`erd-col-type${r.column.nullable ? ' is-null' : ''}`}
              title={r.column.nullable ? 'nullable' : 'not null'}
            >
              {typeLabel(r.column)}
            </span>
          </div>
        ) : (
          <div key="…more" className="erd-row erd-more">
            … {r.count} more columns
          </div>
        ),
      )}
      <Handles data={data} />
    </div>
  );
}

/** The memoised table node (xyflow re-renders it only when its data or selection changes). */
export const TableNode = memo(TableNodeView);
