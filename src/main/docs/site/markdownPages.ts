/**
 * The Markdown export: README.md (summary, coverage, lint, table list), one page per table with
 * the same sections as the HTML site and a Mermaid `erDiagram` of its neighbours, glossary.md and
 * lint.md. Names and comments are escaped for table cells; the user's Markdown is kept as written
 * with raw HTML neutralised.
 */
import type { Engine } from '../../../shared/connection';
import { LINT_RULES } from '../../../shared/docs';
import { buildDdl } from '../../../shared/docsDdl';
import { columnKeys, docTarget, percent, rowEstimateText, type TableEntry } from '../../../shared/docsPage';
import { snapshotCounts } from '../../../shared/schema';
import { pageOf, type SiteContext } from './context';
import { escapeMarkdownText as m, neutraliseMarkdownHtml } from './escape';

const code = (s: string): string => (s.includes('`') ? `\`\` ${s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')} \`\`` : `\`${s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}\``);
const list = (cols: string[]): string => cols.map(code).join(', ');
// A Markdown link target: page names are ASCII slugs, but encode anyway so `(`/`)` never break a link.
const href = (path: string): string => encodeURI(path).replace(/\(/g, '%28').replace(/\)/g, '%29');

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: string[], rows: string[][]): string {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
}

function link(ctx: SiteContext, schema: string, name: string, prefix: string): string {
  const file = pageOf(ctx, schema, name);
  const label = m(`${schema}.${name}`);
  return file ? `[${label}](${href(`${prefix}${file}.md`)})` : label;
}

/** README.md */
export function renderReadme(ctx: SiteContext): string {
  const { snapshot, coverage, lint } = ctx.bundle;
  const c = snapshotCounts(snapshot);
  const out: string[] = [`# ${m(snapshot.database || 'Database')}`, ''];
  out.push(`${m(snapshot.engine)}${snapshot.serverVersion ? ` ${m(snapshot.serverVersion)}` : ''} · snapshot ${m(snapshot.capturedAt)}`, '');
  out.push(`${snapshot.schemas.length} schemas · ${c.tables} tables · ${c.views} views · ${c.columns} columns · ${c.foreignKeys} foreign keys · ${c.indexes} indexes`, '');
  out.push('## Documentation coverage', '');
  out.push(`- Tables: ${percent(coverage.tables.documented, coverage.tables.total)} (${coverage.tables.documented} of ${coverage.tables.total})`);
  out.push(`- Columns: ${percent(coverage.columns.documented, coverage.columns.total)} (${coverage.columns.documented} of ${coverage.columns.total})`, '');
  out.push('## Lint', '');
  const counts = LINT_RULES.map((r) => ({ r, n: lint.filter((f) => f.rule === r.id).length })).filter((x) => x.n > 0);
  out.push(counts.length ? counts.map(({ r, n }) => `- ${m(r.title)}: ${n}`).join('\n') : 'No findings.', '', 'See [lint.md](lint.md) and the [glossary](glossary.md).', '');
  for (const s of snapshot.schemas) {
    out.push(`## Schema ${m(s.name)}`, '');
    out.push(table(['Table', 'Kind', 'Columns', 'Rows', 'Description'], s.tables.map((t) => {
      const e = ctx.index.get(s.name, t.name)!;
      const desc = (ctx.bundle.descriptions[e.target]?.trim() || t.comment || '').split('\n')[0] ?? '';
      return [link(ctx, s.name, t.name, 'tables/'), t.kind.replace('_', ' '), String(t.columns.length), rowEstimateText(t.rowEstimate), m(desc)];
    })), '');
  }
  return out.join('\n');
}

/** One table's page; `mermaid` is the neighbour erDiagram (without fences). */
export function renderTableMarkdown(ctx: SiteContext, e: TableEntry, mermaid: string): string {
  const t = e.table;
  const engine: Engine = ctx.bundle.snapshot.engine;
  const keys = columnKeys(t);
  const out: string[] = [`[${m(ctx.bundle.snapshot.database || 'Database')}](../README.md) / ${m(e.schema)}`, '', `# ${m(t.name)} (${t.kind.replace('_', ' ')})`, ''];
  out.push(`${t.columns.length} columns · ${rowEstimateText(t.rowEstimate)}`, '');
  if (t.comment) out.push(`Comment: ${m(t.comment)}`, '');
  const own = ctx.bundle.descriptions[e.target]?.trim();
  if (own) out.push(neutraliseMarkdownHtml(own), '');
  out.push('## Columns', '');
  out.push(table(['#', 'Name', 'Type', 'Nullable', 'Default', 'Keys', 'Comment', 'Description'], [...t.columns].sort((a, b) => a.ordinal - b.ordinal).map((c) => {
    const d = ctx.bundle.descriptions[docTarget(e.schema, t.name, c.name)]?.trim() ?? '';
    return [String(c.ordinal), code(c.name), code(c.dataType), c.nullable ? 'yes' : '**no**', c.default === null ? '' : code(c.default), (keys.get(c.name) ?? []).join(' '), m(c.comment ?? ''), neutraliseMarkdownHtml(d).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')];
  })), '');
  out.push('## Indexes', '', t.indexes.length ? table(['Name', 'Columns', 'Unique'], t.indexes.map((ix) => [code(ix.name) + (ix.primary ? ' PK' : ''), list(ix.columns), ix.unique ? 'yes' : ''])) : '_No indexes._', '');
  const cons: string[][] = [];
  if (t.primaryKey.length) cons.push(['primary key', '', list(t.primaryKey)]);
  for (const c of t.constraints) cons.push([c.kind, code(c.name), c.kind === 'check' ? code(c.definition ?? '') : list(c.columns)]);
  out.push('## Constraints', '', cons.length ? table(['Kind', 'Name', 'Definition'], cons) : '_No constraints._', '');
  out.push('## Foreign keys', '', t.foreignKeys.length ? table(['Name', 'Columns', 'References', 'On delete', 'On update'], t.foreignKeys.map((fk) => [code(fk.name), list(fk.columns), `${link(ctx, fk.refSchema, fk.refTable, '')} (${list(fk.refColumns)})`, m(fk.onDelete), m(fk.onUpdate)])) : '_No foreign keys._', '');
  const incoming = ctx.index.referencedBy(e.schema, t.name);
  out.push('## Referenced by', '', incoming.length ? table(['Table', 'Foreign key', 'Columns'], incoming.map((r) => [link(ctx, r.schema, r.table, ''), code(r.fk.name), `${list(r.fk.columns)} → ${list(r.fk.refColumns)}`])) : '_No table references this one._', '');
  if (mermaid) out.push('## Diagram', '', '```mermaid', mermaid, '```', '');
  out.push('## DDL', '', '```sql', buildDdl(engine, e.schema, t, ctx.bundle.snapshot.database).replace(/```/g, '` ` `'), '```', '');
  return out.join('\n');
}

/** glossary.md */
export function renderGlossaryMarkdown(ctx: SiteContext): string {
  const terms = [...ctx.bundle.glossary].sort((a, b) => a.term.localeCompare(b.term));
  const out = ['[Back to the overview](README.md)', '', '# Glossary', ''];
  if (!terms.length) out.push('_No glossary terms yet._');
  for (const t of terms) out.push(`## ${m(t.term)}`, '', neutraliseMarkdownHtml(t.definition), '');
  return out.join('\n');
}

/** lint.md */
export function renderLintMarkdown(ctx: SiteContext): string {
  const out = ['[Back to the overview](README.md)', '', '# Lint report', ''];
  if (!ctx.bundle.lint.length) out.push('No findings.');
  for (const rule of LINT_RULES) {
    const findings = ctx.bundle.lint.filter((f) => f.rule === rule.id);
    if (!findings.length) continue;
    out.push(`## ${m(rule.title)} (${findings.length})`, '', m(rule.explanation), '');
    out.push(table(['Object', 'Finding'], findings.map((f) => {
      const e = ctx.index.tableOf(f.target);
      const file = e ? ctx.names.get(e) : undefined;
      return [file ? `[${m(f.target)}](${href(`tables/${file}.md`)})` : m(f.target), m(f.message)];
    })), '');
  }
  return out.join('\n');
}
