/**
 * XLSX through exceljs' streaming WorkbookWriter, so rows never pile up in memory. Excel keeps
 * 15 significant digits, so bigints and decimals with more (or outside Excel's range) are
 * written as text cells to stay exact; NULL is an empty cell, '' an empty text cell. Past
 * Excel's 1,048,576 rows per sheet the export continues on a new sheet (no row cap). Text
 * longer than Excel's 32,767-character cell limit is cut there (Excel would refuse the file).
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ColumnMeta } from '../../../shared/query';
import { binaryToHex, Decimal, type CellValue, type Row } from '../../../shared/values';
import { isNumberLiteral } from './cellText';
import type { ExportOutput } from './output';

/** Excel's hard limits. */
const MAX_SHEET_ROWS = 1_048_576;
const MAX_CELL_CHARS = 32_767;
const MAX_EXACT_DIGITS = 15;

/** Significant digits of a number literal (`-0012.3400e5` → 4). */
function significantDigits(text: string): number {
  const mantissa = text
    .replace(/^[-+]/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '');
  return mantissa.replace(/^0+/, '').replace(/0+$/, '').length;
}

/** A number literal Excel stores without changing its value, or null. */
function exactExcelNumber(text: string): number | null {
  if (!isNumberLiteral(text) || significantDigits(text) > MAX_EXACT_DIGITS) return null;
  const n = Number(text);
  if (!Number.isFinite(n) || (n !== 0 && Math.abs(n) < 1e-307) || Math.abs(n) > 9.99e307)
    return null;
  return n;
}

/** One cell as an exceljs value. */
export function xlsxCell(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  switch (typeof v) {
    case 'string':
      return v.length > MAX_CELL_CHARS ? v.slice(0, MAX_CELL_CHARS) : v;
    case 'number':
      return Number.isFinite(v) ? v : String(v);
    case 'boolean':
      return v;
    case 'bigint': {
      const text = v.toString();
      return exactExcelNumber(text) ?? text;
    }
    default:
      break;
  }
  if (v instanceof Decimal) return exactExcelNumber(v.text) ?? v.text;
  if (v instanceof Uint8Array) {
    const hex = binaryToHex(v);
    return hex.length > MAX_CELL_CHARS ? hex.slice(0, MAX_CELL_CHARS) : hex;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  return String(v);
}

/** A valid sheet name (≤ 31 characters, none of `[]:*?/\`). */
function sheetName(base: string, part: number): string {
  const clean = base.replace(/[[\]:*?/\\]/g, '_').trim() || 'Result';
  const suffix = part > 1 ? ` (${part})` : '';
  return clean.slice(0, 31 - suffix.length) + suffix;
}

/** Streams every row of `source` into an XLSX workbook written to `output`. */
export async function writeXlsx(opts: {
  columns: ColumnMeta[];
  source: AsyncIterable<Row[]>;
  output: ExportOutput;
  sheetName?: string;
  signal?: AbortSignal;
  onBatch: (rows: number) => void;
  /** Rows per sheet, header included (Excel's maximum unless a test needs a small one). */
  maxSheetRows?: number;
}): Promise<{ rows: number; cutCells: number }> {
  const maxSheetRows = Math.max(2, opts.maxSheetRows ?? MAX_SHEET_ROWS);
  const { columns, output } = opts;
  // exceljs ends the stream it writes to, so give it its own and copy into `output`.
  const zipOut = new PassThrough();
  let copying = Promise.resolve();
  zipOut.on('error', () => undefined); // surfaced through `copying` and `finished` below
  zipOut.on('data', (chunk: Buffer) => {
    // Pausing until `output` accepted the chunk carries the file's backpressure back to the zip.
    zipOut.pause();
    copying = copying.then(() => output.write(chunk));
    copying.then(
      () => zipOut.resume(),
      (err: unknown) => zipOut.destroy(err as Error),
    );
  });
  // No styles (so no bold header) and fast deflate: about 2.5× faster on 100k rows × 8 columns
  // than styles with default deflate, which matters because exceljs is the slowest format.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: zipOut,
    useStyles: false,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  let sheet: ExcelJS.Worksheet | null = null;
  let sheetRows = 0;
  let sheets = 0;
  const newSheet = (): ExcelJS.Worksheet => {
    sheet?.commit();
    const ws = workbook.addWorksheet(sheetName(opts.sheetName ?? 'Result', ++sheets));
    ws.addRow(columns.map((c) => c.name)).commit();
    sheetRows = 1;
    return ws;
  };
  sheet = newSheet();
  let rows = 0;
  let cutCells = 0;
  for await (const batch of opts.source) {
    if (opts.signal?.aborted) break;
    for (const row of batch) {
      if (sheetRows >= maxSheetRows) sheet = newSheet();
      const values: ExcelJS.CellValue[] = new Array<ExcelJS.CellValue>(columns.length);
      for (let i = 0; i < columns.length; i++) {
        const v = row[i] ?? null;
        if (isTooLong(v)) cutCells++;
        values[i] = xlsxCell(v);
      }
      sheet.addRow(values).commit();
      sheetRows++;
    }
    rows += batch.length;
    opts.onBatch(rows);
    await copying;
    // Let the zip stream drain the sheet's XML before producing more.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (opts.signal?.aborted) {
    zipOut.destroy();
    return { rows, cutCells };
  }
  sheet.commit();
  await workbook.commit();
  await finished(zipOut);
  await copying;
  return { rows, cutCells };
}

/** True when Excel's cell limit will cut this value (counted, so the user is told). */
function isTooLong(v: CellValue): boolean {
  if (typeof v === 'string') return v.length > MAX_CELL_CHARS;
  return v instanceof Uint8Array && v.length * 2 > MAX_CELL_CHARS;
}
