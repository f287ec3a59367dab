/**
 * A standalone SVG of a laid-out ER graph: table boxes (header, columns with type, PK/FK markers,
 * nullable types ending in `?`), orthogonal edges with crow's-foot ends, an embedded stylesheet
 * and a system monospace font stack (no external font, no script), so it opens anywhere and
 * converts to PNG with resvg.
 */
import type { ErEdge, ErGraph, ErNode } from './graph';
import type { ErLayout, ErPoint, ErRect } from './layout';
import {
  ER_CHAR_WIDTH,
  ER_FONT_FAMILY,
  ER_FONT_SIZE,
  ER_GAP_CHARS,
  ER_HEADER_HEIGHT,
  ER_MARKER_WIDTH,
  ER_MAX_COLUMNS,
  ER_PADDING_X,
  ER_ROW_HEIGHT,
  charsIn,
  fitText,
  headerLabel,
  nodeRows,
  typeLabel,
} from './measure';

/** SVG rendering options. */
export interface ErSvgOptions {
  /** A title drawn above the diagram (also the SVG `<title>`). */
  title?: string;
  /** Node ids drawn with a highlighted header (e.g. the focus table of a neighbour diagram). */
  highlight?: string[];
  /** Draw the key legend under the diagram (default true). */
  legend?: boolean;
  /** Rows per node before folding; must match the layout's. */
  maxColumns?: number;
  /** Margin around the drawing, px (default 20). */
  margin?: number;
}

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
.bg{fill:#ffffff}
text{font-family:${ER_FONT_FAMILY};font-size:${ER_FONT_SIZE}px;fill:#1f2937}
.box{fill:#ffffff;stroke:#94a3b8;stroke-width:1}
.head{fill:#e2e8f0}
.focus .head{fill:#fde68a}
.view .head{fill:#ede9fe}
.hname{font-weight:bold;fill:#0f172a}
.sep{stroke:#cbd5e1;stroke-width:1}
.alt{fill:#f8fafc}
.pk{fill:#b45309;font-weight:bold;font-size:10px}
.fk{fill:#1d4ed8;font-weight:bold;font-size:10px}
.type{fill:#64748b}
.null{fill:#94a3b8}
.more{fill:#64748b;font-style:italic}
.edge{fill:none;stroke:#475569;stroke-width:1.3}
.end{fill:none;stroke:#475569;stroke-width:1.3}
.dot{fill:#ffffff;stroke:#475569;stroke-width:1.3}
.legend{fill:#64748b;font-size:11px}
.title{font-size:15px;font-weight:bold;fill:#0f172a}
`;

const r1 = (n: number): string => String(Math.round(n * 10) / 10);
const BASELINE = ER_FONT_SIZE * 0.35;

function drawNode(node: ErNode, rect: ErRect, focus: boolean, maxColumns: number): string {
  const out: string[] = [];
  const { x, y, width, height } = rect;
  const cls = ['node', focus ? 'focus' : '', node.kind !== 'table' ? 'view' : ''].filter(Boolean).join(' ');
  out.push(`<g class="${cls}" data-id="${escapeXml(node.id)}">`);
  out.push(`<rect class="box" x="${r1(x)}" y="${r1(y)}" width="${r1(width)}" height="${r1(height)}" rx="4"/>`);
  out.push(`<path class="head" d="M${r1(x + 0.5)},${r1(y + ER_HEADER_HEIGHT)}V${r1(y + 4)}q0,-3.5 3.5,-3.5H${r1(x + width - 4)}q3.5,0 3.5,3.5V${r1(y + ER_HEADER_HEIGHT)}Z"/>`);
  out.push(`<line class="sep" x1="${r1(x)}" y1="${r1(y + ER_HEADER_HEIGHT)}" x2="${r1(x + width)}" y2="${r1(y + ER_HEADER_HEIGHT)}"/>`);
  const head = fitText(headerLabel(node), charsIn(width - 2 * ER_PADDING_X));
  out.push(`<text class="hname" x="${r1(x + ER_PADDING_X)}" y="${r1(y + ER_HEADER_HEIGHT / 2 + BASELINE)}">${escapeXml(head)}</text>`);
  const avail = charsIn(width - 2 * ER_PADDING_X - ER_MARKER_WIDTH);
  nodeRows(node, maxColumns).forEach((row, i) => {
    const top = y + ER_HEADER_HEIGHT + i * ER_ROW_HEIGHT;
    const base = r1(top + ER_ROW_HEIGHT / 2 + BASELINE);
    if (i % 2 === 1) out.push(`<rect class="alt" x="${r1(x + 1)}" y="${r1(top)}" width="${r1(width - 2)}" height="${ER_ROW_HEIGHT}"/>`);
    if (row.kind === 'more') {
      out.push(`<text class="more" x="${r1(x + ER_PADDING_X + ER_MARKER_WIDTH)}" y="${base}">${escapeXml(`… ${row.count} more columns`)}</text>`);
      return;
    }
    const c = row.column;
    const mark = c.pk && c.fk ? 'PF' : c.pk ? 'PK' : c.fk ? 'FK' : '';
    if (mark) out.push(`<text class="${c.pk ? 'pk' : 'fk'}" x="${r1(x + ER_PADDING_X)}" y="${base}">${mark}</text>`);
    // The name keeps priority; the type gets what is left (at least a few characters).
    const type = typeLabel(c);
    const nameChars = Math.min(c.name.length, Math.max(4, avail - ER_GAP_CHARS - Math.min(type.length, 8)));
    const name = fitText(c.name, nameChars);
    const typeText = fitText(type, Math.max(1, avail - name.length - ER_GAP_CHARS));
    const nameStyle = c.nullable ? '' : ' font-weight="bold"';
    out.push(`<text x="${r1(x + ER_PADDING_X + ER_MARKER_WIDTH)}" y="${base}"${nameStyle}>${escapeXml(name)}</text>`);
    out.push(`<text class="${c.nullable ? 'type null' : 'type'}" x="${r1(x + width - ER_PADDING_X)}" y="${base}" text-anchor="end">${escapeXml(typeText)}</text>`);
  });
  out.push('</g>');
  return out.join('');
}

/** Unit vector from a to b (orthogonal routes: one axis). */
function dir(a: ErPoint, b: ErPoint): ErPoint {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: dx / len, y: dy / len };
}

/** Crow's foot ("zero or many") at the child end `p`, pointing away from the node along `d`. */
function manyEnd(p: ErPoint, d: ErPoint): string {
  const n = { x: -d.y, y: d.x };
  const tip = { x: p.x + d.x * 11, y: p.y + d.y * 11 };
  const l = { x: p.x + n.x * 6, y: p.y + n.y * 6 };
  const r = { x: p.x - n.x * 6, y: p.y - n.y * 6 };
  const c = { x: p.x + d.x * 16, y: p.y + d.y * 16 };
  return `<path class="end" d="M${r1(l.x)},${r1(l.y)}L${r1(tip.x)},${r1(tip.y)}L${r1(r.x)},${r1(r.y)}M${r1(p.x)},${r1(p.y)}L${r1(tip.x)},${r1(tip.y)}"/><circle class="dot" cx="${r1(c.x)}" cy="${r1(c.y)}" r="4"/>`;
}

/** "Exactly one" (two bars) or "zero or one" (bar and circle) at the parent end `p`. */
function oneEnd(p: ErPoint, d: ErPoint, optional: boolean): string {
  const n = { x: -d.y, y: d.x };
  const bar = (k: number): string => {
    const c = { x: p.x + d.x * k, y: p.y + d.y * k };
    return `M${r1(c.x + n.x * 6)},${r1(c.y + n.y * 6)}L${r1(c.x - n.x * 6)},${r1(c.y - n.y * 6)}`;
  };
  if (optional) {
    const c = { x: p.x + d.x * 14, y: p.y + d.y * 14 };
    return `<path class="end" d="${bar(6)}"/><circle class="dot" cx="${r1(c.x)}" cy="${r1(c.y)}" r="4"/>`;
  }
  return `<path class="end" d="${bar(6)}${bar(10)}"/>`;
}

/** How the parent end of each shared end point is drawn: several FKs into one column meet at one port, and their end marks would overprint. */
type ParentEnds = Map<string, { optional: boolean; drawn: boolean }>;

const endKey = (p: ErPoint): string => `${r1(p.x)},${r1(p.y)}`;

function drawEdge(edge: ErEdge, points: ErPoint[], ends: ParentEnds): string {
  if (points.length < 2) return '';
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r1(p.x)},${r1(p.y)}`).join('');
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const title = `${edge.name}: ${edge.from}(${edge.fromColumns.join(', ')}) → ${edge.to}(${edge.toColumns.join(', ')})`;
  return (
    `<g class="rel" data-id="${escapeXml(edge.id)}"><title>${escapeXml(title)}</title>` +
    `<path class="edge" d="${d}"/>${manyEnd(first, dir(first, points[1]!))}${parentEnd(last, dir(last, points[points.length - 2]!), ends, edge)}</g>`
  );
}

/** The parent-end mark, once per shared end point: "zero or one" only when every FK ending there is optional. */
function parentEnd(p: ErPoint, d: ErPoint, ends: ParentEnds, edge: ErEdge): string {
  const end = ends.get(endKey(p));
  if (!end) return oneEnd(p, d, edge.optional ?? false);
  if (end.drawn) return '';
  end.drawn = true;
  return oneEnd(p, d, end.optional);
}

/** Renders the graph at the layout's positions as a standalone SVG document. */
export function renderErSvg(graph: ErGraph, layout: ErLayout, opts: ErSvgOptions = {}): string {
  const margin = opts.margin ?? 20;
  const maxColumns = opts.maxColumns ?? ER_MAX_COLUMNS;
  const focus = new Set(opts.highlight ?? []);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (x: number, y: number): void => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const n of graph.nodes) {
    const r = layout.nodes[n.id];
    if (r) {
      grow(r.x, r.y);
      grow(r.x + r.width, r.y + r.height);
    }
  }
  for (const e of graph.edges) for (const p of layout.edges[e.id]?.points ?? []) grow(p.x, p.y);
  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, 200, 40];
  const titleH = opts.title ? 30 : 0;
  const legend = opts.legend ?? true;
  const legendText = 'PK primary key · FK foreign key · bold name: NOT NULL · type?: nullable · crow\'s foot: many · bars: one · circle: optional';
  const legendH = legend ? 24 : 0;
  const width = Math.max(maxX - minX, legend ? legendText.length * ER_CHAR_WIDTH : 0) + 2 * margin;
  const height = maxY - minY + 2 * margin + titleH + legendH;
  const ox = minX - margin;
  const oy = minY - margin - titleH;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="${r1(ox)} ${r1(oy)} ${Math.ceil(width)} ${Math.ceil(height)}">`);
  out.push(`<title>${escapeXml(opts.title ?? 'ER diagram')}</title><style>${STYLE}</style>`);
  out.push(`<rect class="bg" x="${r1(ox)}" y="${r1(oy)}" width="${Math.ceil(width)}" height="${Math.ceil(height)}"/>`);
  if (opts.title) out.push(`<text class="title" x="${r1(minX)}" y="${r1(oy + margin + 12)}">${escapeXml(opts.title)}</text>`);
  out.push('<g class="edges">');
  const ends: ParentEnds = new Map();
  for (const e of graph.edges) {
    const last = layout.edges[e.id]?.points.at(-1);
    if (!last) continue;
    const k = endKey(last);
    const prev = ends.get(k);
    ends.set(k, { optional: (prev?.optional ?? true) && (e.optional ?? false), drawn: false });
  }
  for (const e of graph.edges) out.push(drawEdge(e, layout.edges[e.id]?.points ?? [], ends));
  out.push('</g><g class="nodes">');
  for (const n of graph.nodes) {
    const r = layout.nodes[n.id];
    if (r) out.push(drawNode(n, r, focus.has(n.id), maxColumns));
  }
  out.push('</g>');
  if (legend) out.push(`<text class="legend" x="${r1(minX)}" y="${r1(maxY + margin + 10)}">${escapeXml(legendText)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}
