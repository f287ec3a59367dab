/**
 * Secrets against a real Secret Service: gnome-keyring under its own `dbus-run-session`, started
 * here. The password's bytes must appear nowhere but the keychain: not in the app database or
 * its WAL, not in exports without a passphrase, not in what the renderer receives, not in logs.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const haveTools = ['dbus-run-session', 'gnome-keyring-daemon'].every((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0);
const MISSING = 'keychain suite skipped: install gnome-keyring and dbus (Debian/Ubuntu: apt-get install gnome-keyring dbus dbus-x11)';
if (!haveTools && process.env.CI === 'true') throw new Error(`${MISSING} — required in CI`);
if (!haveTools) console.warn(MISSING);

function runScenario(): Promise<{ facts: Record<string, unknown>; output: string }> {
  const script = path.resolve(import.meta.dirname, '../harness/keychainScenario.ts');
  const tsx = path.resolve(import.meta.dirname, '../../node_modules/tsx/dist/cli.mjs');
  const inner = `printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "${process.execPath}" "${tsx}" "${script}"`;
  // A fresh keyring folder: the daemon creates and unlocks a new login keyring with our password.
  const keyringHome = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-keyring-'));
  return new Promise((resolve, reject) => {
    const child = spawn('dbus-run-session', ['--', 'sh', '-c', inner], { env: { ...process.env, XDG_DATA_HOME: keyringHome, QG_LOG: 'info', QG_KEYCHAIN_SERVICE: 'QueryGenie-test' } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', () => {
      fs.rmSync(keyringHome, { recursive: true, force: true });
      const line = output.split('\n').find((l) => l.startsWith('FACTS '));
      if (!line) reject(new Error(`scenario failed:\n${output}`));
      else resolve({ facts: JSON.parse(line.slice(6)) as Record<string, unknown>, output });
    });
  });
}

describe.skipIf(!haveTools)('OS keychain (gnome-keyring Secret Service)', () => {
  it('stores, reads and deletes secrets; the password lands nowhere else', { timeout: 60_000 }, async () => {
    const { facts, output } = await runScenario();
    expect(facts.keychain).toBe(true);
    expect(facts.get).toBe('one');
    expect(facts.afterDelete).toBeNull();
    expect(facts.backend).toBe('OS keychain');
    expect(facts.hasSecret).toBe(true);
    const password = facts.password as string;
    expect(facts.listJson).not.toContain(password);
    expect(facts.detailJson).not.toContain(password);
    expect(facts.filesWithPassword).toEqual([]);
    expect(facts.filesChecked).toEqual(expect.arrayContaining(['querygenie.db']));
    expect(facts.plainExportHasPassword).toBe(false);
    expect(facts.sealedWithSecrets).toBe(true);
    expect(facts.wrongPassphrase).toBe('AUTH_FAILED');
    expect(facts.imported).toEqual(['Prod PG']);
    expect(facts.importedHasSecret).toBe(true);
    // The process's own output (its logs) never shows the password.
    expect(output.replace(/FACTS .*/, '')).not.toContain(password);
  });
});
