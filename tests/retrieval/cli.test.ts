import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../harness/cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-retrieval-cli-'));
const file = path.join(dir, 'school.sqlite');
const db = new Database(file);
db.exec(`
  CREATE TABLE students (student_id INTEGER PRIMARY KEY, full_name TEXT, birth_date TEXT);
  CREATE TABLE courses (course_id INTEGER PRIMARY KEY, title TEXT, credits INTEGER);
  CREATE TABLE sections (section_id INTEGER PRIMARY KEY, cid INTEGER REFERENCES courses, term TEXT);
  CREATE TABLE sc_link (sid INTEGER REFERENCES students, sec INTEGER REFERENCES sections);
  CREATE TABLE rooms (room_id INTEGER PRIMARY KEY, building TEXT, seats INTEGER);
`);
db.close();
const env = { QG_HOME: path.join(dir, 'home') };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('querygenie index / search', () => {
  it('search --json builds the index when missing and prints [{table, score}] best first', async () => {
    const r = await runCli(['search', '--url', file, '--json', '--k', '3', 'which', 'pupils', 'were', 'born', 'in', '2001'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/indexed 5 chunks/);
    const rows = JSON.parse(r.stdout) as Array<{ table: string; score: number }>;
    expect(rows.length).toBeLessThanOrEqual(3);
    expect(rows[0]).toEqual({ table: 'main.students', score: expect.any(Number) as number });
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['score', 'table']);
    expect(rows.map((x) => x.score)).toEqual([...rows.map((x) => x.score)].sort((a, b) => b - a));
    expect(fs.readdirSync(path.join(env.QG_HOME, 'index')).filter((f) => f.endsWith('.db'))).toHaveLength(1);
  });

  it('search --expand adds the bridge tables between ranked tables (plain search does not)', async () => {
    const plain = await runCli(['search', '--url', file, '--json', '--k', '2', 'student names and course titles'], { env });
    expect((JSON.parse(plain.stdout) as Array<{ table: string }>).map((x) => x.table).sort()).toEqual(['main.courses', 'main.students']);
    const r = await runCli(['search', '--url', file, '--json', '--k', '2', '--expand', 'student names and course titles'], { env });
    expect(r.code).toBe(0);
    const tables = (JSON.parse(r.stdout) as Array<{ table: string }>).map((x) => x.table);
    expect(tables.slice(0, 2).sort()).toEqual(['main.courses', 'main.students']);
    expect(tables.slice(2).sort()).toEqual(['main.sc_link', 'main.sections']);
  });

  it('index reports what it did; an unknown embedder is a usage error', async () => {
    const ok = await runCli(['index', '--url', file], { env });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/indexed 5 chunks \(0 embedded, 5 unchanged/);
    const bad = await runCli(['index', '--url', file, '--embedder', 'nope'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown embedder "nope"/);
  });
});

describe('querygenie index --embedder openai (a provider through the AI router)', () => {
  it('embeds the chunks with the provider named, keyed from OPENAI_API_KEY, at --base-url', async () => {
    const { startAiStandIn } = await import('../harness/aiStandIn');
    const standIn = await startAiStandIn();
    try {
      const home = path.join(dir, 'home-provider');
      const r = await runCli(['index', '--url', file, '--embedder', 'openai', '--base-url', standIn.openaiBaseUrl], { env: { QG_HOME: home, OPENAI_API_KEY: 'sk-cli-embed' } });
      expect(r.stderr).toMatch(/indexed 5 chunks \(5 embedded/);
      expect(r.code).toBe(0);
      const sent = standIn.requestsFor('openai.embeddings');
      expect(sent.length).toBeGreaterThanOrEqual(2); // the dimension probe, then the chunks
      expect(sent.every((q) => q.headers.authorization === 'Bearer sk-cli-embed')).toBe(true);
      expect(sent.flatMap((q) => (q.body as { input: string[] }).input).some((t) => t.includes('main.students'))).toBe(true);
      const unknown = await runCli(['index', '--url', file, '--embedder', 'word2vec'], { env: { QG_HOME: home } });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('Unknown embedder "word2vec"');
    } finally {
      await standIn.close();
    }
  }, 60_000);

  it('--embedder ollama goes to the Ollama endpoint (QG_OLLAMA_URL here), without a key', async () => {
    const { startAiStandIn } = await import('../harness/aiStandIn');
    const standIn = await startAiStandIn();
    try {
      const home = path.join(dir, 'home-ollama');
      const r = await runCli(['index', '--url', file, '--embedder', 'ollama'], { env: { QG_HOME: home, QG_OLLAMA_URL: standIn.ollamaUrl } });
      expect(r.stderr).toMatch(/indexed 5 chunks \(5 embedded/);
      expect(r.code).toBe(0);
      const sent = standIn.requestsFor('openai.embeddings');
      expect(sent.length).toBeGreaterThanOrEqual(2);
      expect(sent.every((q) => (q.body as { model: string }).model === 'nomic-embed-text')).toBe(true);
    } finally {
      await standIn.close();
    }
  }, 60_000);
});
