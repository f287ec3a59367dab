/**
 * One-off measurement used to choose the spool's spill serialisation: the custom binary codec
 * (src/main/query/spool/chunkCodec.ts) against `v8.serialize` with Decimal mapped to a tagged
 * object. 1,000,000 rows × 8 mixed columns, chunks of 2,000 rows. Not wired into `npm run bench`.
 * Run: npx tsx bench/spoolFormats.ts
 */
import v8 from 'node:v8';
import { decodeChunk, encodeChunk } from '../src/main/query/spool/chunkCodec';
import { Decimal, type CellValue, type Row } from '../src/shared/values';

const ROWS = 1_000_000;
const CHUNK = 2_000;
const COLS = 8;

function makeRow(i: number): Row {
  return [
    i,
    BigInt(i) * 1_000_003n,
    `customer ${i} name`,
    new Decimal(`${i}.${String(i % 100).padStart(2, '0')}`),
    i * 0.25,
    i % 3 === 0 ? null : i % 2 === 0,
    `2024-01-${String((i % 28) + 1).padStart(2, '0')} 10:00:00+02`,
    i % 10 === 0 ? new Uint8Array([i & 255, 1, 2, 3]) : 'ok',
  ];
}

function toV8(rows: Row[]): Buffer {
  const mapped = rows.map((r) =>
    r.some((c) => c instanceof Decimal)
      ? r.map((c) => (c instanceof Decimal ? { d: c.text } : c))
      : r,
  );
  return v8.serialize(mapped);
}

function fromV8(buf: Buffer): Row[] {
  const rows = v8.deserialize(buf) as unknown[][];
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) {
      const c = r[i];
      if (
        c !== null &&
        typeof c === 'object' &&
        !(c instanceof Uint8Array) &&
        !(c instanceof Date)
      ) {
        r[i] = new Decimal((c as { d: string }).d);
      }
    }
  }
  return rows as CellValue[][];
}

const chunks: Row[][] = [];
for (let s = 0; s < ROWS; s += CHUNK) {
  const chunk: Row[] = [];
  for (let i = s; i < s + CHUNK; i++) chunk.push(makeRow(i));
  chunks.push(chunk);
}

function measure(name: string, enc: (r: Row[]) => Buffer, dec: (b: Buffer) => Row[]): void {
  let t = performance.now();
  const bufs = chunks.map(enc);
  const encMs = performance.now() - t;
  t = performance.now();
  let n = 0;
  for (const b of bufs) n += dec(b).length;
  const decMs = performance.now() - t;
  const bytes = bufs.reduce((a, b) => a + b.length, 0);
  console.log(
    `${name.padEnd(8)} encode ${encMs.toFixed(0)} ms  decode ${decMs.toFixed(0)} ms  ` +
      `${(bytes / 1e6).toFixed(1)} MB  rows ${n}`,
  );
}

for (let round = 0; round < 2; round++) {
  measure('custom', (r) => encodeChunk(r, COLS), decodeChunk);
  measure('v8', toV8, fromV8);
}
