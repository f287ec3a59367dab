/**
 * The small diagram of a table and its direct neighbours, for table pages: an SVG (HTML site,
 * Docs view) and a Mermaid `erDiagram` (Markdown). Drawn by the ER engine (src/shared/erd) from
 * the same snapshot, limited to one hop and a few tables so hub tables stay readable.
 */
import { buildErGraph, layoutNeighbourhood, renderErSvg, renderMermaid, type ErGraph } from '../../../shared/erd';
import type { TableEntry, TableIndex } from '../../../shared/docsPage';

/** Tables a neighbour diagram shows at most (the page lists every key anyway). */
export const NEIGHBOUR_LIMIT = 9;
/** Column rows per table in a neighbour diagram before folding into "… more". */
export const NEIGHBOUR_COLUMNS = 10;

/** The ER graph of a table and its direct neighbours. */
export function neighbourGraph(index: TableIndex, entry: TableEntry): ErGraph {
  const tables = index.neighbours(entry.schema, entry.table.name, NEIGHBOUR_LIMIT);
  return buildErGraph(index.subSnapshot(tables), { includeViews: true });
}

/**
 * The neighbour diagram as a standalone SVG document (the ER engine escapes every name). Laid out
 * by the ER engine's one-hop layout (referencing tables left, referenced right), not with ELK:
 * same shape for one hop, ~100× faster.
 */
export function neighbourSvg(index: TableIndex, entry: TableEntry): string {
  const graph = neighbourGraph(index, entry);
  const layout = layoutNeighbourhood(graph, entry.target, NEIGHBOUR_COLUMNS);
  return renderErSvg(graph, layout, { highlight: [entry.target], legend: false, maxColumns: NEIGHBOUR_COLUMNS, margin: 10 });
}

/**
 * The SVG as a data URL for an `<img>`: the SVG keeps its own stylesheet to itself (inlined, its
 * `<style>` would restyle the page) and an image can run nothing.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** The neighbour diagram as Mermaid `erDiagram` text (no code fence). */
export function neighbourMermaid(index: TableIndex, entry: TableEntry): string {
  // Mermaid renders labels as HTML (sanitised, but a viewer may be older): angle brackets from
  // names become look-alike quotes; the diagram syntax itself uses none.
  return renderMermaid(neighbourGraph(index, entry)).trimEnd().replace(/</g, '‹').replace(/>/g, '›');
}
