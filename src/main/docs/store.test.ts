import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../app/appDb';
import { buildBundle } from './bundle';
import { col, snapshot, table } from './snapshotBuilder';
import { DocsStore } from './store';

describe('DocsStore', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  function open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-docs-'));
    dirs.push(dir);
    const { db } = openAppDatabase(path.join(dir, 'app.db'));
    db.prepare("INSERT INTO connections (id, name, engine, params_json) VALUES ('c1', 'Local', 'sqlite', '{}'), ('c2', 'Other', 'sqlite', '{}')").run();
    return { db, store: new DocsStore(db) };
  }

  it('saves, updates and deletes descriptions per connection; blank text deletes', () => {
    const { db, store } = open();
    store.saveDescription('c1', 'main.film', 'Films');
    store.saveDescription('c1', 'main.film.title', '*Title*');
    store.saveDescription('c2', 'main.film', 'Other');
    store.saveDescription('c1', 'main.film', 'Films we rent');
    expect(store.listDescriptions('c1').map((d) => [d.target, d.text])).toEqual([
      ['main.film', 'Films we rent'],
      ['main.film.title', '*Title*'],
    ]);
    expect(store.saveDescription('c1', 'main.film.title', '   ')).toBeNull();
    expect([...store.descriptions('c1').keys()]).toEqual(['main.film']);
    // Deleting the connection takes its documentation with it.
    db.prepare("DELETE FROM connections WHERE id = 'c1'").run();
    expect(store.listDescriptions('c1')).toEqual([]);
    expect(store.listDescriptions('c2')).toHaveLength(1);
    db.close();
  });

  it('keeps a glossary with renames and case-insensitive terms', () => {
    const { db, store } = open();
    store.saveTerm('c1', 'Churn', 'Customers who left');
    store.saveTerm('c1', 'ARR', 'Annual recurring revenue');
    expect(store.saveTerm('c1', 'churn', 'Customers who cancelled').map((t) => [t.term, t.definition])).toEqual([
      ['ARR', 'Annual recurring revenue'],
      ['churn', 'Customers who cancelled'],
    ]);
    expect(store.saveTerm('c1', 'Churn rate', 'x', 'churn').map((t) => t.term)).toEqual(['ARR', 'Churn rate']);
    expect(() => store.saveTerm('c1', 'arr', 'y', 'Churn rate')).toThrow(/already has/);
    expect(store.deleteTerm('c1', 'arr').map((t) => t.term)).toEqual(['Churn rate']);
    db.close();
  });

  it('stores lint rule switches and rejects unknown rules', () => {
    const { db, store } = open();
    expect(store.lintSettings('c1').disabled).toEqual([]);
    store.saveLintSettings('c1', ['undocumented-column', 'no-primary-key', 'undocumented-column']);
    expect(store.lintSettings('c1').disabled).toEqual(['no-primary-key', 'undocumented-column']);
    expect(() => store.saveLintSettings('c1', ['nope' as never])).toThrow(/Unknown lint rule/);
    db.close();
  });

  it('lists stored snapshots newest first and reads one by id (only for its connection)', () => {
    const { db, store } = open();
    const s1 = snapshot({ main: [table('a', [col('id')])] }, { capturedAt: '2026-01-01T00:00:00Z' });
    const s2 = snapshot({ main: [table('a', [col('id')]), table('b', [col('id'), col('x')], { kind: 'view' })] }, { capturedAt: '2026-01-02T00:00:00Z' });
    const ins = db.prepare('INSERT INTO schema_snapshots (connection_id, captured_at, snapshot_json) VALUES (?, ?, ?)');
    for (const s of [s1, s2]) ins.run('c1', s.capturedAt, JSON.stringify(s));
    const list = store.snapshots('c1');
    expect(list.map((s) => [s.capturedAt, s.tables, s.views, s.columns])).toEqual([
      ['2026-01-02T00:00:00Z', 1, 1, 3],
      ['2026-01-01T00:00:00Z', 1, 0, 1],
    ]);
    expect(store.snapshot('c1', list[1]!.id).schemas[0]!.tables).toHaveLength(1);
    expect(() => store.snapshot('c2', list[1]!.id)).toThrow(/does not exist/);
    db.close();
  });

  it('bundles only descriptions of objects in the schema and lists the rest as orphans', () => {
    const { db, store } = open();
    store.saveDescription('c1', 'main.a', 'A');
    store.saveDescription('c1', 'main.gone', 'Dropped table');
    const b = buildBundle({ snapshot: snapshot({ main: [table('a', [col('id')], { primaryKey: ['id'] })] }), descriptions: store.listDescriptions('c1'), disabledRules: ['undocumented-column'] });
    expect(b.descriptions).toEqual({ 'main.a': 'A' });
    expect(b.orphans.map((o) => o.target)).toEqual(['main.gone']);
    expect(b.coverage.tables.documented).toBe(1);
    expect(b.lint).toEqual([]);
    db.close();
  });
});
