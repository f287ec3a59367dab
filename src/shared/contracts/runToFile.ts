/** Contract part — Run to file: one statement straight into a CSV file, no grid (PostgreSQL: server-side COPY). */
import { z } from 'zod';
import { event, id, request } from './define';

/** What `query.runToFile` wrote. */
export interface RunToFileResult {
  runId: string;
  /** The CSV file (in the app's exports folder). */
  path: string;
  rows: number;
  bytes: number;
  /** True when PostgreSQL's COPY wrote the CSV; false for the streaming path (driver rows → CSV writer). */
  fastPath: boolean;
  /** Why the streaming path was used. */
  fallbackReason?: string;
}

/** Progress of a run to file, throttled; `done` once the file is complete. */
export interface RunToFileProgress {
  runId: string;
  rows: number;
  bytes: number;
  done: boolean;
}

/** Requests of this feature (method names must also be listed in contractNames.ts). */
export const runToFileRequests = {
  /** Runs ONE statement into a CSV file in the exports folder; read-only connections allow reads only. */
  'query.runToFile': request<RunToFileResult>()(
    z.strictObject({
      connectionId: id,
      sql: z.string().min(1).max(5_000_000),
      format: z.literal('csv'),
      runId: id.optional(),
      /** The user confirmed a destructive / prod-write statement. */
      confirmed: z.boolean().optional(),
    }),
  ),
  /** Stops a run to file on the server; its partial file is removed. */
  'query.runToFile.cancel': request<{ cancelled: boolean }>()(z.strictObject({ runId: id })),
} as const;

/** Events of this feature (names must also be listed in contractNames.ts). */
export const runToFileEvents = {
  'query.runToFile.progress': event<RunToFileProgress>(),
} as const;
