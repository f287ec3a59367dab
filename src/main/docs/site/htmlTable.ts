/**
 * One table's page of the HTML site: columns (type, nullable, default, keys, comment, the user's
 * description), indexes, constraints, foreign keys and referenced-by (linked), row estimate, the
 * neighbour diagram (inline SVG) and the DDL rebuilt from the snapshot.
 */
import type { Engine } from '../../../shared/connection';
import { buildDdl } from '../../../shared/docsDdl';
import { renderMarkdown } from '../../../shared/docsMarkdown';
import { columnKeys, docTarget, rowEstimateText, type TableEntry } from '../../../shared/docsPage';
import { pageOf, type SiteContext } from './context';
import { escapeHtml as h } from './escape';
import { pageShell } from './htmlPages';
import { svgDataUrl } from './neighbours';

const badge = (k: string): string => `<span class="badge ${k.toLowerCase()}">${k}</span>`;
const cols = (list: string[]): string => list.map((c) => `<code>${h(c)}</code>`).join(', ');

/** A link to a table's page from a sibling page, or plain text when it is not in the snapshot. */
function tableLink(ctx: SiteContext, schema: string, table: string): string {
  const file = pageOf(ctx, schema, table);
  const label = `${h(schema)}.${h(table)}`;
  return file ? `<a href="${file}.html">${label}</a>` : `<span title="not in this snapshot">${label}</span>`;
}

/** A section with a heading; `empty` shows when there is nothing. */
function section(title: string, id: string, content: string | null, empty: string): string {
  return `<h2 id="${id}">${h(title)}</h2>\n${content ?? `<p class="empty">${h(empty)}</p>`}`;
}

/** Renders a table page; `svg` is the neighbour diagram (an SVG document) or '' for none. */
export function renderTablePage(ctx: SiteContext, e: TableEntry, svg: string): string {
  const t = e.table;
  const { descriptions } = ctx.bundle;
  const engine: Engine = ctx.bundle.snapshot.engine;
  const keys = columnKeys(t);
  const parts: string[] = [];
  parts.push(`<p class="muted"><a href="../index.html#schema-${ctx.bundle.snapshot.schemas.findIndex((s) => s.name === e.schema)}">${h(e.schema)}</a></p>`);
  parts.push(`<h1>${h(t.name)} <span class="badge">${h(t.kind.replace('_', ' '))}</span></h1>`);
  parts.push(`<p class="muted">${t.columns.length} columns · ${h(rowEstimateText(t.rowEstimate))}</p>`);
  if (t.comment) parts.push(`<p><span class="faint">Comment:</span> ${h(t.comment)}</p>`);
  const own = descriptions[e.target]?.trim();
  if (own) parts.push(`<div class="description desc">${renderMarkdown(own)}</div>`);

  const colRows = [...t.columns]
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((c) => {
      const d = descriptions[docTarget(e.schema, t.name, c.name)]?.trim();
      return `<tr id="col-${h(encodeURIComponent(c.name))}"><td class="num">${c.ordinal}</td><td class="mono"><strong>${h(c.name)}</strong></td><td class="mono">${h(c.dataType)}${c.autoIncrement ? ' <span class="faint">auto</span>' : ''}</td><td>${c.nullable ? 'yes' : '<strong>no</strong>'}</td><td class="mono">${c.default === null ? '' : h(c.default)}</td><td>${(keys.get(c.name) ?? []).map(badge).join(' ')}</td><td>${c.comment ? h(c.comment) : ''}</td><td class="desc">${d ? renderMarkdown(d) : ''}</td></tr>`;
    });
  parts.push(section('Columns', 'columns', `<table class="grid"><thead><tr><th>#</th><th>Name</th><th>Type</th><th>Nullable</th><th>Default</th><th>Keys</th><th>Comment</th><th>Description</th></tr></thead><tbody>\n${colRows.join('\n')}\n</tbody></table>`, 'No columns.'));

  parts.push(section('Indexes', 'indexes', t.indexes.length ? `<table class="grid"><thead><tr><th>Name</th><th>Columns</th><th>Unique</th></tr></thead><tbody>${t.indexes.map((ix) => `<tr><td class="mono">${h(ix.name)}${ix.primary ? ` ${badge('PK')}` : ''}</td><td>${cols(ix.columns)}</td><td>${ix.unique ? 'yes' : ''}</td></tr>`).join('')}</tbody></table>` : null, 'No indexes.'));

  const constraints: string[] = [];
  if (t.primaryKey.length) constraints.push(`<tr><td>primary key</td><td></td><td>${cols(t.primaryKey)}</td></tr>`);
  for (const c of t.constraints) constraints.push(`<tr><td>${c.kind}</td><td class="mono">${h(c.name)}</td><td>${c.kind === 'check' ? `<code>${h(c.definition ?? '')}</code>` : cols(c.columns)}</td></tr>`);
  parts.push(section('Constraints', 'constraints', constraints.length ? `<table class="grid"><thead><tr><th>Kind</th><th>Name</th><th>Definition</th></tr></thead><tbody>${constraints.join('')}</tbody></table>` : null, 'No constraints.'));

  parts.push(section('Foreign keys', 'foreign-keys', t.foreignKeys.length ? `<table class="grid"><thead><tr><th>Name</th><th>Columns</th><th>References</th><th>On delete</th><th>On update</th></tr></thead><tbody>${t.foreignKeys.map((fk) => `<tr><td class="mono">${h(fk.name)}</td><td>${cols(fk.columns)}</td><td>${tableLink(ctx, fk.refSchema, fk.refTable)} (${cols(fk.refColumns)})</td><td>${h(fk.onDelete)}</td><td>${h(fk.onUpdate)}</td></tr>`).join('')}</tbody></table>` : null, 'No foreign keys.'));

  const incoming = ctx.index.referencedBy(e.schema, t.name);
  parts.push(section('Referenced by', 'referenced-by', incoming.length ? `<table class="grid"><thead><tr><th>Table</th><th>Foreign key</th><th>Columns</th></tr></thead><tbody>${incoming.map((r) => `<tr><td>${tableLink(ctx, r.schema, r.table)}</td><td class="mono">${h(r.fk.name)}</td><td>${cols(r.fk.columns)} → ${cols(r.fk.refColumns)}</td></tr>`).join('')}</tbody></table>` : null, 'No table references this one.'));

  if (svg) parts.push(section('Diagram', 'diagram', `<figure class="diagram"><img src="${svgDataUrl(svg)}" alt="${h(`${e.target} and the tables it references or is referenced by`)}"></figure>`, ''));
  parts.push(section('DDL', 'ddl', `<pre class="ddl"><code>${h(buildDdl(engine, e.schema, t, ctx.bundle.snapshot.database))}</code></pre>`, ''));
  return pageShell(ctx, { title: `${e.schema}.${t.name}`, root: '../', body: parts.join('\n') });
}
