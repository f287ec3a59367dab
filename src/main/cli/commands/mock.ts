/** `querygenie mock`: fill tables with realistic, constraint-respecting rows (or write them to files). */
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { openAppDatabase } from '../../app/appDb';
import { appPaths, defaultHome } from '../../app/paths';
import { ConnectionStore } from '../../connections/store';
import { insertMockData, previewMockData, writeMockCsv, writeMockScript, type MockOptions, type MockProgress } from '../../mock';
import { EXIT, reportError, UsageError, write } from '../io';
import { openTarget, resolveTarget, type TargetOptions } from '../target';

interface MockCliOptions extends TargetOptions {
  rows: string;
  tableRows?: string;
  tables?: string;
  seed?: string;
  out?: string;
  preview?: boolean;
  yes?: boolean;
}

/** Registers the command. */
export function registerMock(program: Command, setExit: (code: number) => void): void {
  program
    .command('mock')
    .description('Generate realistic rows that respect keys, CHECKs and enums; insert them (one transaction) or write an SQL script / CSV folder')
    .option('--url <url>', 'connection URL or SQLite file path')
    .option('--conn <name>', 'a saved connection')
    .requiredOption('--rows <n>', 'rows per table')
    .option('--table-rows <list>', 'row counts for particular tables, e.g. customers=5000,orders=15000 (others get --rows)')
    .option('--tables <list>', 'comma-separated tables (default: all); required parents are added')
    .option('--seed <n>', 'seed: the same seed gives the same rows', '1')
    .option('--out <path>', 'write instead of inserting: FILE.sql for an INSERT script, otherwise a folder of CSV files')
    .option('--preview', 'print the rows as JSON instead of inserting (use a small --rows)')
    .option('--read-only', 'treat the connection as read-only (inserting is then refused)')
    .option('--yes', 'confirm inserting into a connection tagged prod')
    .action(async (opts: MockCliOptions) => setExit(await runMock(opts)));
}

function isProd(conn: string | undefined): boolean {
  if (!conn) return false;
  const { db } = openAppDatabase(appPaths(defaultHome()).appDb);
  try {
    return new ConnectionStore(db).get(conn).environment === 'prod';
  } finally {
    db.close();
  }
}

/** `a=1,b.c=2` → `{ a: 1, 'b.c': 2 }`. */
export function parseTableRows(list: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of list.split(',').map((x) => x.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    const n = Number(part.slice(eq + 1));
    if (eq <= 0 || !Number.isInteger(n) || n < 0) throw new UsageError(`--table-rows: "${part}" is not TABLE=N (N a whole number ≥ 0), e.g. customers=5000.`);
    out[part.slice(0, eq).trim()] = n;
  }
  return out;
}

async function runMock(opts: MockCliOptions): Promise<number> {
  try {
    const rows = Number(opts.rows);
    const seed = Number(opts.seed ?? '1');
    if (!Number.isInteger(rows) || rows < 0) throw new UsageError('--rows takes a whole number ≥ 0.');
    if (!Number.isInteger(seed)) throw new UsageError('--seed takes a whole number.');
    const options: MockOptions = { rows, seed };
    if (opts.tableRows) options.rowsPerTable = parseTableRows(opts.tableRows);
    if (opts.tables) options.tables = opts.tables.split(',').map((t) => t.trim()).filter(Boolean);
    const params = await resolveTarget(opts);
    if (!opts.out && !opts.preview && !opts.yes && isProd(opts.conn))
      throw new AppError('CONFIRMATION_REQUIRED', `"${opts.conn}" is tagged prod. Add --yes to insert mock data into it, or use --out to write a file instead.`);
    const conn = await openTarget(params);
    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    let lastReport = 0;
    const onProgress = (p: MockProgress): void => {
      const now = Date.now();
      if (now - lastReport < 250 && p.doneAll < p.totalAll) return;
      lastReport = now;
      process.stderr.write(`${p.phase === 'update' ? 'linking' : 'generating'} ${p.table}: ${p.done}/${p.total} (all: ${p.doneAll}/${p.totalAll})\n`);
    };
    const control = { signal: controller.signal, onProgress };
    try {
      if (opts.preview) {
        const sample = await previewMockData(conn, options);
        await write(`${JSON.stringify(sample, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
        return EXIT.ok;
      }
      const result = opts.out
        ? opts.out.toLowerCase().endsWith('.sql')
          ? await writeMockScript(conn, options, opts.out, control)
          : await writeMockCsv(conn, options, opts.out, control)
        : await insertMockData(conn, options, { ...control, readOnly: params.readOnly === true });
      const verb = opts.out ? `wrote to ${opts.out}` : 'inserted';
      await write(`${verb}: ${result.totalRows} rows\n${result.tables.map((t) => `  ${t.schema}.${t.table}: ${t.rows}`).join('\n')}\n`);
      return EXIT.ok;
    } finally {
      process.off('SIGINT', onSigint);
      await conn.close().catch(() => undefined);
    }
  } catch (err) {
    return reportError(err);
  }
}
