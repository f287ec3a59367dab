import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { Decimal, type Row } from '../../../shared/values';
import { MemoryBudget, ResultSpool } from '../spool';
import { exportRows } from './index';
import { openOutput } from './output';
import { writeXlsx } from './xlsx';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qg-export-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Deterministic rows of mixed types, some needing CSV quoting. */
function generatedRow(i: number): Row {
  return [
    i,
    BigInt(i) * 1_000_000_007n,
    i % 11 === 0 ? null : i % 13 === 0 ? '' : `name "${i}", line\nbreak`.slice(0, (i % 25) + 3),
    new Decimal(`${i}.${String(i % 1000).padStart(3, '0')}`),
    i % 2 === 0,
    i / 7,
  ];
}
const genColumns = ['id', 'big', 'text', 'dec', 'flag', 'ratio'].map((name) => ({
  name,
  type: '',
}));

async function* generated(total: number, batch = 2000): AsyncIterable<Row[]> {
  for (let s = 0; s < total; s += batch) {
    const rows: Row[] = [];
    for (let i = s; i < Math.min(total, s + batch); i++) rows.push(generatedRow(i));
    yield rows;
  }
}

/** An independent, straightforward CSV rendering of one value (the spec, not the exporter). */
function referenceField(v: Row[number]): string {
  if (v === null) return '';
  const s = typeof v === 'string' ? v : v instanceof Decimal ? v.text : String(v);
  if (s === '' || s.includes(',') || s.includes('"') || s.includes('\n') || s.includes('\r')) {
    return '"' + s.split('"').join('""') + '"';
  }
  return s;
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** A source that never ends by itself, for cancel tests. */
async function* endless(): AsyncIterable<Row[]> {
  for (let i = 0; ; i++) {
    yield [generatedRow(i)];
    await new Promise((r) => setImmediate(r));
  }
}

describe('exportRows', () => {
  it('exports 1,000,000 rows to CSV byte-exact against an independent rendering', async () => {
    const file = join(dir, 'million.csv');
    const result = await exportRows({
      columns: genColumns,
      source: generated(1_000_000),
      format: 'csv',
      out: file,
    });
    expect(result.rows).toBe(1_000_000);
    const ref = createHash('sha256');
    ref.update(genColumns.map((c) => c.name).join(',') + '\n');
    let refBytes = Buffer.byteLength(genColumns.map((c) => c.name).join(',') + '\n');
    for await (const batch of generated(1_000_000, 5000)) {
      const text = batch.map((r) => r.map(referenceField).join(',') + '\n').join('');
      ref.update(text);
      refBytes += Buffer.byteLength(text);
    }
    expect(result.bytes).toBe(refBytes);
    expect(await sha256File(file)).toBe(ref.digest('hex'));
  });

  it('exports from a spilling spool while the query is still delivering rows', async () => {
    const spool = new ResultSpool({
      id: 'exp',
      columns: genColumns,
      budget: new MemoryBudget(64 * 1024),
      tempDir: dir,
      chunkRows: 500,
    });
    const producer = (async () => {
      for await (const batch of generated(20_000, 700)) {
        await spool.append(batch);
        await new Promise((r) => setImmediate(r));
      }
      spool.finish();
    })();
    const file = join(dir, 'from-spool.csv');
    const result = await exportRows({
      columns: spool.columns,
      source: spool.iterate(),
      format: 'csv',
      out: file,
    });
    await producer;
    expect(spool.spilledBytes).toBeGreaterThan(0);
    expect(result.rows).toBe(20_000);
    let expected = genColumns.map((c) => c.name).join(',') + '\n';
    for await (const batch of generated(20_000))
      expected += batch.map((r) => r.map(referenceField).join(',') + '\n').join('');
    expect(await readFile(file, 'utf8')).toBe(expected);
    await spool.close();
  });

  it('writes XLSX that reads back with exact big numbers as text and NULL as empty', async () => {
    const file = join(dir, 'out.xlsx');
    const columns = [
      'n',
      'big',
      'small',
      'dec',
      'shortDec',
      'text',
      'empty',
      'nul',
      'bin',
      'flag',
      'nan',
    ].map((name) => ({ name, type: '' }));
    const row: Row = [
      1.5,
      9223372036854775807n,
      42n,
      new Decimal('12345678901234567890.000000001'),
      new Decimal('-12.50'),
      'üñí "q", 😀',
      '',
      null,
      new Uint8Array([0xca, 0xfe]),
      true,
      NaN,
    ];
    async function* source(): AsyncIterable<Row[]> {
      yield [row];
      yield [
        [
          2,
          -9007199254740993n,
          0n,
          new Decimal('1e400'),
          new Decimal('0.000000000000001'),
          'x',
          '',
          null,
          new Uint8Array(0),
          false,
          Infinity,
        ],
      ];
    }
    const progress: number[] = [];
    const result = await exportRows({
      columns,
      source: source(),
      format: 'xlsx',
      out: file,
      tableName: 'Orders: 2024',
      onProgress: (p) => progress.push(p.rows),
    });
    expect(result.rows).toBe(2);
    expect(progress.at(-1)).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Orders_ 2024');
    expect(ws.getRow(1).values).toEqual([undefined, ...columns.map((c) => c.name)]);
    const r2 = ws.getRow(2);
    expect(r2.getCell(1).value).toBe(1.5);
    expect(r2.getCell(2).value).toBe('9223372036854775807');
    expect(r2.getCell(3).value).toBe(42);
    expect(r2.getCell(4).value).toBe('12345678901234567890.000000001');
    expect(r2.getCell(5).value).toBe(-12.5);
    expect(r2.getCell(6).value).toBe('üñí "q", 😀');
    // Column 7 ('') is an empty text cell in the file; exceljs reads it back as null, like column 8.
    expect(r2.getCell(8).value).toBeNull();
    expect(r2.getCell(9).value).toBe('cafe');
    expect(r2.getCell(10).value).toBe(true);
    expect(r2.getCell(11).value).toBe('NaN');
    const r3 = ws.getRow(3);
    expect(r3.getCell(2).value).toBe('-9007199254740993');
    expect(r3.getCell(4).value).toBe('1e400');
    expect(r3.getCell(5).value).toBe(0.000000000000001);
    expect(r3.getCell(11).value).toBe('Infinity');
  });

  it.each(['csv', 'xlsx'] as const)(
    'cancel stops a %s export, rejects QUERY_CANCELLED and deletes the partial file',
    async (format) => {
      const file = join(dir, `partial.${format}`);
      const ctl = new AbortController();
      const run = exportRows({
        columns: genColumns,
        source: endless(),
        format,
        out: file,
        signal: ctl.signal,
        progressIntervalMs: 0,
        onProgress: (p) => {
          if (p.rows >= 500) ctl.abort();
        },
      });
      await expect(run).rejects.toSatisfy(
        (e) => e instanceof AppError && e.code === 'QUERY_CANCELLED',
      );
      expect(existsSync(file)).toBe(false);
    },
  );

  it('cancel ends at once even while the source is still waiting for rows', async () => {
    const file = join(dir, 'waiting.ndjson');
    const ctl = new AbortController();
    async function* stalled(): AsyncIterable<Row[]> {
      yield [generatedRow(1)];
      await new Promise(() => undefined); // a query that never sends its next rows
    }
    const run = exportRows({
      columns: genColumns,
      source: stalled(),
      format: 'ndjson',
      out: file,
      signal: ctl.signal,
      progressIntervalMs: 0,
      onProgress: () => setImmediate(() => ctl.abort()),
    });
    await expect(run).rejects.toMatchObject({ code: 'QUERY_CANCELLED' });
    expect(existsSync(file)).toBe(false);
  });

  it('respects the output stream backpressure (never buffers the whole export)', async () => {
    let maxBuffered = 0;
    let written = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, cb) {
        written += chunk.length;
        setImmediate(cb);
      },
    });
    const source = (async function* () {
      for await (const batch of generated(60_000, 500)) {
        maxBuffered = Math.max(maxBuffered, slow.writableLength);
        yield batch;
      }
    })();
    const result = await exportRows({ columns: genColumns, source, format: 'ndjson', out: slow });
    expect(result.bytes).toBeGreaterThan(5_000_000);
    // At most about one batch (~50 KB) beyond the stream's 16 KB buffer is ever queued.
    expect(maxBuffered).toBeLessThan(200_000);
    await new Promise((r) => setImmediate(r));
    expect(written).toBeGreaterThan(0);
  });

  it('fails with a clear error and leaves no file when the folder does not exist', async () => {
    const file = join(dir, 'missing', 'out.csv');
    await expect(
      exportRows({ columns: genColumns, source: generated(10), format: 'csv', out: file }),
    ).rejects.toThrow(/Could not write the export/);
    expect(existsSync(file)).toBe(false);
  });

  it('stops and reports the source error when the result is closed mid-export', async () => {
    const file = join(dir, 'broken.json');
    async function* breaking(): AsyncIterable<Row[]> {
      yield [generatedRow(1)];
      throw new AppError('NOT_FOUND', 'This result was closed; run the query again.');
    }
    await expect(
      exportRows({ columns: genColumns, source: breaking(), format: 'json', out: file }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(file)).toBe(false);
  });
});

describe('XLSX cell limit', () => {
  it("tells the user how many cells Excel's limit cut, and nothing for other formats", async () => {
    const long = 'x'.repeat(40_000);
    const source = (): AsyncIterable<Row[]> =>
      (async function* () {
        yield [[long, 'short'], ['ok', long]];
      })();
    const columns = [{ name: 'a', type: 'text' }, { name: 'b', type: 'text' }];
    const xlsx = await exportRows({ columns, source: source(), format: 'xlsx', out: join(dir, 'long.xlsx') });
    expect(xlsx.warnings).toEqual([expect.stringMatching(/^2 cell\(s\) were longer than Excel's 32,767-character limit/)]);
    const csv = await exportRows({ columns, source: source(), format: 'csv', out: join(dir, 'long.csv') });
    expect(csv.warnings).toBeUndefined();
    expect((await readFile(join(dir, 'long.csv'), 'utf8')).length).toBeGreaterThan(80_000);
  });
});

describe('writeXlsx', () => {
  it('continues on a new sheet when a sheet is full, so no row is dropped', async () => {
    const file = join(dir, 'sheets.xlsx');
    const output = openOutput(file);
    const { rows } = await writeXlsx({
      columns: [{ name: 'n', type: 'int' }],
      source: (async function* () {
        yield [[1], [2], [3]];
        yield [[4], [5]];
      })(),
      output,
      sheetName: 'Numbers',
      onBatch: () => undefined,
      maxSheetRows: 3,
    });
    await output.finish();
    expect(rows).toBe(5);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Numbers', 'Numbers (2)', 'Numbers (3)']);
    const values = wb.worksheets.map((ws) =>
      ws
        .getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[])[1]),
    );
    expect(values).toEqual([
      ['n', 1, 2],
      ['n', 3, 4],
      ['n', 5],
    ]);
  });
});
