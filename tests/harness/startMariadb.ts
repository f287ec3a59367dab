/**
 * Starts a throwaway MariaDB server (Debian's `mariadbd`) on a free loopback port with a temp
 * data folder; root has no password on 127.0.0.1.
 */
import { spawn, execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './freePort';
import type { StartedServer } from './startPostgres';

const run = promisify(execFile);

/** Starts MariaDB; rejects with a one-line reason when it cannot. */
export async function startMariadb(): Promise<StartedServer> {
  const dataDir = await mkdtemp('/tmp/qg-maria-');
  const cleanup = () => rm(dataDir, { recursive: true, force: true });
  const asRoot = process.getuid?.() === 0;
  const userArgs = asRoot ? ['--user=root'] : [];
  try {
    await run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${dataDir}`,
      ...userArgs,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ]);
  } catch (err) {
    await cleanup();
    throw new Error(`mariadb-install-db failed: ${(err as Error).message.split('\n')[0]}`);
  }
  const port = await freePort();
  const child = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(dataDir, 'sock')}`,
      ...userArgs,
      // A test server: durability off, small memory.
      '--innodb-flush-log-at-trx-commit=0',
      '--innodb-doublewrite=0',
      '--innodb-buffer-pool-size=128M',
      '--skip-log-bin',
      '--max-connections=300',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_general_ci',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr.on('data', (c: Buffer) => {
    log = (log + c.toString()).slice(-4000);
  });
  let exited = false;
  // If the test runner dies without its teardown, take the server and its files with it.
  const onExit = (): void => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  child.on('exit', () => {
    exited = true;
    process.off('exit', onExit);
  });
  // A throwaway server: SIGKILL is instant, and its files are deleted anyway. A graceful
  // shutdown can take longer than vitest's teardown timeout on a busy machine.
  const stop = async (): Promise<void> => {
    if (!exited) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    }
    await cleanup();
  };
  const url = `mysql://root@127.0.0.1:${port}/mysql`;
  try {
    await waitForMariadb(port, () => exited);
    await dropAnonymousUsers(port);
  } catch (err) {
    await stop();
    const tail = log.trim().split('\n').slice(-2).join(' | ');
    throw new Error(`MariaDB did not start: ${(err as Error).message} ${tail}`.trim());
  }
  return { url, stop };
}

async function connectOnce(port: number) {
  const mysql = await import('mysql2/promise');
  return mysql.createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 2000 });
}

async function waitForMariadb(port: number, hasExited: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (hasExited()) throw new Error('mariadbd exited during startup.');
    try {
      const c = await connectOnce(port);
      await c.end();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Anonymous accounts from the install shadow `'user'@'%'` accounts tests create. */
async function dropAnonymousUsers(port: number): Promise<void> {
  const c = await connectOnce(port);
  try {
    const [rows] = await c.query("SELECT Host FROM mysql.user WHERE User = ''");
    for (const r of rows as { Host: string }[]) await c.query("DROP USER ''@?", [r.Host]);
  } finally {
    await c.end();
  }
}
