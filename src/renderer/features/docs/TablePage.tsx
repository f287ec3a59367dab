/**
 * A table's documentation page in the app: like the exported HTML page (columns, indexes,
 * constraints, foreign keys and referenced-by that navigate, row estimate, neighbour diagram,
 * DDL) with editable Markdown descriptions for the table and each column.
 */
import type { ReactNode } from 'react';
import type { DocsBundle } from '../../../shared/docs';
import { buildDdl } from '../../../shared/docsDdl';
import { columnKeys, docTarget, rowEstimateText, type TableEntry, type TableIndex } from '../../../shared/docsPage';
import { useRequest } from '../../api/hooks';
import { DescribeWithAi } from './DescribeWithAi';
import { DescriptionEditor } from './DescriptionEditor';

/** Props: the table, the bundle it comes from, navigation and refresh. */
export interface TablePageProps {
  connectionId: string;
  bundle: DocsBundle;
  index: TableIndex;
  entry: TableEntry;
  onOpen(target: string): void;
  onSaved(): void;
}

function TableLink(props: { index: TableIndex; schema: string; table: string; onOpen(target: string): void }): ReactNode {
  const e = props.index.get(props.schema, props.table);
  const label = `${props.schema}.${props.table}`;
  if (!e) return <span title="Not in this schema snapshot">{label}</span>;
  return (
    <button type="button" className="docs-link" onClick={() => props.onOpen(e.target)}>
      {label}
    </button>
  );
}

const Cols = ({ cols }: { cols: string[] }): ReactNode => <code>{cols.join(', ')}</code>;

function Section(props: { title: string; count?: number; children: ReactNode; empty?: string; show?: boolean }): ReactNode {
  return (
    <section className="docs-section" aria-label={props.title}>
      <h3>
        {props.title}
        {props.count !== undefined && <span className="docs-count">{props.count}</span>}
      </h3>
      {props.show === false ? <p className="docs-faint">{props.empty}</p> : props.children}
    </section>
  );
}

/** The neighbour mini-diagram: main draws it (ELK + the ER engine's SVG); shown as an image. */
function NeighbourDiagram(props: { connectionId: string; target: string }): ReactNode {
  const diagram = useRequest('docsSite.diagram', { connectionId: props.connectionId, table: props.target });
  if (diagram.error) return <p className="docs-faint">The diagram could not be drawn: {diagram.error.message}</p>;
  if (!diagram.data) return <p className="docs-faint">Drawing…</p>;
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(diagram.data.svg)}`;
  return (
    <figure className="docs-diagram">
      <img src={src} alt={`${props.target} and ${diagram.data.tables - 1} neighbouring tables`} data-testid="docs-diagram" />
    </figure>
  );
}

/** The page. */
export function TablePage(props: TablePageProps): ReactNode {
  const { bundle, entry, index, connectionId } = props;
  const t = entry.table;
  const keys = columnKeys(t);
  const incoming = index.referencedBy(entry.schema, t.name);
  const columns = [...t.columns].sort((a, b) => a.ordinal - b.ordinal);
  return (
    <article className="docs-page" data-testid="docs-table-page" aria-label={`Documentation of ${entry.target}`}>
      <header className="docs-page-header">
        <div className="docs-faint">{entry.schema}</div>
        <h2>
          {t.name} <span className="docs-kind">{t.kind.replace('_', ' ')}</span>
        </h2>
        <div className="docs-faint">
          {t.columns.length} columns · {rowEstimateText(t.rowEstimate)}
          {t.comment ? <> · comment: <span className="docs-comment">{t.comment}</span></> : null}
        </div>
      </header>
      <DescriptionEditor connectionId={connectionId} target={entry.target} saved={bundle.descriptions[entry.target]} placeholder="No description yet." onSaved={props.onSaved} />
      <DescribeWithAi key={entry.target} connectionId={connectionId} target={entry.target} onSaved={props.onSaved} />

      <Section title="Columns" count={columns.length}>
        <table className="docs-grid">
          <thead>
            <tr><th>Name</th><th>Type</th><th>Null</th><th>Default</th><th>Keys</th><th>Comment</th><th className="docs-desc-col">Description</th></tr>
          </thead>
          <tbody>
            {columns.map((c) => {
              const target = docTarget(entry.schema, t.name, c.name);
              return (
                <tr key={c.name}>
                  <td className="mono"><strong>{c.name}</strong></td>
                  <td className="mono">{c.dataType}{c.autoIncrement ? <span className="docs-faint"> auto</span> : null}</td>
                  <td>{c.nullable ? 'yes' : <strong>no</strong>}</td>
                  <td className="mono">{c.default ?? ''}</td>
                  <td>{(keys.get(c.name) ?? []).map((k) => <span key={k} className={`docs-key docs-key-${k.toLowerCase()}`}>{k}</span>)}</td>
                  <td>{c.comment ?? ''}</td>
                  <td><DescriptionEditor compact connectionId={connectionId} target={target} saved={bundle.descriptions[target]} placeholder="" onSaved={props.onSaved} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Section>

      <Section title="Indexes" count={t.indexes.length} show={t.indexes.length > 0} empty="No indexes.">
        <table className="docs-grid">
          <thead><tr><th>Name</th><th>Columns</th><th>Unique</th></tr></thead>
          <tbody>{t.indexes.map((ix) => <tr key={ix.name}><td className="mono">{ix.name}{ix.primary ? ' (primary)' : ''}</td><td><Cols cols={ix.columns} /></td><td>{ix.unique ? 'yes' : ''}</td></tr>)}</tbody>
        </table>
      </Section>

      <Section title="Constraints" show={t.primaryKey.length + t.constraints.length > 0} empty="No constraints.">
        <table className="docs-grid">
          <thead><tr><th>Kind</th><th>Name</th><th>Definition</th></tr></thead>
          <tbody>
            {t.primaryKey.length > 0 && <tr><td>primary key</td><td /><td><Cols cols={t.primaryKey} /></td></tr>}
            {t.constraints.map((c) => <tr key={c.name}><td>{c.kind}</td><td className="mono">{c.name}</td><td>{c.kind === 'check' ? <code>{c.definition}</code> : <Cols cols={c.columns} />}</td></tr>)}
          </tbody>
        </table>
      </Section>

      <Section title="Foreign keys" count={t.foreignKeys.length} show={t.foreignKeys.length > 0} empty="No foreign keys.">
        <table className="docs-grid">
          <thead><tr><th>Name</th><th>Columns</th><th>References</th><th>On delete / update</th></tr></thead>
          <tbody>{t.foreignKeys.map((fk) => <tr key={fk.name}><td className="mono">{fk.name}</td><td><Cols cols={fk.columns} /></td><td><TableLink index={index} schema={fk.refSchema} table={fk.refTable} onOpen={props.onOpen} /> (<Cols cols={fk.refColumns} />)</td><td>{fk.onDelete} / {fk.onUpdate}</td></tr>)}</tbody>
        </table>
      </Section>

      <Section title="Referenced by" count={incoming.length} show={incoming.length > 0} empty="No table references this one.">
        <table className="docs-grid">
          <thead><tr><th>Table</th><th>Foreign key</th><th>Columns</th></tr></thead>
          <tbody>{incoming.map((r) => <tr key={`${r.schema}.${r.table}.${r.fk.name}`}><td><TableLink index={index} schema={r.schema} table={r.table} onOpen={props.onOpen} /></td><td className="mono">{r.fk.name}</td><td><Cols cols={r.fk.columns} /> → <Cols cols={r.fk.refColumns} /></td></tr>)}</tbody>
        </table>
      </Section>

      <Section title="Diagram">
        <NeighbourDiagram connectionId={connectionId} target={entry.target} />
      </Section>

      <Section title="DDL">
        <pre className="docs-ddl">{buildDdl(bundle.snapshot.engine, entry.schema, t, bundle.snapshot.database)}</pre>
      </Section>
    </article>
  );
}
