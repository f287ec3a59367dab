/** `querygenie query`: run SQL against any engine and print the results. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { ConnectionParams } from '../../../shared/connection';
import { AppError } from '../../../shared/errors';
import type { Row } from '../../../shared/values';
import { exportRows } from '../../query/export';
import { runScript } from '../../query/runScript';
import { runToFile } from '../../query/toFile/runToFile';
import { MemoryBudget, type ResultSpool } from '../../query/spool';
import { resultToTable, resultsToJson, type PrintedResult } from '../format';
import { EXIT, readStdin, reportError, UsageError, write } from '../io';
import { openTarget, resolveTarget, type TargetOptions } from '../target';

const FORMATS = ['table', 'csv', 'tsv', 'json', 'ndjson', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

interface QueryOptions extends TargetOptions {
  format: Format;
  maxRows?: string;
  file?: string;
  out?: string;
}

/** Registers the command. */
export function registerQuery(program: Command, setExit: (code: number) => void): void {
  program
    .command('query')
    .description('Run SQL (argument, --file, or stdin) and print the results')
    .argument('[sql]', 'the SQL to run (one or more statements)')
    .option('--url <url>', 'connection URL or SQLite file path')
    .option('--conn <name>', 'a saved connection')
    .option('--read-only', 'refuse anything that is not a read')
    .option('--format <format>', `output: ${FORMATS.join('|')}`, 'table')
    .option('--max-rows <n>', 'print at most N rows per result set')
    .option('--file <file>', 'read the SQL from a file')
    .option('--out <file.csv>', 'run ONE statement straight into a CSV file (PostgreSQL: COPY when possible)')
    .action(async (sqlArg: string | undefined, opts: QueryOptions) => setExit(await runQuery(sqlArg, opts)));
}

async function runQuery(sqlArg: string | undefined, opts: QueryOptions): Promise<number> {
  try {
    if (!FORMATS.includes(opts.format)) throw new UsageError(`Unknown --format "${opts.format}". Use one of: ${FORMATS.join(', ')}.`);
    const maxRows = opts.maxRows === undefined ? Infinity : Number(opts.maxRows);
    if (!(maxRows >= 0)) throw new UsageError('--max-rows takes a number ≥ 0.');
    const sql = opts.file ? fs.readFileSync(opts.file, 'utf8') : (sqlArg ?? (await readStdin()));
    if (!sql.trim()) throw new UsageError('No SQL given. Pass it as an argument, with --file F, or on stdin.');
    const params = await resolveTarget(opts);
    if (opts.out !== undefined) return await queryToFile(sql, opts.out, params, opts);
    const conn = await openTarget(params);
    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'querygenie-cli-'));
    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    const spools = new Map<string, ResultSpool>();
    try {
      const outcome = await runScript(conn, sql, {
        readOnly: params.readOnly === true,
        budget: new MemoryBudget(256 * 1024 * 1024),
        tempDir,
        signal: controller.signal,
        onResultSet: (info, spool) => spools.set(info.resultId, spool),
      });
      const printed: Array<PrintedResult & { spool?: ResultSpool }> = [];
      for (const st of outcome.statements) {
        if (st.resultSets.length === 0 && !st.error) printed.push({ columns: [], rows: [], rowCount: 0, rowsAffected: st.rowsAffected, truncated: false });
        for (const rs of st.resultSets) {
          const spool = spools.get(rs.resultId)!;
          printed.push({ columns: rs.columns, rows: [], rowCount: spool.total, rowsAffected: st.rowsAffected, truncated: spool.total > maxRows, spool });
        }
      }
      await printResults(printed, opts.format, maxRows);
      const failed = outcome.statements.find((s) => s.error);
      if (failed?.error) return reportError(AppError.fromData(failed.error));
      return EXIT.ok;
    } finally {
      process.removeListener('SIGINT', onSigint);
      await Promise.all([...spools.values()].map((s) => s.close()));
      await conn.close().catch(() => undefined);
      fs.rmSync(tempDir, { recursive: true, force: true });
    }
  } catch (err) {
    return reportError(err);
  }
}

/** `--out`: the app's "Run to file", so both write the same bytes. */
async function queryToFile(sql: string, out: string, params: ConnectionParams, opts: QueryOptions): Promise<number> {
  if (opts.format !== 'table' && opts.format !== 'csv') throw new UsageError('--out writes CSV; drop --format or use --format csv.');
  if (opts.maxRows !== undefined) throw new UsageError('--out writes every row; --max-rows does not apply.');
  const conn = await openTarget(params);
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const r = await runToFile(conn, sql, { out: path.resolve(out), readOnly: params.readOnly === true, signal: controller.signal });
    const how = r.fastPath ? 'written by PostgreSQL COPY' : `streamed${r.fallbackReason ? `: ${r.fallbackReason}` : ''}`;
    process.stderr.write(`Wrote ${r.rows} row(s), ${r.bytes} bytes to ${r.path} (${how}).\n`);
    return EXIT.ok;
  } finally {
    process.removeListener('SIGINT', onSigint);
    await conn.close().catch(() => undefined);
  }
}

async function printResults(results: Array<PrintedResult & { spool?: ResultSpool }>, format: Format, maxRows: number): Promise<void> {
  const limit = (spool: ResultSpool | undefined): Promise<Row[]> => (spool ? spool.read(0, Math.min(spool.total, maxRows)) : Promise.resolve([]));
  if (format === 'json' || format === 'table') {
    for (const r of results) r.rows = await limit(r.spool);
    if (format === 'json') await write(resultsToJson(results));
    else for (const [i, r] of results.entries()) await write(`${i > 0 ? '\n' : ''}${resultToTable(r)}`);
    return;
  }
  for (const r of results) {
    if (!r.spool) continue;
    await exportRows({ columns: r.columns, source: limitRows(r.spool.iterate(), maxRows), format, out: process.stdout });
  }
}

async function* limitRows(source: AsyncIterable<Row[]>, max: number): AsyncIterable<Row[]> {
  let left = max;
  for await (const batch of source) {
    if (left <= 0) return;
    const part = batch.length > left ? batch.slice(0, left) : batch;
    left -= part.length;
    yield part;
  }
}
