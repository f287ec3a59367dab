/** The columns of an expanded table: name, type, and primary/foreign key markers. */
import type { ReactNode } from 'react';
import type { TableInfo } from '../../../shared/schema';
import { ColumnIcon, FkIcon, PkIcon } from './icons';
import { TreeRow } from './TreeRow';

/** Column rows under a table, in ordinal order. */
export function TableColumns(props: { table: TableInfo; depth: number }): ReactNode {
  const t = props.table;
  const fkByColumn = new Map<string, string>();
  for (const fk of t.foreignKeys)
    fk.columns.forEach((col, i) => fkByColumn.set(col, `${fk.refTable}.${fk.refColumns[i] ?? ''}`));
  const columns = [...t.columns].sort((a, b) => a.ordinal - b.ordinal);
  if (columns.length === 0)
    return (
      <div className="tree-empty" style={{ paddingLeft: 34 + props.depth * 14 }}>
        No columns
      </div>
    );
  return (
    <>
      {columns.map((col) => {
        const pk = t.primaryKey.includes(col.name);
        const fk = fkByColumn.get(col.name);
        const icon = pk ? (
          <span className="key-pk">
            <PkIcon size={13} />
          </span>
        ) : fk ? (
          <span className="key-fk">
            <FkIcon size={13} />
          </span>
        ) : (
          <ColumnIcon size={13} />
        );
        const notes = [
          pk ? 'primary key' : null,
          fk ? `references ${fk}` : null,
          col.nullable ? 'nullable' : 'not null',
          col.default !== null ? `default ${col.default}` : null,
          col.comment,
        ].filter(Boolean);
        return (
          <TreeRow
            key={col.name}
            depth={props.depth}
            icon={icon}
            label={col.name}
            detail={col.dataType.toLowerCase()}
            title={`${col.name} ${col.dataType} — ${notes.join(', ')}`}
            testId="explorer-column"
            className="is-column"
          />
        );
      })}
    </>
  );
}
