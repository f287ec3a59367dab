/** Contract part — docs outputs: export the data dictionary (HTML site, Markdown, JSON) and neighbour diagrams for the Docs view. */
import { z } from 'zod';
import { event, id, request } from './define';

/** Requests of this part (names also listed in contractNames.ts, DOCS_SITE_METHODS). */
export const docsSiteRequests = {
  /** Writes the docs export into the exports folder (`<connection>-docs-<time>/`); progress: `docsSite.progress`. */
  'docsSite.export': request<DocsSiteExportResult>()(
    z.strictObject({
      connectionId: id,
      format: z.enum(['html', 'md', 'json']),
      /** Lets `docsSite.cancel` stop it and ties progress events to it. */
      exportId: id.optional(),
      diagrams: z.boolean().optional(),
    }),
  ),
  /** Stops a running export at the next table. */
  'docsSite.cancel': request<{ cancelled: boolean }>()(z.strictObject({ exportId: id })),
  /** The SVG of a table and its direct neighbours (the table page's mini diagram). */
  'docsSite.diagram': request<DocsNeighbourDiagram>()(z.strictObject({ connectionId: id, table: z.string().min(1).max(1000) })),
} as const;

/** Events of this part. */
export const docsSiteEvents = {
  /** Progress of a docs export: tables written of total. */
  'docsSite.progress': event<DocsSiteProgress>(),
} as const;

/** What a docs export wrote. */
export interface DocsSiteExportResult {
  format: 'html' | 'md' | 'json';
  /** The folder written. */
  path: string;
  /** The file to open: index.html, README.md or docs.json. */
  entry: string;
  files: number;
  tablePages: number;
}

/** Progress of a docs export. */
export interface DocsSiteProgress {
  exportId: string;
  done: number;
  total: number;
}

/** A neighbour diagram: a standalone SVG document drawn from escaped names. */
export interface DocsNeighbourDiagram {
  /** `schema.table` of the diagram's own table. */
  table: string;
  svg: string;
  /** Tables drawn (the table itself included). */
  tables: number;
}
