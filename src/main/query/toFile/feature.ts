/** The "Run to file" handlers: one statement into a CSV file in the exports folder, with progress and cancel. */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Feature, FeatureDeps } from '../../app/feature';
import { runToFile } from './runToFile';

/** Builds the feature (methods `query.runToFile`, `query.runToFile.cancel`). */
export function createRunToFileFeature(deps: FeatureDeps): Feature<'query.runToFile' | 'query.runToFile.cancel'> {
  const running = new Map<string, AbortController>();
  return {
    handlers: {
      'query.runToFile': async ({ connectionId, sql, runId, confirmed }) => {
        const id = runId ?? randomUUID();
        const controller = new AbortController();
        running.set(id, controller);
        // The same folder and naming as result.export, so users find every export in one place.
        const file = path.join(deps.paths.exportsDir, `run-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`);
        try {
          const result = await deps.sessions.exclusive(connectionId, (s) =>
            runToFile(s.conn, sql, {
              out: file,
              readOnly: s.profile.readOnly,
              confirmation: { environment: s.profile.environment, confirmed: confirmed === true },
              signal: controller.signal,
              onProgress: (p) => deps.events.emit('query.runToFile.progress', { runId: id, ...p, done: false }),
            }),
          );
          deps.events.emit('query.runToFile.progress', { runId: id, rows: result.rows, bytes: result.bytes, done: true });
          return { runId: id, ...result };
        } finally {
          running.delete(id);
        }
      },
      'query.runToFile.cancel': async ({ runId }) => {
        const c = running.get(runId);
        c?.abort();
        return { cancelled: c !== undefined };
      },
    },
    access: undefined,
  };
}
