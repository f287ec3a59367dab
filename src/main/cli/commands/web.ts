/** `querygenie web`: the app in a browser, served on 127.0.0.1 with a per-run token. */
import type { Command } from 'commander';
import { createApp } from '../../app/createApp';
import { defaultHome } from '../../app/paths';
import { ensureRendererBuilt } from '../../web/rendererBuild';
import { startWebServer } from '../../web/server';
import { reportError, UsageError } from '../io';

/** Registers the command. */
export function registerWeb(program: Command, setExit: (code: number) => void): void {
  program
    .command('web')
    .description('Start web mode: the app in your browser, on 127.0.0.1 only')
    .option('--port <n>', 'port to listen on (default: a free port)')
    .action(async (opts: { port?: string }) => {
      try {
        const port = opts.port === undefined ? 0 : Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a number from 0 to 65535.');
        const staticDir = await ensureRendererBuilt((l) => process.stderr.write(`${l}\n`));
        const app = await createApp({ home: defaultHome(), mode: 'web' });
        const server = await startWebServer({ app, staticDir, port });
        for (const w of app.info.warnings) process.stderr.write(`warning: ${w}\n`);
        process.stdout.write(`QueryGenie web mode: ${server.url}\n(open it in your browser; data folder ${app.info.dataDir}; Ctrl+C stops)\n`);
        const stop = async (): Promise<void> => {
          await server.close();
          await app.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
        // Keep running until a signal arrives.
        await new Promise<never>(() => undefined);
      } catch (err) {
        setExit(reportError(err));
      }
    });
}
