/**
 * Export: streams rows from any async source (a spool's `iterate()` or a re-run cursor) into
 * CSV, TSV, JSON, NDJSON, Markdown, SQL INSERT or XLSX, with no row cap, honouring the output's
 * backpressure, reporting progress, and cancellable (a partial file is deleted).
 */
import type { Engine } from '../../../shared/connection';
import { AppError, toAppError } from '../../../shared/errors';
import type { ColumnMeta, ExportFormat } from '../../../shared/query';
import type { Row } from '../../../shared/values';
import { csvWriter } from './csv';
import { jsonWriter, ndjsonWriter } from './json';
import { markdownWriter } from './markdown';
import { openOutput } from './output';
import { sqlWriter } from './sql';
import { tsvWriter } from './tsv';
import type { RowWriter } from './types';
import { writeXlsx } from './xlsx';

export type { RowWriter, RowWriterFactory } from './types';
export { csvWriter, csvField } from './csv';
export { tsvWriter, tsvField } from './tsv';
export { jsonWriter, ndjsonWriter } from './json';
export { markdownWriter, markdownCell } from './markdown';
export { sqlWriter, sqlLiteral, SQL_LITERALS } from './sql';
export { xlsxCell } from './xlsx';

/** How far an export got. */
export interface ExportProgress {
  rows: number;
  bytes: number;
  /** What the user must know about the file (e.g. cells Excel's limit cut). */
  warnings?: string[];
}

/** Options for `exportRows`. */
export interface ExportRowsOptions {
  columns: ColumnMeta[];
  source: AsyncIterable<Row[]>;
  format: ExportFormat;
  /** A file path (deleted again on failure or cancel) or a stream (left open). */
  out: NodeJS.WritableStream | string;
  /** SQL: the INSERT target (split on '.'); XLSX: the sheet name. */
  tableName?: string;
  /** SQL: whose quoting and literals to use (default PostgreSQL's, which is ANSI). */
  engine?: Engine;
  signal?: AbortSignal;
  /** Called after each batch, at most every `progressIntervalMs` (default 100 ms), and at the end. */
  onProgress?: (p: ExportProgress) => void;
  progressIntervalMs?: number;
}

function textWriter(opts: ExportRowsOptions): RowWriter {
  switch (opts.format) {
    case 'csv':
      return csvWriter(opts.columns);
    case 'tsv':
      return tsvWriter(opts.columns);
    case 'json':
      return jsonWriter(opts.columns);
    case 'ndjson':
      return ndjsonWriter(opts.columns);
    case 'markdown':
      return markdownWriter(opts.columns);
    case 'sql':
      return sqlWriter(opts.columns, { tableName: opts.tableName, engine: opts.engine });
    default:
      throw new AppError(
        'BAD_REQUEST',
        `Unknown export format "${String(opts.format)}". Use one of csv, tsv, json, ndjson, markdown, sql, xlsx.`,
      );
  }
}

function cancelled(): AppError {
  return new AppError('QUERY_CANCELLED', 'Export cancelled; the partial file was removed.');
}

/**
 * Wraps `source` so an abort ends the export at once, even while the source is waiting for rows
 * that have not arrived yet (a spool still being filled by a slow query).
 */
async function* abortable(source: AsyncIterable<Row[]>, signal: AbortSignal): AsyncIterable<Row[]> {
  const it = source[Symbol.asyncIterator]();
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  let finished = false;
  try {
    for (;;) {
      const next = await Promise.race([it.next(), aborted]);
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    // Not awaited: a generator busy waiting for rows only handles return() once it resumes.
    if (!finished) void it.return?.()?.catch(() => undefined);
  }
}

/** Streams every row of `source` to `out` in `format`; resolves to the rows and bytes written. */
export async function exportRows(opts: ExportRowsOptions): Promise<ExportProgress> {
  const { signal } = opts;
  if (signal?.aborted) throw cancelled();
  const source = signal ? abortable(opts.source, signal) : opts.source;
  const writer = opts.format === 'xlsx' ? null : textWriter(opts);
  const output = openOutput(opts.out, signal);
  const interval = opts.progressIntervalMs ?? 100;
  let lastProgress = 0;
  const progress = (rows: number, force = false): void => {
    const now = performance.now();
    if (!opts.onProgress || (!force && now - lastProgress < interval)) return;
    lastProgress = now;
    opts.onProgress({ rows, bytes: output.bytes });
  };
  let rows = 0;
  const warnings: string[] = [];
  try {
    if (writer) {
      await output.write(Buffer.from(writer.header()));
      for await (const batch of source) {
        if (signal?.aborted) break;
        await output.write(Buffer.from(writer.rows(batch)));
        rows += batch.length;
        progress(rows);
      }
      if (!signal?.aborted) await output.write(Buffer.from(writer.footer()));
    } else {
      const xlsx = await writeXlsx({
        columns: opts.columns,
        source,
        output,
        sheetName: opts.tableName,
        signal,
        onBatch: (n) => progress(n),
      });
      rows = xlsx.rows;
      if (xlsx.cutCells > 0) {
        warnings.push(`${xlsx.cutCells} cell(s) were longer than Excel's 32,767-character limit and were cut in the XLSX file. Export to CSV or JSON to keep them whole.`);
      }
    }
    if (signal?.aborted) throw cancelled();
    await output.finish();
  } catch (err) {
    await output.discard();
    if (signal?.aborted) throw cancelled();
    const e = toAppError(err);
    if (e.code !== 'INTERNAL' || typeof opts.out !== 'string') throw e;
    throw new AppError('INTERNAL', `Could not write the export to ${opts.out}: ${e.message}`, {
      path: opts.out,
    });
  }
  progress(rows, true);
  return warnings.length ? { rows, bytes: output.bytes, warnings } : { rows, bytes: output.bytes };
}
