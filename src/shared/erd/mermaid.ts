/**
 * Mermaid `erDiagram` text of an ER graph. Mermaid's grammar is narrow: entity names and
 * attribute types are single words of letters, digits, `_` and `-`, so `schema.table` becomes
 * `schema__table` and `numeric(12,2)` becomes `numeric_12_2`; the original spellings go in the
 * attribute comment when they changed. Relationship labels are quoted FK names.
 */
import type { ErGraph, ErNode } from './graph';

/** Mermaid-safe word: letters, digits and `_` only, not starting with a digit. */
export function mermaidWord(text: string): string {
  const w = text
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (!w) return 'x';
  return /^[0-9]/.test(w) ? `_${w}` : w;
}

/** A quoted Mermaid string (double quotes cannot be escaped there, so they become single quotes). */
const quoted = (text: string): string => `"${text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;

/** Unique Mermaid entity names for the nodes: `schema__table`, suffixed when two collide after sanitising. */
export function mermaidEntityNames(nodes: ErNode[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const n of nodes) {
    const base = `${mermaidWord(n.schema)}__${mermaidWord(n.name)}`;
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    used.add(name.toLowerCase());
    names.set(n.id, name);
  }
  return names;
}

/** Renders the graph as a Mermaid `erDiagram`. */
export function renderMermaid(graph: ErGraph, opts: { title?: string } = {}): string {
  const names = mermaidEntityNames(graph.nodes);
  const lines: string[] = [];
  if (opts.title) lines.push('---', `title: ${quoted(opts.title)}`, '---');
  lines.push('erDiagram');
  for (const n of graph.nodes) {
    if (n.columns.length === 0) {
      lines.push(`  ${names.get(n.id)!}`);
      continue;
    }
    lines.push(`  ${names.get(n.id)!} {`);
    for (const c of n.columns) {
      const keys = [c.pk ? 'PK' : '', c.fk ? 'FK' : ''].filter(Boolean).join(', ');
      const type = mermaidWord(c.type);
      const name = mermaidWord(c.name);
      const notes: string[] = [];
      if (name !== c.name || type !== c.type) notes.push(`${c.name} ${c.type}`);
      if (c.nullable) notes.push('null');
      const comment = notes.length ? ` ${quoted(notes.join(', '))}` : '';
      lines.push(`    ${type} ${name}${keys ? ` ${keys}` : ''}${comment}`);
    }
    lines.push('  }');
  }
  for (const e of graph.edges) {
    // Child (many) to parent (exactly one, or zero-or-one when every FK column is nullable).
    const parentEnd = e.optional ? 'o|' : '||';
    lines.push(`  ${names.get(e.from)!} }o--${parentEnd} ${names.get(e.to)!} : ${quoted(e.name)}`);
  }
  return `${lines.join('\n')}\n`;
}
