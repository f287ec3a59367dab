import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { Decimal, type Row } from '../../../shared/values';
import { estimateRowBytes } from './estimate';
import { cleanupStaleSpills, decodeChunk, encodeChunk, MemoryBudget, ResultSpool } from './index';
import { ENCODED_CHUNK_OVERHEAD } from './resultSpool';

const columns = ['id', 'big', 'name', 'price', 'ratio', 'flag', 'blob', 'at'].map((name) => ({
  name,
  type: '',
}));

/** A row holding every CellValue type, varying with `i`. */
function mixedRow(i: number): Row {
  return [
    i,
    BigInt(i) * 9_000_000_000_000n + (i % 2 === 0 ? 9223372036854775807n : -1n),
    i % 7 === 0 ? '' : `name ${i} ünïcödé ${'x'.repeat(i % 50)}`,
    i % 5 === 0 ? null : new Decimal(`${i}12345678901234567890.000000001`),
    [NaN, Infinity, -Infinity, -0, 0.1 * i, 2 ** 53 + 2][i % 6]!,
    i % 3 === 0 ? null : i % 2 === 0,
    new Uint8Array([i & 255, 0, 255, (i >> 8) & 255]),
    new Date(Date.UTC(2024, 0, 1) + i * 1000),
  ];
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qg-spool-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fill(spool: ResultSpool, n: number, batch = 333): Promise<Row[]> {
  const all: Row[] = [];
  for (let s = 0; s < n; s += batch) {
    const rows: Row[] = [];
    for (let i = s; i < Math.min(n, s + batch); i++) rows.push(mixedRow(i));
    all.push(...rows);
    await spool.append(rows);
  }
  return all;
}

describe('chunk codec', () => {
  it('round-trips every cell type exactly, including odd strings and huge bigints', () => {
    const rows: Row[] = [
      [null, true, false, 0, -0, 2147483647, -2147483648, 2147483648, NaN, Infinity],
      [
        '',
        'ascii',
        'üñí',
        '😀',
        '\ud800 lone',
        'a'.repeat(100),
        'ü'.repeat(100),
        1.5,
        -Infinity,
        1e308,
      ],
      [
        2n ** 70n,
        -(2n ** 70n),
        9223372036854775807n,
        -9223372036854775808n,
        0n,
        new Decimal('-0.000'),
        new Uint8Array(0),
        new Uint8Array([1, 2, 3]),
        new Date(0),
        new Date(NaN),
      ],
    ];
    const back = decodeChunk(encodeChunk(rows, 10));
    expect(back).toStrictEqual(rows);
    expect(Object.is(back[0]![4], -0)).toBe(true);
    expect(back[2]![5]).toBeInstanceOf(Decimal);
  });
});

describe('chunk codec: safe bigints as numbers', () => {
  it('stores bigints within ±(2^53−1) as the equal number and keeps larger ones exact', () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    const rows = [[5n, -max, max + 1n, -(max + 1n), 9223372036854775807n, 'x', null]];
    const back = decodeChunk(encodeChunk(rows, 7, { safeBigintsAsNumbers: true }));
    expect(back).toEqual([[5, -Number.MAX_SAFE_INTEGER, max + 1n, -(max + 1n), 9223372036854775807n, 'x', null]]);
    expect(decodeChunk(encodeChunk(rows, 7))[0]![0]).toBe(5n);
  });
});

describe('ResultSpool', () => {
  it('reads exact windows across chunk boundaries, also while rows still arrive', async () => {
    const spool = new ResultSpool({
      id: 'r1',
      columns,
      budget: new MemoryBudget(),
      tempDir: dir,
      chunkRows: 100,
    });
    const first = await fill(spool, 250, 70);
    expect(spool.total).toBe(250);
    expect(spool.complete).toBe(false);
    expect(await spool.read(95, 10)).toStrictEqual(first.slice(95, 105));
    expect(await spool.read(240, 100)).toStrictEqual(first.slice(240, 250));
    expect(await spool.read(300, 10)).toEqual([]);
    const more: Row[] = [mixedRow(250), mixedRow(251)];
    await spool.append(more);
    spool.finish();
    expect(spool.complete).toBe(true);
    expect(await spool.read(0, 1000)).toStrictEqual([...first, ...more]);
    await expect(spool.read(-1, 5)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await spool.close();
  });

  it('spills under a tiny memory bound and returns exactly the rows appended', async () => {
    const budget = new MemoryBudget(64 * 1024);
    const spool = new ResultSpool({ id: 'spill', columns, budget, tempDir: dir, chunkRows: 500 });
    const all = await fill(spool, 10_000);
    spool.finish();
    expect(spool.spilledBytes).toBeGreaterThan(0);
    expect(budget.used).toBeLessThanOrEqual(64 * 1024);
    expect(await spool.read(0, 10_000)).toStrictEqual(all);
    // Random windows, read twice (the second time from the read cache).
    for (const [o, l] of [
      [4990, 20],
      [123, 1000],
      [9999, 5],
      [0, 1],
    ] as const) {
      expect(await spool.read(o, l)).toStrictEqual(all.slice(o, o + l));
      expect(await spool.read(o, l)).toStrictEqual(all.slice(o, o + l));
    }
    const fileCount = (await readdir(dir)).length;
    expect(fileCount).toBe(1);
    await spool.close();
    await spool.close();
    expect(await readdir(dir)).toEqual([]);
    expect(budget.used).toBe(0);
    await expect(spool.read(0, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shares one budget between concurrent spools and keeps both exact', async () => {
    const budget = new MemoryBudget(128 * 1024);
    const a = new ResultSpool({ id: 'a', columns, budget, tempDir: dir, chunkRows: 200 });
    const b = new ResultSpool({ id: 'b', columns, budget, tempDir: dir, chunkRows: 200 });
    const [rowsA, rowsB] = await Promise.all([fill(a, 4000, 100), fill(b, 3000, 77)]);
    expect(budget.used).toBeLessThanOrEqual(128 * 1024);
    expect(a.spilledBytes + b.spilledBytes).toBeGreaterThan(0);
    expect(await a.read(0, 5000)).toStrictEqual(rowsA);
    expect(await b.read(0, 5000)).toStrictEqual(rowsB);
    await a.close();
    expect(await b.read(2990, 10)).toStrictEqual(rowsB.slice(2990));
    await b.close();
    expect(budget.used).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });

  it('iterate yields every row in order while the producer is still appending', async () => {
    const budget = new MemoryBudget(32 * 1024);
    const spool = new ResultSpool({ id: 'it', columns, budget, tempDir: dir, chunkRows: 64 });
    const expected: Row[] = [];
    for (let i = 0; i < 3000; i++) expected.push(mixedRow(i));
    const producer = (async () => {
      for (let s = 0; s < 3000; s += 150) {
        await spool.append(expected.slice(s, s + 150));
        await new Promise((r) => setTimeout(r, 1));
      }
      spool.finish();
    })();
    const seen: Row[] = [];
    for await (const batch of spool.iterate(100)) seen.push(...batch);
    await producer;
    expect(seen).toStrictEqual(expected);
    await spool.close();
  });

  it('waitFor resolves as rows arrive or on completion, and rejects when aborted', async () => {
    const spool = new ResultSpool({ id: 'w', columns, budget: new MemoryBudget(), tempDir: dir });
    const waiting = spool.waitFor(10);
    await fill(spool, 12);
    await expect(waiting).resolves.toBeUndefined();
    const ctl = new AbortController();
    const aborted = spool.waitFor(100, ctl.signal);
    ctl.abort();
    await expect(aborted).rejects.toMatchObject({ code: 'QUERY_CANCELLED' });
    const untilDone = spool.waitFor(1000);
    spool.finish();
    await expect(untilDone).resolves.toBeUndefined();
    await spool.close();
  });

  it('fail() mid-stream keeps the rows that arrived and completes the result', async () => {
    const spool = new ResultSpool({
      id: 'f',
      columns,
      budget: new MemoryBudget(16 * 1024),
      tempDir: dir,
      chunkRows: 50,
    });
    const got = await fill(spool, 500);
    const waiting = spool.waitFor(10_000);
    const iterating = (async () => {
      const seen: Row[] = [];
      for await (const b of spool.iterate()) seen.push(...b);
      return seen;
    })();
    const err = new AppError('CONNECTION_LOST', 'gone');
    spool.fail(err);
    await waiting;
    expect(spool.complete).toBe(true);
    expect(spool.error).toBe(err);
    expect(await iterating).toStrictEqual(got);
    expect(await spool.read(450, 100)).toStrictEqual(got.slice(450));
    await spool.close();
  });

  it('refuses rows after close so the driver stops streaming', async () => {
    const spool = new ResultSpool({ id: 'c', columns, budget: new MemoryBudget(), tempDir: dir });
    await fill(spool, 10);
    await spool.close();
    await expect(spool.append([mixedRow(1)])).rejects.toMatchObject({ code: 'QUERY_CANCELLED' });
  });

  it('cleanupStaleSpills removes files of dead processes only', async () => {
    const live = new ResultSpool({
      id: 'live',
      columns,
      budget: new MemoryBudget(1024),
      tempDir: dir,
      chunkRows: 10,
    });
    await fill(live, 200);
    const [liveFile] = await readdir(dir);
    // pid 2^22+1 is above Linux's pid_max, so no process can own it.
    const stale = join(dir, `qg-spool-${2 ** 22 + 1}-old-abcd1234.bin`);
    const unrelated = join(dir, 'notes.txt');
    await writeFile(stale, 'x');
    await writeFile(unrelated, 'y');
    expect(await cleanupStaleSpills(dir)).toBe(1);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(unrelated)).toBe(true);
    expect(existsSync(join(dir, liveFile!))).toBe(true);
    expect(await cleanupStaleSpills(join(dir, 'missing'))).toBe(0);
    await live.close();
  });

  it('appendEncoded keeps order with interleaved append and returns exact values', async () => {
    const spool = new ResultSpool({ id: 'enc', columns, budget: new MemoryBudget(), tempDir: dir, chunkRows: 100 });
    const all: Row[] = [];
    for (let i = 0; i < 700; i++) all.push(mixedRow(i));
    const waiting = spool.waitFor(400);
    await spool.append(all.slice(0, 150)); // one sealed chunk and a half-filled one
    await spool.appendEncoded(encodeChunk(all.slice(150, 450), 8), 300);
    await expect(waiting).resolves.toBeUndefined();
    await spool.append(all.slice(450, 480));
    await spool.appendEncoded(encodeChunk(all.slice(480, 481), 8), 1);
    await spool.append(all.slice(481, 650));
    // A slice of a larger buffer, as a pipe reader might hand over.
    const framed = Buffer.concat([Buffer.from('junk'), encodeChunk(all.slice(650, 700), 8)]);
    await spool.appendEncoded(framed.subarray(4), 50);
    spool.finish();
    expect(spool.total).toBe(700);
    expect(await spool.read(0, 1000)).toStrictEqual(all);
    for (const [o, l] of [[140, 20], [449, 3], [479, 3], [600, 100], [699, 5]] as const) {
      expect(await spool.read(o, l)).toStrictEqual(all.slice(o, o + l));
    }
    const seen: Row[] = [];
    for await (const b of spool.iterate(64)) seen.push(...b);
    expect(seen).toStrictEqual(all);
    await spool.close();
  });

  it('spills encoded chunks as they are and reads them back exactly', async () => {
    // A zero bound spills everything, so the file holds exactly the producer's bytes.
    const budget = new MemoryBudget(0);
    const spool = new ResultSpool({ id: 'encspill', columns, budget, tempDir: dir });
    const all: Row[] = [];
    let encodedBytes = 0;
    for (let s = 0; s < 3000; s += 250) {
      const rows: Row[] = [];
      for (let i = s; i < s + 250; i++) rows.push(mixedRow(i));
      all.push(...rows);
      const chunk = encodeChunk(rows, 8);
      encodedBytes += chunk.byteLength;
      await spool.appendEncoded(chunk, rows.length);
    }
    spool.finish();
    expect(spool.spilledBytes).toBe(encodedBytes);
    expect(budget.used).toBe(0);
    expect(await spool.read(0, 5000)).toStrictEqual(all);
    expect(await spool.read(2490, 20)).toStrictEqual(all.slice(2490, 2510));
    // Reading (through the decoded-chunk cache) charges nothing to the shared bound.
    expect(budget.used).toBe(0);
    await spool.close();
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses an encoded chunk that does not match the result, and any after close', async () => {
    const spool = new ResultSpool({ id: 'bad', columns, budget: new MemoryBudget(), tempDir: dir });
    const rows = [mixedRow(1), mixedRow(2)];
    await expect(spool.appendEncoded(encodeChunk(rows, 8), 3)).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(spool.appendEncoded(encodeChunk(rows, 7), 2)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(spool.total).toBe(0);
    await spool.close();
    await expect(spool.appendEncoded(encodeChunk(rows, 8), 2)).rejects.toMatchObject({ code: 'QUERY_CANCELLED' });
  });

  it('charges completed chunks their encoded size, far below their rows, and frees it on close', async () => {
    const budget = new MemoryBudget();
    const spool = new ResultSpool({ id: 'acct', columns, budget, tempDir: dir, chunkRows: 100 });
    const all = await fill(spool, 1050, 70);
    let expected = 0;
    for (let s = 0; s < 1000; s += 100) expected += encodeChunk(all.slice(s, s + 100), 8).byteLength + ENCODED_CHUNK_OVERHEAD;
    // The open chunk's 50 rows are still rows, charged their estimate.
    for (const row of all.slice(1000)) expected += estimateRowBytes(row);
    expect(spool.memoryBytes).toBe(expected);
    expect(budget.used).toBe(expected);
    const asRows = all.reduce((n, r) => n + estimateRowBytes(r), 0);
    expect(spool.memoryBytes).toBeLessThan(asRows / 2);
    // An encoded append seals the open chunk first, then adds exactly its own bytes.
    const extra = encodeChunk([mixedRow(2000)], 8);
    await spool.appendEncoded(extra, 1);
    const sealed = encodeChunk(all.slice(1000), 8).byteLength + ENCODED_CHUNK_OVERHEAD;
    const before = expected - all.slice(1000).reduce((n, r) => n + estimateRowBytes(r), 0);
    expect(budget.used).toBe(before + sealed + extra.byteLength + ENCODED_CHUNK_OVERHEAD);
    await spool.read(0, 1051);
    expect(budget.used).toBe(spool.memoryBytes);
    await spool.close();
    expect(budget.used).toBe(0);
  });
});
