/** The erd feature's handlers, built from the shared services. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildErGraph, hiddenLinksByNode } from '../../shared/erd/graph';
import type { Feature, FeatureDeps, MethodsOf } from '../app/feature';
import { ERD_EXTENSIONS, renderErd } from './render';
import { ErdViewStore, reconcileView, tableIds } from './viewStore';

/** A file-name-safe slug. */
const slug = (text: string): string => text.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'diagram';

/** Builds the feature. */
export function createErdFeature(deps: FeatureDeps): Feature<MethodsOf<'erd.'>> {
  const store = new ErdViewStore(deps.db);
  return {
    access: undefined,
    handlers: {
      'erd.graph': async (a) => {
        const snapshot = await deps.schemas.get(a.connectionId, a.refresh ?? false);
        const graph = buildErGraph(snapshot, a);
        return { graph, hiddenLinks: graph.hiddenLinks, hiddenByNode: hiddenLinksByNode(snapshot, graph) };
      },
      'erd.views.list': async (a) => store.list(a.connectionId),
      'erd.views.get': async (a) => {
        const { view, knownTables } = store.get(a.viewId);
        const snapshot = await deps.schemas.get(view.connectionId);
        const { present, missing, suggested } = reconcileView(view, knownTables, snapshot);
        const graph = buildErGraph(snapshot, { tables: present });
        return { view, graph, missing, suggested, hiddenLinks: graph.hiddenLinks, hiddenByNode: hiddenLinksByNode(snapshot, graph) };
      },
      'erd.views.save': async (a) => {
        const snapshot = await deps.schemas.get(a.connectionId);
        return store.save(a, tableIds(snapshot));
      },
      'erd.views.delete': async (a) => ({ deleted: store.delete(a.viewId) }),
      'erd.export': async (a) => {
        const snapshot = await deps.schemas.get(a.connectionId);
        let tables = a.tables;
        let positions: Record<string, { x: number; y: number }> | undefined;
        let title = snapshot.database;
        if (a.viewId) {
          const { view, knownTables } = store.get(a.viewId);
          tables = reconcileView(view, knownTables, snapshot).present;
          positions = view.positions;
          title = view.name;
        }
        // What the user sees now wins over the saved positions.
        if (a.positions) positions = { ...positions, ...a.positions };
        const rendered = await renderErd(snapshot, {
          format: a.format,
          ...(a.viewId ? { tables } : { focus: a.focus, hops: a.hops, tables, schemas: a.schemas }),
          ...(positions ? { positions } : {}),
          ...(a.keysOnly ? { keysOnly: true } : {}),
          title,
        });
        await fs.mkdir(deps.paths.exportsDir, { recursive: true });
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const file = path.join(deps.paths.exportsDir, `erd-${slug(a.viewId ? title : (a.focus ?? snapshot.database))}-${stamp}.${ERD_EXTENSIONS[a.format]}`);
        await fs.writeFile(file, rendered.content);
        return { path: file };
      },
    },
  };
}
