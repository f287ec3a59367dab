import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../app/appDb';
import { TabService } from './tabService';

describe('editor tabs in the app database', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  function open(): { db: ReturnType<typeof openAppDatabase>['db']; tabs: TabService } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-tabs-'));
    dirs.push(dir);
    const { db } = openAppDatabase(path.join(dir, 'app.db'));
    db.prepare("INSERT INTO connections (id, name, engine, params_json) VALUES ('c1', 'Local', 'sqlite', '{}')").run();
    return { db, tabs: new TabService(db) };
  }

  it('keeps tabs with their text in tab order, updates in place, forgets closed ones', () => {
    const { db, tabs } = open();
    tabs.save({ id: 't2', connectionId: 'c1', title: 'B', sql: 'SELECT 2', position: 1 });
    tabs.save({ id: 't1', connectionId: 'c1', title: 'A', sql: 'SELECT 1', position: 0, savedQueryId: 'q1' });
    tabs.save({ id: 't2', connectionId: 'c1', title: 'B', sql: 'SELECT 22', position: 1 });
    expect(tabs.list().map((t) => [t.id, t.sql, t.savedQueryId])).toEqual([
      ['t1', 'SELECT 1', 'q1'],
      ['t2', 'SELECT 22', null],
    ]);
    expect(tabs.close('t1')).toBe(true);
    expect(tabs.list().map((t) => t.id)).toEqual(['t2']);
    // A tab of a deleted connection is not restored.
    db.prepare("DELETE FROM connections WHERE id = 'c1'").run();
    expect(tabs.list()).toEqual([]);
    db.close();
  });
});
