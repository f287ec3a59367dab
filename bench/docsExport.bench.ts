/**
 * Docs export of a generated 1,000-table schema (goal: HTML site ≤ 10 s). Baseline from the same
 * run: writing the same number of page files with a trivial template (JSON.stringify of each
 * table) — the file-system cost alone. Also reported: HTML without diagrams, and Markdown.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DocsBundle } from '../src/shared/docs';
import type { SchemaSnapshot, TableInfo } from '../src/shared/schema';
import { buildBundle } from '../src/main/docs/bundle';
import { exportDocs } from '../src/main/docs/site/exportDocs';
import { median, round, type BenchEntry } from './types';

/** A deterministic schema: 4 schemas × 250 tables, 6–17 columns, up to 3 FKs to earlier tables. */
function generatedSnapshot(tables: number): SchemaSnapshot {
  let seed = 42;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    // The high bits: an LCG's low bits repeat with a tiny period.
    return Math.floor(seed / 65536) % n;
  };
  const types = ['integer', 'bigint', 'varchar(120)', 'text', 'numeric(12,2)', 'timestamp with time zone', 'boolean', 'date'];
  const all: { schema: string; table: TableInfo }[] = [];
  for (let i = 0; i < tables; i++) {
    const schema = `s${i % 4}`;
    const cols = 5 + rnd(12);
    const fks = i < 10 ? [] : Array.from({ length: rnd(4) }, () => all[rnd(all.length)]!).filter((p, k, arr) => arr.indexOf(p) === k);
    const table: TableInfo = {
      name: `table_${i}_${['orders', 'customers', 'events', 'items', 'ledger'][i % 5]}`,
      kind: i % 25 === 0 ? 'view' : 'table',
      comment: i % 3 === 0 ? `Table number ${i}` : null,
      rowEstimate: rnd(1_000_000),
      columns: [
        { name: 'id', dataType: 'bigint', nullable: false, default: null, comment: null, ordinal: 1, autoIncrement: true },
        ...fks.map((p, k) => ({ name: `${p.table.name}_id`, dataType: 'bigint', nullable: k > 0, default: null, comment: null, ordinal: 2 + k })),
        ...Array.from({ length: cols }, (_, c) => ({ name: `col_${c}`, dataType: types[rnd(types.length)]!, nullable: rnd(2) === 0, default: rnd(5) === 0 ? "'x'" : null, comment: rnd(4) === 0 ? `Column ${c}` : null, ordinal: 2 + fks.length + c })),
      ],
      primaryKey: ['id'],
      foreignKeys: fks.map((p) => ({ name: `fk_${i}_${p.table.name}`, columns: [`${p.table.name}_id`], refSchema: p.schema, refTable: p.table.name, refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })),
      indexes: [{ name: `pk_${i}`, columns: ['id'], unique: true, primary: true }, ...fks.slice(0, 1).map((p) => ({ name: `ix_${i}_${p.table.name}`, columns: [`${p.table.name}_id`], unique: false }))],
      constraints: rnd(3) === 0 ? [{ name: `ck_${i}`, kind: 'check' as const, columns: ['col_0'], definition: 'col_0 IS NOT NULL' }] : [],
    };
    all.push({ schema, table });
  }
  return {
    engine: 'postgres',
    database: 'bench',
    capturedAt: new Date(0).toISOString(),
    schemas: ['s0', 's1', 's2', 's3'].map((name) => ({ name, tables: all.filter((a) => a.schema === name).map((a) => a.table), routines: [], enums: [] })),
  };
}

async function trivialPages(bundle: DocsBundle, dir: string): Promise<void> {
  await fsp.mkdir(path.join(dir, 'tables'), { recursive: true });
  for (const s of bundle.snapshot.schemas) for (const t of s.tables) await fsp.writeFile(path.join(dir, 'tables', `${s.name}.${t.name}.json`), JSON.stringify(t));
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Runs the benchmark. */
export async function run(): Promise<BenchEntry[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-docs-bench-'));
  try {
    const snapshot = generatedSnapshot(1000);
    const descriptions = new Map<string, string>();
    snapshot.schemas.forEach((s) => s.tables.forEach((t, i) => i % 2 === 0 && descriptions.set(`${s.name}.${t.name}`, `**${t.name}**: what it holds, with \`code\` and a [link](https://example.com).`)));
    const { orphans: _o, ...bundle } = buildBundle({ snapshot, descriptions });
    // Warm-up: the first ELK layout loads its engine (~1 s once per process).
    await exportDocs({ ...bundle, snapshot: { ...snapshot, schemas: [{ ...snapshot.schemas[0]!, tables: snapshot.schemas[0]!.tables.slice(0, 20) }] } }, { format: 'html', out: path.join(dir, 'warm') });
    // The baseline is short, so a noisy machine moves it a lot: median of three.
    const baselines: number[] = [];
    for (let i = 0; i < 3; i++) baselines.push(await timed(() => trivialPages(bundle, path.join(dir, `trivial${i}`))));
    const baseline = median(baselines);
    const html = await timed(() => exportDocs(bundle, { format: 'html', out: path.join(dir, 'html') }));
    const plain = await timed(() => exportDocs(bundle, { format: 'html', out: path.join(dir, 'plain'), diagrams: false }));
    const md = await timed(() => exportDocs(bundle, { format: 'md', out: path.join(dir, 'md') }));
    const entry = (name: string, ms: number, goal?: string): BenchEntry => ({ name, value: round(ms / 1000), unit: 's', baseline: round(baseline / 1000, 3), ratio: round(ms / baseline), ...(goal ? { goal } : {}) });
    return [
      entry('docs export: HTML site of 1,000 tables with neighbour diagrams (ratio: vs JSON.stringify page per table)', html, '≤ 10 s'),
      entry('docs export: HTML site of 1,000 tables without diagrams (ratio: vs JSON.stringify page per table)', plain),
      entry('docs export: Markdown of 1,000 tables with Mermaid diagrams (ratio: vs JSON.stringify page per table)', md),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
