/**
 * One entry point from a snapshot to a diagram file's content, shared by the `erd.export`
 * handler and the `querygenie erd` command: graph → (layout → SVG → PNG) or Mermaid / DBML text.
 */
import type { ErdExportFormat } from '../../shared/contracts/erd';
import { buildErGraph, keysOnlyGraph, type ErGraph, type ErGraphOptions } from '../../shared/erd/graph';
import { layoutErGraph, placeWithPinned, type ErPoint } from '../../shared/erd/layout';
import { renderDbml } from '../../shared/erd/dbml';
import { renderMermaid } from '../../shared/erd/mermaid';
import { renderErSvg } from '../../shared/erd/svg';
import type { SchemaSnapshot } from '../../shared/schema';
import { svgToPng } from './png';

/** File extension of each export format. */
export const ERD_EXTENSIONS: Record<ErdExportFormat, string> = { svg: 'svg', png: 'png', mermaid: 'mmd', dbml: 'dbml' };

/** The format a file name asks for, by extension; undefined when it is not one of ours. */
export function formatFromPath(file: string): ErdExportFormat | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'svg' || ext === 'png' || ext === 'dbml') return ext;
  if (ext === 'mmd' || ext === 'mermaid') return 'mermaid';
  return undefined;
}

/** What to draw and how. */
export interface RenderErdOptions extends ErGraphOptions {
  format: ErdExportFormat;
  /** Manual positions (a saved view); the automatic layout fills in the rest. */
  positions?: Record<string, ErPoint>;
  title?: string;
  /** Key columns only (primary, foreign and referenced keys). */
  keysOnly?: boolean;
}

/** A rendered diagram. */
export interface RenderedErd {
  graph: ErGraph;
  content: string | Buffer;
}

/** Renders a diagram of the snapshot in the requested format. */
export async function renderErd(snapshot: SchemaSnapshot, opts: RenderErdOptions): Promise<RenderedErd> {
  const full = buildErGraph(snapshot, opts);
  const graph = opts.keysOnly ? keysOnlyGraph(full) : full;
  if (opts.format === 'mermaid') return { graph, content: renderMermaid(graph, opts.title ? { title: opts.title } : {}) };
  if (opts.format === 'dbml') return { graph, content: renderDbml(graph, { project: snapshot.database }) };
  let layout = await layoutErGraph(graph);
  if (opts.positions && Object.keys(opts.positions).length > 0) layout = placeWithPinned(graph, layout, opts.positions);
  const highlight = opts.focus ? graph.nodes.filter((n) => n.id === opts.focus || n.name === opts.focus).map((n) => n.id) : [];
  const svg = renderErSvg(graph, layout, { title: opts.title ?? snapshot.database, highlight });
  return { graph, content: opts.format === 'png' ? await svgToPng(svg) : svg };
}
