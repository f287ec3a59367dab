/**
 * The ER feature's requests as the view uses them (`erd.graph`, `erd.views.*`, `erd.export`), in
 * one place so the components stay independent of the contract's argument shapes.
 */
import type { ApiClient } from '../../api/client';
import type { ErdExportFormat, ErdView, ErdViewSummary } from '../../../shared/contracts/erd';
import type { ErGraph } from './erTypes';

export type { ErdExportFormat, ErdViewSummary };

/** What part of the database the diagram shows. */
export type ErdScope =
  | { mode: 'schema'; schema: string | null }
  | { mode: 'around'; focus: string; hops: number }
  | { mode: 'view'; viewId: string };

/** A saved view opened against the live schema. */
export interface OpenedView {
  view: ErdView;
  /** Tables of the view no longer in the database. */
  missing: string[];
  /** New tables with a foreign key to or from one of the view's tables. */
  suggested: string[];
}

/** The graph of a scope (a saved view comes with its reconciliation). */
export async function fetchScope(
  api: ApiClient,
  connectionId: string,
  scope: ErdScope,
): Promise<{ graph: ErGraph; view: OpenedView | null }> {
  if (scope.mode === 'view') {
    const r = await api.call('erd.views.get', { viewId: scope.viewId });
    return { graph: r.graph, view: { view: r.view, missing: r.missing, suggested: r.suggested } };
  }
  const args =
    scope.mode === 'around'
      ? { connectionId, focus: scope.focus, hops: scope.hops }
      : { connectionId, ...(scope.schema ? { schemas: [scope.schema] } : {}) };
  const r = await api.call('erd.graph', args);
  return { graph: r.graph, view: null };
}

/** The saved views of a connection. */
export function listViews(api: ApiClient, connectionId: string): Promise<ErdViewSummary[]> {
  return api.call('erd.views.list', { connectionId });
}

/** Saves a view (replacing `viewId` when given); resolves with the stored view. */
export function saveView(
  api: ApiClient,
  v: {
    connectionId: string;
    viewId?: string;
    name: string;
    tables: string[];
    positions: Record<string, { x: number; y: number }>;
    scope: ErdScope;
  },
): Promise<ErdView> {
  return api.call('erd.views.save', {
    connectionId: v.connectionId,
    ...(v.viewId ? { viewId: v.viewId } : {}),
    name: v.name,
    tables: v.tables,
    positions: v.positions,
    ...(v.scope.mode === 'around' ? { focus: v.scope.focus, hops: v.scope.hops } : {}),
  });
}

/** Deletes a saved view. */
export async function deleteView(api: ApiClient, viewId: string): Promise<void> {
  await api.call('erd.views.delete', { viewId });
}

/** Writes the diagram of a scope to a file in the exports folder; resolves with its path. */
export async function exportDiagram(
  api: ApiClient,
  connectionId: string,
  scope: ErdScope,
  format: ErdExportFormat,
  shown: { positions?: Record<string, { x: number; y: number }>; keysOnly?: boolean } = {},
): Promise<string> {
  const where =
    scope.mode === 'view'
      ? { viewId: scope.viewId }
      : scope.mode === 'around'
        ? { focus: scope.focus, hops: scope.hops }
        : scope.schema
          ? { schemas: [scope.schema] }
          : {};
  const out = await api.call('erd.export', { connectionId, format, ...where, ...shown });
  return out.path;
}
