/** The "Run to file" handlers: one statement into a CSV file in the exports folder, with progress, cancel and a history entry. */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Feature, FeatureDeps } from '../../app/feature';
import { fileRunHistoryEntry } from './historyEntry';
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
        const startedAt = new Date();
        const file = path.join(deps.paths.exportsDir, `run-${startedAt.toISOString().replace(/[:.]/g, '-')}.csv`);
        const t0 = performance.now();
        // History must never break a run: a failure to record is swallowed (as query.run does).
        const record = (outcome: { path: string; rows: number } | { error: unknown }): void => {
          try {
            const entry = fileRunHistoryEntry({ connectionId, sql, startedAt, durationMs: performance.now() - t0 }, outcome);
            if (entry) deps.history.record(entry);
          } catch {
            // The app database being busy or full is not the user's statement failing.
          }
        };
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
          record(result);
          deps.events.emit('query.runToFile.progress', { runId: id, rows: result.rows, bytes: result.bytes, done: true });
          return { runId: id, ...result };
        } catch (error) {
          record({ error });
          throw error;
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
