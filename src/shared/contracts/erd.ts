/** Contract part — ER diagrams: graph of a schema (whole or around a table), saved views, exports. */
import { z } from 'zod';
import type { ErGraph } from '../erd/graph';
import { id, request } from './define';

const tableName = z.string().min(1).max(600);
const tableList = z.array(tableName).max(5000);
const hops = z.number().int().min(0).max(10);
const schemas = z.array(z.string().min(1).max(300)).max(500);
const point = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

/** Export formats of a diagram. */
export const ERD_EXPORT_FORMATS = ['svg', 'png', 'mermaid', 'dbml'] as const;
/** An export format of a diagram. */
export type ErdExportFormat = (typeof ERD_EXPORT_FORMATS)[number];

/** Requests of this feature (method names must also be listed in contractNames.ts). */
export const erdRequests = {
  /**
   * The ER graph of a connection's schema: whole, some schemas, a table list, or `focus` + `hops`
   * (FKs followed both ways). The layout is computed in the renderer's worker, not here.
   */
  'erd.graph': request<ErdGraphResult>()(
    z.strictObject({ connectionId: id, focus: tableName.optional(), hops: hops.optional(), tables: tableList.optional(), schemas: schemas.optional(), refresh: z.boolean().optional() }),
  ),
  /** Saved ER views of a connection (newest first), without their positions. */
  'erd.views.list': request<ErdViewSummary[]>()(z.strictObject({ connectionId: id })),
  /** A saved view reconciled with the live schema: dropped tables flagged `missing`, new related tables `suggested`. */
  'erd.views.get': request<ErdViewResult>()(z.strictObject({ viewId: id })),
  /** Creates (no viewId) or replaces a saved view; names are unique per connection. */
  'erd.views.save': request<ErdView>()(
    z.strictObject({
      connectionId: id,
      viewId: id.optional(),
      name: z.string().trim().min(1).max(200),
      tables: tableList.min(1),
      positions: z.record(tableName, point).refine((r) => Object.keys(r).length <= 5000, 'at most 5000 positions').optional(),
      focus: tableName.nullable().optional(),
      hops: hops.nullable().optional(),
    }),
  ),
  /** Deletes a saved view. */
  'erd.views.delete': request<{ deleted: boolean }>()(z.strictObject({ viewId: id })),
  /** Writes the diagram (whole schema, focus + hops, or a saved view with its positions) into the exports folder. */
  'erd.export': request<{ path: string }>()(
    z.strictObject({
      connectionId: id,
      format: z.enum(ERD_EXPORT_FORMATS),
      focus: tableName.optional(),
      hops: hops.optional(),
      viewId: id.optional(),
      tables: tableList.optional(),
      schemas: schemas.optional(),
      /** Where the tables are on screen (drags not saved yet); the layout fills in the rest. */
      positions: z.record(tableName, point).refine((r) => Object.keys(r).length <= 5000, 'at most 5000 positions').optional(),
      /** Draw key columns only, as the view shows them. */
      keysOnly: z.boolean().optional(),
    }),
  ),
} as const;

/** Events of this feature (names must also be listed in contractNames.ts). */
export const erdEvents = {} as const;

/** The graph of `erd.graph`. */
export interface ErdGraphResult {
  graph: ErGraph;
  /** Foreign keys to or from tables outside the graph ("12 links to tables not shown"). */
  hiddenLinks: number;
  /** The same, per node id that has any. */
  hiddenByNode: Record<string, number>;
}

/** A saved view as listed. */
export interface ErdViewSummary {
  id: string;
  connectionId: string;
  name: string;
  tableCount: number;
  focus: string | null;
  hops: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A saved view: a named table subset with manual positions (node id → top-left corner). */
export interface ErdView extends ErdViewSummary {
  /** Node ids (`schema.table`), including tables that no longer exist. */
  tables: string[];
  positions: Record<string, { x: number; y: number }>;
}

/** A saved view reconciled with the live schema. */
export interface ErdViewResult {
  view: ErdView;
  /** The graph of the view's tables that still exist. */
  graph: ErGraph;
  /** View tables that no longer exist (kept in the view until the user removes them). */
  missing: string[];
  /** Tables created since the view was saved that have foreign keys to or from its tables. */
  suggested: string[];
  hiddenLinks: number;
  hiddenByNode: Record<string, number>;
}
