/**
 * Runs every `bench/*.bench.ts` (each exports `run(): Promise<BenchEntry[]>`), prints a table and
 * writes bench/results/latest.json. `npm run bench -- NAME` runs only files whose name contains NAME.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchEntry } from './types';

const dir = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

const all: BenchEntry[] = [];
for (const f of files) {
  process.stderr.write(`running ${f}…\n`);
  try {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { run: () => Promise<BenchEntry[]> };
    const entries = (await mod.run()).map((e) => ({ ...e, file: f }));
    all.push(...entries);
    for (const e of entries) process.stderr.write(`  ${e.name}: ${e.value} ${e.unit}${e.ratio !== undefined ? ` (ratio ${e.ratio})` : ''}\n`);
  } catch (err) {
    process.stderr.write(`  ${f} failed: ${err instanceof Error ? err.message : String(err)}\n`);
    all.push({ name: `${f} FAILED`, value: NaN, unit: '', file: f });
  }
}
fs.mkdirSync(path.join(dir, 'results'), { recursive: true });
const latest = path.join(dir, 'results', 'latest.json');
// A filtered run replaces every entry of the files it ran and keeps the other files' entries.
const kept: BenchEntry[] = filter && fs.existsSync(latest) ? (JSON.parse(fs.readFileSync(latest, 'utf8')) as BenchEntry[]).filter((e) => e.file !== undefined && !files.includes(e.file)) : [];
fs.writeFileSync(latest, `${JSON.stringify([...kept, ...all], null, 2)}\n`);
const rows = all.map((e) => [e.name, `${e.value} ${e.unit}`, e.baseline === undefined ? '' : String(e.baseline), e.ratio === undefined ? '' : String(e.ratio), e.goal ?? '']);
const head = ['benchmark', 'value', 'baseline', 'ratio', 'goal'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
console.log([line(head), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)].join('\n'));
console.log(`\nwritten: bench/results/latest.json`);
