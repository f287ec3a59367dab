/**
 * `querygenie diff` and `querygenie lint` run as a user would (the real bin, a child process):
 * exit 1 on breaking changes and 0 on additive ones, 2 on usage errors; lint findings as JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { LintFinding, SchemaDiff } from '../../src/shared/docs';
import { createApp } from '../../src/main/app/createApp';
import { sqliteDriver } from '../../src/main/drivers/sqlite/index';
import { MemorySecretStore } from '../../src/main/secrets/secretStore';
import { runCli } from '../harness/cli';
import { createPgDatabase } from '../harness/databases';
import { MISSING_PG, pgUrl } from '../harness/servers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-cli-docs-'));
const env = { QG_HOME: path.join(dir, 'home') };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function sqlite(name: string, sql: string): string {
  const file = path.join(dir, name);
  const db = new Database(file);
  db.exec(sql);
  db.close();
  return file;
}

const BASE = `
  CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
  CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES authors(id), title VARCHAR(200) NOT NULL);
  CREATE TABLE audit (created_at TEXT, what TEXT);
`;

/** Writes a snapshot file the way `introspect --json` does; `viaCli` really runs it (slower: one process each). */
async function snapshotFile(db: string, name: string, viaCli = false): Promise<string> {
  const file = path.join(dir, name);
  if (viaCli) {
    const r = await runCli(['introspect', '--json', '--url', db], { env });
    expect(r.code).toBe(0);
    fs.writeFileSync(file, r.stdout);
    return file;
  }
  const conn = await sqliteDriver.connect({ engine: 'sqlite', filePath: db });
  try {
    fs.writeFileSync(file, `${JSON.stringify(await conn.introspect(), null, 2)}\n`);
  } finally {
    await conn.close();
  }
  return file;
}

describe('querygenie diff', () => {
  it('exits 0 on additive changes and prints them grouped by table', { timeout: 180_000 }, async () => {
    const db = sqlite('add.sqlite', BASE);
    const before = await snapshotFile(db, 'add-before.json', true);
    sqlite('add.sqlite', 'ALTER TABLE books ADD COLUMN isbn TEXT; CREATE INDEX ix_books_author ON books(author_id); CREATE TABLE reviews (id INTEGER PRIMARY KEY)');
    const after = await snapshotFile(db, 'add-after.json', true);
    const r = await runCli(['diff', '--from', before, '--to', after], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^main\.books\n {2}\+ column isbn {2}TEXT NULL\n {2}\+ index ix_books_author {2}\(author_id\)$/m);
    expect(r.stdout).toMatch(/^main\.reviews\n {2}\+ table$/m);
    expect(r.stdout).toContain('3 changes, 0 breaking.');
    // Against the live database the answer is the same.
    expect((await runCli(['diff', '--from', before, '--url', db], { env })).code).toBe(0);
  });

  it('exits 1 when something was removed or changed incompatibly; --json prints the SchemaDiff', { timeout: 180_000 }, async () => {
    const db = sqlite('break.sqlite', BASE);
    const before = await snapshotFile(db, 'break-before.json');
    sqlite('break.sqlite', 'DROP TABLE audit; ALTER TABLE books DROP COLUMN title');
    const r = await runCli(['diff', '--from', before, '--url', db, '--json'], { env });
    expect(r.code).toBe(1);
    const diff = JSON.parse(r.stdout) as SchemaDiff;
    expect(diff.breaking).toBe(true);
    expect(diff.changes.map((c) => [c.change, c.object, c.target, c.breaking])).toEqual([
      ['removed', 'table', 'main.audit', true],
      ['removed', 'column', 'main.books.title', true],
    ]);
    const human = await runCli(['diff', '--from', before, '--url', db], { env });
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/- table {2}\[breaking\]/);
    expect(human.stdout).toMatch(/- column title {2}VARCHAR\(200\) NOT NULL {2}\[breaking\]/);
  });

  it('usage errors exit 2 with advice', { timeout: 180_000 }, async () => {
    const db = sqlite('usage.sqlite', BASE);
    const snap = await snapshotFile(db, 'usage.json');
    const noTarget = await runCli(['diff', '--from', snap], { env });
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toMatch(/exactly one of --to FILE, --url URL or --conn NAME/);
    const missing = await runCli(['diff', '--from', path.join(dir, 'nope.json'), '--to', snap], { env });
    expect(missing.code).toBe(2);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"rows": []}');
    const bad = await runCli(['diff', '--from', path.join(dir, 'bad.json'), '--to', snap], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a schema snapshot/);
  });
});

describe('querygenie lint', () => {
  const db = sqlite('lint.sqlite', `${BASE} CREATE TABLE bookTags (bookId INTEGER REFERENCES books(id), tag TEXT, PRIMARY KEY (tag, bookId));`);

  it('prints findings as JSON and exits 0', { timeout: 180_000 }, async () => {
    const r = await runCli(['lint', '--url', db, '--json'], { env });
    expect(r.code).toBe(0);
    const { findings } = JSON.parse(r.stdout) as { findings: LintFinding[] };
    const of = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => f.target);
    expect(of('no-primary-key')).toEqual(['main.audit']);
    // books.author_id has no index; bookTags' key starts with tag, so bookId is not served either.
    expect(of('fk-without-index')).toEqual(['main.bookTags.bookId', 'main.books.author_id']);
    // Column names are snake_case (author_id, created_at) except bookId; one-word names fit any style.
    expect(of('inconsistent-naming')).toEqual(['main.bookTags.bookId']);
    expect(of('undocumented-table')).toHaveLength(4);
  });

  it('--disable turns rules off; an unknown rule is a usage error', { timeout: 180_000 }, async () => {
    const r = await runCli(['lint', '--url', db, '--json', '--disable', 'undocumented-table,undocumented-column,inconsistent-naming'], { env });
    expect(r.code).toBe(0);
    const rules = new Set((JSON.parse(r.stdout) as { findings: LintFinding[] }).findings.map((f) => f.rule));
    expect(rules).toEqual(new Set(['no-primary-key', 'fk-without-index']));
    const human = await runCli(['lint', '--url', db, '--disable', 'undocumented-table,undocumented-column'], { env });
    expect(human.stdout).toMatch(/^Table without a primary key \(no-primary-key, 1\):\n {2}! main\.audit: /m);
    const bad = await runCli(['lint', '--url', db, '--disable', 'no-such-rule'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown lint rule: no-such-rule/);
  });

  it('--conn uses the descriptions and rule switches saved in the app', { timeout: 180_000 }, async () => {
    const app = await createApp({ home: env.QG_HOME, mode: 'web', secrets: new MemorySecretStore() });
    try {
      const c = await app.handlers['connections.save']({ name: 'lintme', engine: 'sqlite', params: { filePath: db } });
      await app.handlers['docs.describe.save']({ connectionId: c.id, target: 'main.audit', text: 'Who did what, when' });
      await app.handlers['docs.lint.settings.save']({ connectionId: c.id, disabled: ['undocumented-column'] });
    } finally {
      await app.close();
    }
    const r = await runCli(['lint', '--conn', 'lintme', '--json'], { env });
    expect(r.code).toBe(0);
    const { findings } = JSON.parse(r.stdout) as { findings: LintFinding[] };
    expect(findings.filter((f) => f.rule === 'undocumented-table').map((f) => f.target)).toEqual(['main.authors', 'main.bookTags', 'main.books']);
    expect(findings.some((f) => f.rule === 'undocumented-column')).toBe(false);
  });

  it.skipIf(!pgUrl())(`works on PostgreSQL too${pgUrl() ? '' : ` (${MISSING_PG})`}`, { timeout: 180_000 }, async () => {
    const url = await createPgDatabase(pgUrl()!, 'qg_lint');
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query("CREATE TABLE t (id int PRIMARY KEY); CREATE TABLE u (t_id int REFERENCES t(id)); COMMENT ON TABLE t IS 'Documented'");
    await c.end();
    const r = await runCli(['lint', '--url', url, '--json'], { env });
    expect(r.code).toBe(0);
    const { findings } = JSON.parse(r.stdout) as { findings: LintFinding[] };
    expect(findings.filter((f) => f.rule !== 'undocumented-column').map((f) => [f.rule, f.target])).toEqual([
      ['no-primary-key', 'public.u'],
      ['undocumented-table', 'public.u'],
      ['fk-without-index', 'public.u.t_id'],
    ]);
  });
});
