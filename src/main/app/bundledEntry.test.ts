import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledEntryUrl } from './bundledEntry';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-entry-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bundledEntryUrl', () => {
  it('finds an entry next to the bundle from a module in chunks/', () => {
    fs.mkdirSync(path.join(dir, 'chunks'));
    fs.writeFileSync(path.join(dir, 'worker.js'), '');
    const from = pathToFileURL(path.join(dir, 'chunks', 'sqlite-abc.js')).href;
    expect(bundledEntryUrl('worker', from).href).toBe(pathToFileURL(path.join(dir, 'worker.js')).href);
    const fromIndex = pathToFileURL(path.join(dir, 'index.js')).href;
    expect(bundledEntryUrl('worker', fromIndex).href).toBe(pathToFileURL(path.join(dir, 'worker.js')).href);
  });
});
