/** `querygenie connections list|add|remove|test`: saved connection profiles from the command line. */
import type { Command } from 'commander';
import { parseConnectionUrl } from '../../../shared/connection';
import { openAppDatabase } from '../../app/appDb';
import { appPaths, defaultHome } from '../../app/paths';
import { ConnectionService } from '../../connections/connectionService';
import { ConnectionStore } from '../../connections/store';
import { getDriver } from '../../drivers/registry';
import { chooseSecretStore } from '../../secrets/chooseSecretStore';
import { EXIT, reportError, UsageError, write } from '../io';
import { resolveTarget } from '../target';

async function withService<T>(fn: (svc: ConnectionService, store: ConnectionStore, keychain: boolean) => Promise<T>): Promise<T> {
  const { db } = openAppDatabase(appPaths(defaultHome()).appDb);
  try {
    const chosen = await chooseSecretStore({ service: process.env.QG_KEYCHAIN_SERVICE });
    const store = new ConnectionStore(db);
    return await fn(new ConnectionService(store, chosen.store), store, chosen.warning === undefined);
  } finally {
    db.close();
  }
}

/** Registers the command group. */
export function registerConnections(program: Command, setExit: (code: number) => void): void {
  const group = program.command('connections').description('List, add, remove and test saved connections');
  const act = (fn: () => Promise<void>) => async () => {
    try {
      await fn();
      setExit(EXIT.ok);
    } catch (err) {
      setExit(reportError(err));
    }
  };

  group
    .command('list')
    .description('List saved connections (never their passwords)')
    .option('--json', 'as JSON')
    .action((opts: { json?: boolean }) =>
      act(() =>
        withService(async (svc) => {
          const list = await svc.list();
          if (opts.json) return write(`${JSON.stringify(list, null, 2)}\n`);
          const lines = list.map((c) => `${c.name}\t${c.engine}\t${c.target}${c.readOnly ? '\tread-only' : ''}${c.environment ? `\t${c.environment}` : ''}${c.hasSecret ? '\t(password in keychain)' : ''}`);
          return write(`${lines.join('\n') || 'No saved connections. Add one with: querygenie connections add --name NAME --url URL'}\n`);
        }),
      )(),
    );

  group
    .command('add')
    .description('Save a connection; a password in the URL (or QG_PASSWORD) goes to the OS keychain')
    .requiredOption('--name <name>', 'a name to refer to it (--conn NAME)')
    .requiredOption('--url <url>', 'connection URL or SQLite file path')
    .option('--read-only', 'refuse writes on this connection')
    .option('--env <tag>', 'environment tag: local, dev, staging or prod')
    .action((opts: { name: string; url: string; readOnly?: boolean; env?: string }) =>
      act(() =>
        withService(async (svc, _store, keychain) => {
          const params = parseConnectionUrl(opts.url);
          const password = params.password ?? process.env.QG_PASSWORD;
          delete params.password;
          if (opts.env && !['local', 'dev', 'staging', 'prod'].includes(opts.env)) throw new UsageError('--env takes local, dev, staging or prod.');
          if (password !== undefined && !keychain) {
            throw new UsageError('No OS keychain is available here, and QueryGenie never writes a password to disk. Save the connection without the password and give it at use time with QG_PASSWORD.');
          }
          const { engine, readOnly, ...rest } = params;
          const saved = await svc.save({ name: opts.name, engine, params: rest, readOnly: opts.readOnly === true || readOnly === true, environment: (opts.env as 'local' | 'dev' | 'staging' | 'prod' | undefined) ?? null, ...(password !== undefined ? { password } : {}) });
          await write(`Saved "${saved.name}" (${saved.target})${saved.hasSecret ? '; password stored in the OS keychain' : ''}.\n`);
        }),
      )(),
    );

  group
    .command('remove')
    .description('Delete a saved connection and its keychain secrets')
    .argument('<name>', 'the connection name')
    .action((name: string) =>
      act(() =>
        withService(async (svc) => {
          const c = await svc.get(name);
          await svc.delete(c.id);
          await write(`Removed "${c.name}".\n`);
        }),
      )(),
    );

  group
    .command('test')
    .description('Connect and report the server version and latency')
    .argument('<name>', 'the connection name')
    .action((name: string) =>
      act(() =>
        withService(async (svc) => {
          const detail = await svc.get(name);
          const params = await resolveTarget({ conn: detail.name });
          const t0 = performance.now();
          const conn = await (await getDriver(params.engine)).connect(params);
          try {
            const version = await conn.serverVersion();
            await write(`OK: ${detail.name} — ${version} (${Math.round(performance.now() - t0)} ms)\n`);
          } finally {
            await conn.close();
          }
        }),
      )(),
    );
}
