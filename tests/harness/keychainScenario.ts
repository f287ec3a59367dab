/**
 * Run by tests/secrets/keychain.test.ts inside `dbus-run-session` with an unlocked gnome-keyring:
 * exercises the real Secret Service and prints one JSON line of observed facts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/main/app/createApp';
import { KeychainSecretStore } from '../../src/main/secrets/keychainStore';

const PASSWORD = `pä$$w0rd-${process.pid}-@:/%-✓`;
const facts: Record<string, unknown> = {};
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-keychain-'));
try {
  const store = await KeychainSecretStore.open('QueryGenie-test');
  facts.keychain = store !== null;
  if (store) {
    await store.set('p1', 'db-password', 'one');
    facts.get = await store.get('p1', 'db-password');
    await store.delete('p1', 'db-password');
    facts.afterDelete = (await store.get('p1', 'db-password')) ?? null;
  }
  const app = await createApp({ home, mode: 'web' });
  facts.backend = app.info.secretBackend;
  const saved = await app.handlers['connections.save']({ name: 'Prod PG', engine: 'postgres', params: { host: 'db.internal', port: 5432, user: 'app', database: 'shop' }, environment: 'prod', password: PASSWORD });
  facts.hasSecret = saved.hasSecret;
  facts.listJson = JSON.stringify(await app.handlers['connections.list']({}));
  facts.detailJson = JSON.stringify(await app.handlers['connections.get']({ connectionId: saved.id }));
  const plain = await app.handlers['connections.export']({});
  const sealed = await app.handlers['connections.export']({ passphrase: 'correct horse battery' });
  facts.sealedWithSecrets = sealed.withSecrets;
  // Import the sealed file under a new name: the password must reach the keychain again.
  await app.handlers['connections.delete']({ connectionId: saved.id });
  facts.wrongPassphrase = await app.handlers['connections.import']({ content: fs.readFileSync(sealed.path, 'utf8'), passphrase: 'wrong passphrase' }).then(
    () => 'imported',
    (e: { code?: string }) => e.code,
  );
  const imported = await app.handlers['connections.import']({ content: fs.readFileSync(sealed.path, 'utf8'), passphrase: 'correct horse battery' });
  facts.imported = imported.imported;
  const list = await app.handlers['connections.list']({});
  facts.importedHasSecret = list.find((c) => c.name === 'Prod PG')?.hasSecret;
  await app.close();
  // Every file the app wrote: the app database, its WAL, exports.
  const hits: string[] = [];
  const needle = Buffer.from(PASSWORD);
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (fs.readFileSync(p).includes(needle)) hits.push(path.relative(home, p));
    }
  };
  walk(home);
  facts.filesWithPassword = hits;
  facts.filesChecked = fs.readdirSync(home).concat(fs.readdirSync(path.join(home, 'exports')));
  facts.plainExportHasPassword = fs.readFileSync(plain.path, 'utf8').includes(PASSWORD);
  facts.password = PASSWORD;
} finally {
  fs.rmSync(home, { recursive: true, force: true });
}
process.stdout.write(`FACTS ${JSON.stringify(facts)}\n`);
