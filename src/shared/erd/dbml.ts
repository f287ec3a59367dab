/**
 * DBML (dbdiagram.io's schema language) of an ER graph: one `Table` block per node with column
 * types and settings (pk, increment, not null, default, note), composite primary keys as a pk
 * index, and one `Ref` line per foreign key with its actions.
 */
import type { ErGraph, ErNode } from './graph';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A DBML name: bare when it is an identifier, otherwise double-quoted. */
export function dbmlName(name: string): string {
  return IDENT.test(name) ? name : `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A DBML single-quoted string (notes). */
export function dbmlString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r?\n/g, '\\n')}'`;
}

/** A column type: bare when DBML's grammar takes it (`varchar(80)`, `int[]`), otherwise quoted. */
export function dbmlType(type: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*(\([0-9, ]*\))?(\[\])*$/.test(type)) return type.replace(/ /g, '');
  return `"${type.replace(/"/g, "'")}"`;
}

/** A default value: numbers and booleans as they are, anything else as a backtick expression (dropped if it has backticks). */
function dbmlDefault(value: string): string | undefined {
  if (/^-?\d+(\.\d+)?$/.test(value) || /^(true|false|null)$/i.test(value)) return value.toLowerCase();
  if (value.includes('`') || /[\r\n]/.test(value)) return undefined;
  return `\`${value}\``;
}

const tableRef = (n: { schema: string; name: string }): string => `${dbmlName(n.schema)}.${dbmlName(n.name)}`;

const ACTIONS = new Set(['cascade', 'restrict', 'set null', 'set default', 'no action']);

function tableBlock(n: ErNode): string[] {
  const lines: string[] = [];
  const pkCols = n.columns.filter((c) => c.pk);
  lines.push(`Table ${tableRef(n)} {`);
  for (const c of n.columns) {
    const settings: string[] = [];
    if (c.pk && pkCols.length === 1) settings.push('pk');
    if (c.autoIncrement) settings.push('increment');
    if (!c.nullable) settings.push('not null');
    const def = c.default !== undefined ? dbmlDefault(c.default) : undefined;
    if (def !== undefined) settings.push(`default: ${def}`);
    if (c.comment) settings.push(`note: ${dbmlString(c.comment)}`);
    lines.push(`  ${dbmlName(c.name)} ${dbmlType(c.type)}${settings.length ? ` [${settings.join(', ')}]` : ''}`);
  }
  if (pkCols.length > 1) {
    lines.push('', '  indexes {', `    (${pkCols.map((c) => dbmlName(c.name)).join(', ')}) [pk]`, '  }');
  }
  const note = [n.kind !== 'table' ? n.kind.replace('_', ' ') : '', n.comment ?? ''].filter(Boolean).join(': ');
  if (note) lines.push('', `  Note: ${dbmlString(note)}`);
  lines.push('}');
  return lines;
}

/** Renders the graph as DBML. */
export function renderDbml(graph: ErGraph, opts: { project?: string } = {}): string {
  const out: string[] = [];
  // Project names are plain identifiers in DBML: `my shop.db` becomes `my_shop_db`, the original goes in the note.
  const project = opts.project?.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^(?=[0-9])/, '_');
  if (opts.project && project) out.push(`Project ${project} {`, `  Note: ${dbmlString(`${opts.project}, exported by QueryGenie`)}`, '}', '');
  for (const n of graph.nodes) out.push(...tableBlock(n), '');
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const usedNames = new Set<string>();
  for (const e of graph.edges) {
    const from = byId.get(e.from)!;
    const to = byId.get(e.to)!;
    const cols = (cs: string[]): string => (cs.length === 1 ? dbmlName(cs[0]!) : `(${cs.map(dbmlName).join(', ')})`);
    const base = e.name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^([0-9])/, '_$1') || 'fk';
    let name = base;
    for (let i = 2; usedNames.has(name); i++) name = `${base}_${i}`;
    usedNames.add(name);
    const settings: string[] = [];
    const del = e.onDelete?.toLowerCase();
    const upd = e.onUpdate?.toLowerCase();
    if (del && del !== 'no action' && ACTIONS.has(del)) settings.push(`delete: ${del}`);
    if (upd && upd !== 'no action' && ACTIONS.has(upd)) settings.push(`update: ${upd}`);
    out.push(`Ref ${name}: ${tableRef(from)}.${cols(e.fromColumns)} > ${tableRef(to)}.${cols(e.toColumns)}${settings.length ? ` [${settings.join(', ')}]` : ''}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
