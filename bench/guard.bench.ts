/** Read-only guard and script splitter throughput: 1,000 statements per engine, 10,000-statement script. */
import { classifyStatement, type GuardDialect } from '../src/main/query/guard';
import { splitScript } from '../src/main/query/splitter';
import { median, round, type BenchEntry } from './types';

const STATEMENTS = 1000;

function statement(i: number): string {
  return `SELECT a.x, b.y, count(*) FROM t${i} a JOIN u b ON a.id = b.id WHERE a.c = ${i} AND b.d IN (SELECT d FROM v) GROUP BY a.x, b.y`;
}

/** Runs the benchmark. */
export async function run(): Promise<BenchEntry[]> {
  const entries: BenchEntry[] = [];
  const engines: GuardDialect[] = ['postgres', 'mysql', 'sqlite', 'mssql'];
  for (const engine of engines) {
    classifyStatement('SELECT 1', engine); // load the parser outside the measurement
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      for (let i = 0; i < STATEMENTS; i++) classifyStatement(statement(i), engine);
      runs.push(performance.now() - t0);
    }
    entries.push({ name: `guard: classify ${STATEMENTS} SELECTs (${engine})`, value: round(median(runs)), unit: 'ms', goal: '≤ 1000 ms' });
  }
  const script = Array.from({ length: 10_000 }, (_, i) => `-- step ${i}\nSELECT ${i}, 'a;b' FROM t WHERE x = $$;$$;\n`).join('');
  const t0 = performance.now();
  splitScript(script, 'postgres');
  entries.push({ name: 'splitter: 10,000-statement PostgreSQL script', value: round(performance.now() - t0), unit: 'ms', goal: '≤ 1000 ms' });
  return entries;
}
