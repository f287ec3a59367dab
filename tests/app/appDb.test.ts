import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openAppDatabase } from '../../src/main/app/appDb';
import { MIGRATIONS } from '../../src/main/app/migrations';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-appdb-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('app database', () => {
  it('creates the folder and runs every migration on first open, in WAL mode', () => {
    const file = path.join(tempDir(), 'nested', 'querygenie.db');
    const { db, warnings } = openAppDatabase(file);
    expect(warnings).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['connections', 'settings', 'schema_snapshots']));
    db.close();
  });

  it('is idempotent: reopening applies nothing and keeps data', () => {
    const file = path.join(tempDir(), 'querygenie.db');
    const first = openAppDatabase(file).db;
    first.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    first.close();
    const { db } = openAppDatabase(file);
    expect(migrate(db)).toBe(0);
    expect(db.prepare("SELECT value FROM settings WHERE key='k'").pluck().get()).toBe('v');
    db.close();
  });

  it('moves a corrupt file aside with a timestamp, keeps its bytes, and tells the user', () => {
    const dir = tempDir();
    const file = path.join(dir, 'querygenie.db');
    const garbage = Buffer.from('this is not a database file, but someone cares about it'.repeat(100));
    fs.writeFileSync(file, garbage);
    const { db, warnings, movedAside } = openAppDatabase(file);
    expect(movedAside).toMatch(/querygenie\.db\.corrupt-\d{4}-\d\d-\d\dT/);
    expect(fs.readFileSync(movedAside!)).toEqual(garbage);
    expect(warnings[0]).toMatch(/damaged and has been moved aside/);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  it('refuses a database written by a newer version instead of damaging it', () => {
    const file = path.join(tempDir(), 'querygenie.db');
    const { db } = openAppDatabase(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openAppDatabase(file)).toThrow(/newer QueryGenie/);
  });
});
