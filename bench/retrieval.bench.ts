/**
 * Retrieval benchmarks (issue 7):
 *  (a) schema linking on BIRD mini-dev: the 11 schema-only SQLite databases pooled into one file
 *      (tables prefixed `<db>__`), 500 questions, labels = tables of the gold SQL. The hybrid
 *      ranking is measured THROUGH the CLI: `querygenie search --json` is run in-process with
 *      `runCli` (stdout captured) because 1,000 child processes would take minutes; the same
 *      command code runs either way. The plain keyword baseline of the issue is implemented here.
 *  (b) indexing a 1,000-table schema with the built-in embedder.
 *  (c) hybrid search latency at 100,000 chunks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../src/main/cli/index';
import type { Chunk } from '../src/main/retrieval/chunks';
import { buildChunks, chunkHash } from '../src/main/retrieval/chunks';
import { BuiltinEmbedder } from '../src/main/retrieval/embedders/builtin';
import { splitIdentifiers, stem } from '../src/main/retrieval/embedders/tokenize';
import { RetrievalIndex } from '../src/main/retrieval/index';
import { indexFilePath } from '../src/main/retrieval/service';
import { parseConnectionUrl } from '../src/shared/connection';
import { hybridSearch } from '../src/main/retrieval/search';
import type { SchemaSnapshot, TableInfo } from '../src/shared/schema';
import { round, type BenchEntry } from './types';

const BIRD = path.resolve('../shared/eval/bird-minidev');

interface Question {
  question: string;
  evidence: string;
  SQL: string;
  db_id: string;
}

/** Pools the schema-only databases into one file; returns table names per database. */
export function poolBird(target: string): Map<string, string[]> {
  const dir = path.join(BIRD, 'schema_only_sqlite');
  const out = new Database(target);
  const tablesByDb = new Map<string, string[]>();
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.sqlite')).sort()) {
    const dbId = f.replace(/\.sqlite$/, '');
    const src = new Database(path.join(dir, f), { readonly: true });
    const names = (src.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((r) => r.name);
    tablesByDb.set(dbId, names);
    for (const name of names) {
      const cols = src.prepare(`PRAGMA table_info(${q(name)})`).all() as Array<{ name: string; type: string; pk: number }>;
      const fks = src.prepare(`PRAGMA foreign_key_list(${q(name)})`).all() as Array<{ id: number; table: string; from: string; to: string | null }>;
      const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => q(c.name));
      const defs = cols.map((c) => `${q(c.name)} ${c.type}`);
      if (pk.length) defs.push(`PRIMARY KEY (${pk.join(', ')})`);
      for (const fk of fks) {
        const ref = names.find((n) => n.toLowerCase() === fk.table.toLowerCase()) ?? fk.table;
        defs.push(`FOREIGN KEY (${q(fk.from)}) REFERENCES ${q(`${dbId}__${ref}`)}${fk.to ? `(${q(fk.to)})` : ''}`);
      }
      out.exec(`CREATE TABLE ${q(`${dbId}__${name}`)} (${defs.join(', ')})`);
    }
    src.close();
  }
  out.close();
  return tablesByDb;
}

/** Tables of a database referenced by FROM/JOIN in SQL, as pooled names. */
export function goldTables(sql: string, dbId: string, tables: string[]): string[] {
  const out = new Set<string>();
  for (const m of sql.matchAll(/\b(?:from|join)\s+(`[^`]+`|"[^"]+"|\[[^\]]+\]|[\w$]+)/gi)) {
    const name = m[1]!.replace(/^[`"[]|[`"\]]$/g, '').toLowerCase();
    const t = tables.find((n) => n.toLowerCase() === name);
    if (t) out.add(`main.${dbId}__${t}`);
  }
  return [...out];
}

/** The issue's plain keyword baseline: split identifiers, crude stemming, IDF-weighted overlap. */
function keywordBaseline(snapshot: SchemaSnapshot): (question: string) => string[] {
  const words = (text: string): Set<string> => new Set(splitIdentifiers(text).map(stem));
  const docs = snapshot.schemas.flatMap((s) => s.tables.map((t) => ({ ref: `${s.name}.${t.name}`, terms: words(`${t.name} ${t.columns.map((c) => c.name).join(' ')}`) })));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string): number => Math.log(docs.length / (df.get(t) ?? docs.length));
  return (question) => {
    const qs = words(question);
    return docs
      .map((d) => ({ ref: d.ref, score: [...qs].reduce((s, t) => s + (d.terms.has(t) ? idf(t) : 0), 0) }))
      .sort((a, b) => b.score - a.score)
      .map((d) => d.ref);
  };
}

/** Runs `querygenie ...args` in-process and returns its stdout. */
async function cliStdout(args: string[]): Promise<string> {
  let captured = '';
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array): boolean => {
    captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await runCli(args);
    if (code !== 0) throw new Error(`querygenie ${args.slice(0, 3).join(' ')} exited ${code}`);
  } finally {
    process.stdout.write = original;
  }
  return captured;
}

interface Scores {
  r5: number;
  r10: number;
  mrr: number;
  misses: string[];
}

/** recall@5, recall@10 (per question, averaged) and MRR of the first gold table. */
function score(rankings: string[][], labels: string[][], questions: string[]): Scores {
  let r5 = 0;
  let r10 = 0;
  let mrr = 0;
  const misses: string[] = [];
  rankings.forEach((ranked, i) => {
    const gold = labels[i]!;
    r5 += gold.filter((g) => ranked.slice(0, 5).includes(g)).length / gold.length;
    r10 += gold.filter((g) => ranked.slice(0, 10).includes(g)).length / gold.length;
    const first = ranked.findIndex((t) => gold.includes(t));
    mrr += first >= 0 ? 1 / (first + 1) : 0;
    const missed = gold.filter((g) => !ranked.slice(0, 10).includes(g));
    if (missed.length) misses.push(`${questions[i]!.slice(0, 90)} → missing ${missed.join(', ')}`);
  });
  const n = rankings.length;
  return { r5: round(r5 / n, 3), r10: round(r10 / n, 3), mrr: round(mrr / n, 3), misses };
}

async function schemaLinking(work: string): Promise<BenchEntry[]> {
  if (!fs.existsSync(path.join(BIRD, 'mini_dev_sqlite.json'))) {
    process.stderr.write(`  BIRD mini-dev not found at ${BIRD}; schema-linking benchmark skipped\n`);
    return [];
  }
  const pooled = path.join(work, 'bird-pooled.sqlite');
  const tablesByDb = poolBird(pooled);
  const questions = JSON.parse(fs.readFileSync(path.join(BIRD, 'mini_dev_sqlite.json'), 'utf8')) as Question[];
  const labels = questions.map((q) => goldTables(q.SQL, q.db_id, tablesByDb.get(q.db_id) ?? []));
  const usable = questions.map((q, i) => ({ q, gold: labels[i]! })).filter((x) => x.gold.length > 0);
  await cliStdout(['index', '--url', pooled]);
  const snapshot = JSON.parse(await cliStdout(['introspect', '--url', pooled, '--json'])) as SchemaSnapshot;
  const baseline = keywordBaseline(snapshot);
  const out: BenchEntry[] = [];
  for (const variant of ['question+evidence', 'question'] as const) {
    const texts = usable.map((x) => (variant === 'question' ? x.q.question : `${x.q.question} ${x.q.evidence}`));
    const base = score(texts.map(baseline), usable.map((x) => x.gold), texts);
    const hybridRankings: string[][] = [];
    for (const t of texts) hybridRankings.push((JSON.parse(await cliStdout(['search', '--url', pooled, '--k', '10', '--json', t])) as Array<{ table: string }>).map((r) => r.table));
    const hyb = score(hybridRankings, usable.map((x) => x.gold), texts);
    const goal10 = variant === 'question' ? '≥ 0.93' : '≥ 0.99';
    out.push(
      { name: `BIRD schema linking recall@10, ${variant} (hybrid vs keyword baseline)`, value: hyb.r10, unit: '', baseline: base.r10, goal: goal10 },
      { name: `BIRD schema linking recall@5, ${variant} (hybrid vs keyword baseline)`, value: hyb.r5, unit: '', baseline: base.r5, goal: variant === 'question' ? undefined : '≥ 0.95' },
      { name: `BIRD schema linking MRR, ${variant} (hybrid vs keyword baseline)`, value: hyb.mrr, unit: '', baseline: base.mrr },
    );
    if (process.env.QG_BENCH_VERBOSE) for (const m of hyb.misses) process.stderr.write(`    miss (${variant}): ${m}\n`);
    // Ablation (in-process, same index file): what each retriever reaches on its own.
    const index = RetrievalIndex.open(indexFilePath(process.env.QG_HOME!, { params: parseConnectionUrl(pooled) }), new BuiltinEmbedder());
    for (const [label, opts] of [['keyword side only', { vectorWeight: 0 }], ['vector side only', { keywordWeight: 0 }]] as const) {
      const rankings: string[][] = [];
      for (const t of texts) rankings.push((await hybridSearch(index, t, { k: 10, ...opts })).tables.map((h) => h.table));
      const s = score(rankings, usable.map((x) => x.gold), texts);
      out.push({ name: `BIRD recall@10, ${variant}, ablation: ${label} (recall@5 as baseline column)`, value: s.r10, unit: '', baseline: s.r5 });
    }
    index.close();
  }
  process.stderr.write(`  ${usable.length}/${questions.length} questions with gold tables; ${snapshot.schemas[0]?.tables.length ?? 0} pooled tables\n`);
  return out;
}

/** A synthetic table with business-like names. */
function syntheticTable(i: number): TableInfo {
  const nouns = ['customer', 'order', 'invoice', 'product', 'supplier', 'shipment', 'payment', 'employee', 'account', 'ledger', 'region', 'store'];
  const attrs = ['name', 'status', 'created_at', 'updated_at', 'amount', 'qty', 'price', 'code', 'description', 'type', 'date', 'note'];
  const name = `${nouns[i % nouns.length]}_${attrs[(i * 7) % attrs.length]}_${i}`;
  const columns = Array.from({ length: 12 }, (_, c) => ({ name: c === 0 ? 'id' : `${attrs[(i + c) % attrs.length]}_${c}`, dataType: c === 0 ? 'integer' : 'text', nullable: c > 0, default: null, comment: null, ordinal: c + 1 }));
  const foreignKeys = i > 0 ? [{ name: `fk_${i}`, columns: ['code_1'], refSchema: 'main', refTable: syntheticName(i - 1), refColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }] : [];
  return { name, kind: 'table', comment: null, rowEstimate: null, columns, primaryKey: ['id'], foreignKeys, indexes: [], constraints: [] };
}

function syntheticName(i: number): string {
  return syntheticTable(i).name;
}

async function indexing(work: string): Promise<BenchEntry[]> {
  const tables: TableInfo[] = Array.from({ length: 1000 }, (_, i) => syntheticTable(i));
  const snapshot: SchemaSnapshot = { engine: 'sqlite', database: 'big', capturedAt: new Date().toISOString(), schemas: [{ name: 'main', tables, routines: [], enums: [] }] };
  const t0 = performance.now();
  const index = RetrievalIndex.open(path.join(work, 'big.db'), new BuiltinEmbedder());
  await index.build(buildChunks({ snapshot }));
  const ms = performance.now() - t0;
  index.close();
  return [{ name: 'index a 1,000-table schema (built-in embedder, chunks → vec0 + FTS5)', value: round(ms, 0), unit: 'ms', goal: '≤ 3000 ms' }];
}

async function searchLatency(work: string): Promise<BenchEntry[]> {
  // 2,000 made-up words drawn with a skewed (Zipf-like) frequency, 12 identifiers per chunk.
  const words = Array.from({ length: 2000 }, (_, i) => `w${((i * 2654435761) >>> 0).toString(36).replace(/\d/g, '')}x`);
  let seed = 42;
  const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const word = (): string => words[Math.floor((rnd(1_000_000) / 1_000_000) ** 2 * words.length)]!;
  const chunks: Chunk[] = Array.from({ length: 100_000 }, (_, i) => {
    const text = `table main.t${i}_${word()}_${word()}\ncolumns: ${Array.from({ length: 10 }, () => `${word()}_${word()} text`).join(', ')}`;
    return { key: `table:${i}`, kind: 'table', tableRef: `main.t${i}`, text, hash: chunkHash('table', `main.t${i}`, text) };
  });
  const index = RetrievalIndex.open(path.join(work, 'large.db'), new BuiltinEmbedder());
  const t0 = performance.now();
  await index.build(chunks);
  const buildMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < 120; i++) {
    const question = `which ${word()} has the highest ${word()} ${word()} per ${word()}`;
    const t0 = performance.now();
    await hybridSearch(index, question, { k: 10 });
    if (i >= 20) times.push(performance.now() - t0);
  }
  index.close();
  times.sort((a, b) => a - b);
  return [
    { name: 'hybrid search at 100,000 chunks, p95', value: round(times[Math.floor(times.length * 0.95)]!, 1), unit: 'ms', goal: '≤ 30 ms' },
    { name: 'hybrid search at 100,000 chunks, median', value: round(times[Math.floor(times.length / 2)]!, 1), unit: 'ms' },
    { name: 'index 100,000 chunks (for scale)', value: round(buildMs / 1000, 1), unit: 's' },
  ];
}

/** Entry point for bench/run.ts. */
export async function run(): Promise<BenchEntry[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-retrieval-bench-'));
  const home = process.env.QG_HOME;
  process.env.QG_HOME = path.join(work, 'home');
  try {
    const parts = (process.env.QG_BENCH_PARTS ?? 'linking,indexing,latency').split(',');
    const out: BenchEntry[] = [];
    if (parts.includes('linking')) out.push(...(await schemaLinking(work)));
    if (parts.includes('indexing')) out.push(...(await indexing(work)));
    if (parts.includes('latency')) out.push(...(await searchLatency(work)));
    return out;
  } finally {
    if (home === undefined) delete process.env.QG_HOME;
    else process.env.QG_HOME = home;
    fs.rmSync(work, { recursive: true, force: true });
  }
}
