/**
 * Handlers of the docs-output methods (`docsSite.*`): export into the exports folder with
 * progress events and cancel, and the neighbour diagram the Docs view shows. The lead merges them
 * into the docs feature's handlers.
 */
import path from 'node:path';
import type { Handlers } from '../../../shared/contract';
import type { DocsBundle } from '../../../shared/docs';
import { TableIndex } from '../../../shared/docsPage';
import { AppError } from '../../../shared/errors';
import type { FeatureDeps, MethodsOf } from '../../app/feature';
import { buildBundle } from '../bundle';
import { DocsStore } from '../store';
import { exportDocs } from './exportDocs';
import { slugify } from './names';
import { neighbourGraph, neighbourSvg } from './neighbours';

/** Loads a connection's DocsBundle (snapshot + the user's words). */
export type BundleLoader = (connectionId: string) => Promise<DocsBundle>;

/** The default loader: the cached snapshot plus descriptions, glossary and lint switches from the app database. */
export function storeBundleLoader(deps: Pick<FeatureDeps, 'db' | 'schemas'>): BundleLoader {
  const store = new DocsStore(deps.db);
  return async (connectionId) => {
    const snapshot = await deps.schemas.get(connectionId);
    const { orphans: _orphans, ...bundle } = buildBundle({
      snapshot,
      descriptions: store.listDescriptions(connectionId),
      glossary: store.glossary(connectionId),
      disabledRules: store.lintSettings(connectionId).disabled,
    });
    return bundle;
  };
}

/** Builds the `docsSite.*` handlers; `loadBundle` defaults to reading the app database. */
export function createDocsSiteHandlers(deps: FeatureDeps, loadBundle: BundleLoader = storeBundleLoader(deps)): Pick<Handlers, MethodsOf<'docsSite.'>> {
  const running = new Map<string, AbortController>();
  return {
    'docsSite.export': async ({ connectionId, format, exportId, diagrams }) => {
      const profile = deps.store.get(connectionId);
      const bundle = await loadBundle(connectionId);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const dir = path.join(deps.paths.exportsDir, `${slugify(profile.name)}-docs-${stamp}`);
      const controller = new AbortController();
      if (exportId) running.set(exportId, controller);
      let last = 0;
      try {
        const result = await exportDocs(bundle, {
          format,
          out: dir,
          diagrams,
          signal: controller.signal,
          onProgress: (p) => {
            const now = Date.now();
            if (!exportId || (now - last < 100 && p.done < p.total)) return;
            last = now;
            deps.events.emit('docsSite.progress', { exportId, done: p.done, total: p.total });
          },
        });
        return { format, path: dir, entry: result.entry, files: result.files.length, tablePages: result.tablePages };
      } finally {
        if (exportId) running.delete(exportId);
      }
    },
    'docsSite.cancel': async ({ exportId }) => {
      const c = running.get(exportId);
      c?.abort();
      return { cancelled: c !== undefined };
    },
    'docsSite.diagram': async ({ connectionId, table }) => {
      const index = new TableIndex(await deps.schemas.get(connectionId));
      const entry = index.find(table);
      if (!entry) throw new AppError('NOT_FOUND', `Table "${table}" is not in the schema; refresh the schema or pick a table from the list.`);
      return { table: entry.target, svg: neighbourSvg(index, entry), tables: neighbourGraph(index, entry).nodes.length };
    },
  };
}
