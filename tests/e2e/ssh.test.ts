/**
 * End to end in real Chromium over web mode: a PostgreSQL connection through an SSH tunnel (a
 * throwaway sshd), with the first-use host-key prompt, "Trust and connect", and the refusal of a
 * changed host key. Screenshots: test-results/ssh-trust.png, ssh-connected.png, ssh-mismatch.png.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp, type App } from '../../src/main/app/createApp';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { chromiumMissing, launchChromium } from '../harness/chromium';
import { builtRenderer } from '../harness/renderer';
import { MISSING_PG, pgUrl } from '../harness/servers';
import { MISSING_SSHD, SSHD, startSshd, type StartedSshd } from '../harness/startSshd';

const missing = chromiumMissing() ?? (!SSHD ? MISSING_SSHD : !pgUrl() ? MISSING_PG : null);
if (missing && process.env.CI === 'true') throw new Error(`${missing} — required in CI`);
if (missing) console.warn(missing);
const RESULTS = path.resolve('test-results');

/** OpenSSH's `SHA256:` fingerprint of a `<type> <base64>` public key. */
function fingerprintOf(publicKey: string): string {
  const blob = Buffer.from(publicKey.split(' ')[1]!, 'base64');
  return `SHA256:${crypto.createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

describe.skipIf(missing !== null)(
  `SSH tunnel in the connection dialog${missing ? ` (${missing})` : ''}`,
  () => {
    let home: string;
    let app: App;
    let server: WebServer;
    let browser: Browser;
    let context: BrowserContext;
    let sshd: StartedSshd;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      const staticDir = await builtRenderer();
      sshd = await startSshd();
      home = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-e2e-ssh-'));
      app = await createApp({ home, mode: 'web' });
      server = await startWebServer({ app, staticDir });
      browser = await launchChromium();
      context = await browser.newContext({
        viewport: { width: 1280, height: 860 },
        colorScheme: 'light',
      });
      fs.mkdirSync(RESULTS, { recursive: true });
      page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      await page.getByTestId('connection-item').first().waitFor();
    });

    afterAll(async () => {
      if (app) {
        for (const c of await app.handlers['connections.list']({}))
          if (!c.isDemo) await app.handlers['connections.delete']({ connectionId: c.id });
      }
      await context?.close();
      await browser?.close();
      await server?.close();
      await app?.close();
      await sshd?.stop().catch(() => undefined);
      if (home) fs.rmSync(home, { recursive: true, force: true });
    });

    // The body's own scrollbar: 0 when everything fits.
    const bodyOverflow = (): Promise<number> =>
      page.evaluate(
        `(() => { const b = document.querySelector('[data-testid="connection-dialog"] .dialog-body'); return b.scrollHeight - b.clientHeight; })()`,
      ) as Promise<number>;

    it('asks to trust an unknown SSH host key, then connects through the tunnel', { timeout: 90_000 }, async () => {
      const pg = new URL(pgUrl()!);
      await page.getByRole('button', { name: 'New connection' }).click();
      const dialog = page.getByTestId('connection-dialog');
      await dialog.waitFor();
      // Folded, the SSH section is one line and the dialog still fits without scrolling.
      await expect.poll(() => dialog.getByTestId('ssh-summary').textContent()).toBe('Off');
      await expect.poll(bodyOverflow).toBeLessThanOrEqual(0);

      await page.getByLabel('Name', { exact: true }).fill('PG via SSH');
      await page.getByLabel('Host', { exact: true }).fill(pg.hostname);
      await page.getByLabel('Port', { exact: true }).fill(pg.port);
      await page.getByLabel('User', { exact: true }).fill(decodeURIComponent(pg.username));
      await page.getByLabel('Password', { exact: true }).fill(decodeURIComponent(pg.password));
      await page.getByLabel('Database', { exact: true }).fill(pg.pathname.slice(1));

      // The label is what a user clicks (the checkbox itself is visually hidden).
      await dialog.getByText('Connect through SSH', { exact: true }).click();
      await expect.poll(() =>
        dialog.getByRole('switch', { name: 'Connect through SSH' }).isChecked(),
      ).toBe(true);
      await page.getByLabel('SSH host', { exact: true }).fill('127.0.0.1');
      await page.getByLabel('SSH port', { exact: true }).fill(String(sshd.port));
      await page.getByLabel('SSH user', { exact: true }).fill(os.userInfo().username);
      await dialog.getByRole('radio', { name: 'Private key' }).click();
      await page.getByLabel('Private key file', { exact: true }).fill(sshd.clientKey);

      await dialog.getByRole('button', { name: 'Save & test' }).click();
      const prompt = dialog.getByTestId('ssh-host-key');
      await prompt.waitFor();
      const fingerprint = fingerprintOf(sshd.hostKey);
      await expect.poll(() => prompt.getByTestId('ssh-host-key-text').textContent()).toBe(
        `First connection to 127.0.0.1:${sshd.port}. Its host key fingerprint is ${fingerprint}. Compare it with the server's before trusting it.`,
      );
      await prompt.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS, 'ssh-trust.png') });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: path.join(RESULTS, 'ssh-trust-dark.png') });
      await page.emulateMedia({ colorScheme: 'light' });
      // Nothing was trusted behind the user's back.
      const saved = (await app.handlers['connections.list']({})).find(
        (c) => c.name === 'PG via SSH',
      )!;
      const before = await app.handlers['connections.get']({ connectionId: saved.id });
      expect(before.params.ssh).toMatchObject({ host: '127.0.0.1', port: sshd.port, auth: 'key' });
      expect(before.params.ssh?.trustedHostKey).toBeUndefined();

      await prompt.getByRole('button', { name: 'Trust and connect' }).click();
      await expect.poll(() =>
        dialog.getByTestId('test-result').filter({ hasText: 'Connected' }).textContent(),
      ).toMatch(/^Connected: PostgreSQL \d+.* · \d+ ms$/);
      await expect.poll(() => prompt.count()).toBe(0);
      await expect
        .poll(async () => (await app.handlers['connections.get']({ connectionId: saved.id })).params.ssh?.trustedHostKey)
        .toBe(fingerprint);
      expect(fs.readFileSync(path.join(home, 'known_hosts'), 'utf8')).toContain(
        `[127.0.0.1]:${sshd.port}`,
      );
      await page.screenshot({ path: path.join(RESULTS, 'ssh-connected.png') });
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
    });

    it('connects to a trusted host without asking again, and refuses a changed host key', { timeout: 90_000 }, async () => {
      await page
        .getByTestId('connection-item')
        .filter({ hasText: 'PG via SSH' })
        .click({ button: 'right' });
      await page.getByRole('menuitem', { name: /^Edit/ }).click();
      const dialog = page.getByTestId('connection-dialog');
      await expect.poll(() => dialog.getByTestId('ssh-summary').textContent()).toBe(
        `${os.userInfo().username}@127.0.0.1:${sshd.port} · Private key`,
      );
      await dialog.getByRole('button', { name: 'Test connection' }).click();
      await dialog.getByTestId('test-result').filter({ hasText: 'Connected' }).waitFor();
      await expect.poll(() => dialog.getByTestId('ssh-host-key').count()).toBe(0);
      // With the tunnel folded, even a tested profile fits without scrolling.
      await expect.poll(bodyOverflow).toBeLessThanOrEqual(0);

      // Another server now answers on that address: the remembered key no longer matches.
      const other = fs
        .readFileSync(path.join(sshd.dir, 'client_key.pub'), 'utf8')
        .trim()
        .split(/\s+/);
      fs.writeFileSync(
        path.join(home, 'known_hosts'),
        `[127.0.0.1]:${sshd.port} ${other[0]} ${other[1]}\n`,
      );
      await dialog.getByRole('button', { name: 'Test connection' }).click();
      const alert = dialog.getByTestId('ssh-host-key');
      await expect.poll(() => alert.textContent()).toMatch(
        /connection refused.*This can mean an attack/,
      );
      await expect.poll(() => alert.getAttribute('role')).toBe('alert');
      await expect.poll(() => dialog.getByRole('button', { name: 'Trust and connect' }).count()).toBe(
        0,
      );
      await page.screenshot({ path: path.join(RESULTS, 'ssh-mismatch.png') });
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      expect(errors).toEqual([]);
    });
  },
);
