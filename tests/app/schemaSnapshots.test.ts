/** The snapshot history behind the docs diff: one entry per schema that changed, not per refresh. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app/createApp';
import { MemorySecretStore } from '../../src/main/secrets/secretStore';

let home: string;
let app: App;
let demoId: string;

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-snapshots-'));
  app = await createApp({ home, mode: 'web', secrets: new MemorySecretStore() });
  demoId = (await app.handlers['connections.list']({})).find((c) => c.isDemo)!.id;
});

afterAll(async () => {
  await app.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('schema snapshot history', () => {
  it('adds an entry when the schema changed, not on every refresh', async () => {
    await app.handlers['schema.get']({ connectionId: demoId, refresh: true });
    await app.handlers['schema.get']({ connectionId: demoId, refresh: true });
    expect(await app.handlers['docs.snapshots.list']({ connectionId: demoId })).toHaveLength(1);
    await app.handlers['query.run']({ connectionId: demoId, sql: 'CREATE TABLE audit_log (id INTEGER PRIMARY KEY, note TEXT)' });
    await app.handlers['schema.get']({ connectionId: demoId, refresh: true });
    const list = await app.handlers['docs.snapshots.list']({ connectionId: demoId });
    expect(list).toHaveLength(2);
    const diff = await app.handlers['docs.diff']({ connectionId: demoId, from: list[1]!.id, to: list[0]!.id });
    expect(diff.changes.map((c) => `${c.change} ${c.object} ${c.target}`)).toEqual(['added table main.audit_log']);
  });
});
