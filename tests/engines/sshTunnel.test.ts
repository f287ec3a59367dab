/** SSH tunnels against a real sshd, reaching the real PostgreSQL through them. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl, type ConnectionParams, type SshOptions } from '../../src/shared/connection';
import { openConnection } from '../../src/main/connections/openConnection';
import { openTunnel } from '../../src/main/connections/ssh/tunnel';
import { rowsOf } from '../harness/collect';
import { MISSING_PG, pgUrl } from '../harness/servers';
import { MISSING_SSHD, SSHD, startSshd, type StartedSshd } from '../harness/startSshd';

const missing = !SSHD ? MISSING_SSHD : !pgUrl() ? MISSING_PG : undefined;
if (missing && process.env.CI === 'true') throw new Error(`${missing} — required in CI`);

describe.skipIf(missing !== undefined)(`SSH tunnel${missing ? ` (${missing})` : ''}`, () => {
  let sshd: StartedSshd;
  let dir: string;
  let pg: ConnectionParams;
  let ssh: SshOptions;
  let knownHosts: string;
  const env = (): { knownHostsFiles: string[]; appKnownHosts: string; sshConfigFile: string } => ({ knownHostsFiles: [knownHosts], appKnownHosts: path.join(dir, 'app_known_hosts'), sshConfigFile: path.join(dir, 'ssh_config') });

  beforeAll(async () => {
    sshd = await startSshd();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-ssh-test-'));
    knownHosts = path.join(dir, 'known_hosts');
    fs.writeFileSync(knownHosts, `[127.0.0.1]:${sshd.port} ${sshd.hostKey}\n`);
    pg = parseConnectionUrl(pgUrl()!);
    ssh = { host: '127.0.0.1', port: sshd.port, user: os.userInfo().username, auth: 'key', privateKeyPath: sshd.clientKey };
  });
  afterAll(async () => {
    await sshd?.stop().catch(() => undefined);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reaches PostgreSQL through the tunnel, and the tunnel closes with the connection', async () => {
    const conn = await openConnection({ ...pg, ssh }, env());
    expect(await rowsOf(conn, 'SELECT 41 + 1 AS answer')).toEqual([[42]]);
    expect(await conn.serverVersion()).toMatch(/PostgreSQL/);
    await conn.close();
  });

  it('refuses a host whose key differs from known_hosts', async () => {
    const other = path.join(dir, 'other_known_hosts');
    fs.writeFileSync(other, `[127.0.0.1]:${sshd.port} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHZ3dGhpc2lzbm90dGhlcmlnaHRrZXlhdGFsbDEyMzQ1\n`);
    await expect(openConnection({ ...pg, ssh }, { ...env(), knownHostsFiles: [other] })).rejects.toMatchObject({ code: 'SSH_HOST_KEY_MISMATCH', message: expect.stringMatching(/does not match/) });
  });

  it('asks about an unknown host with its fingerprint, and remembers it once accepted', async () => {
    const none = { ...env(), knownHostsFiles: [path.join(dir, 'empty_known_hosts')] };
    const err = (await openConnection({ ...pg, ssh }, none).catch((e: unknown) => e)) as { code: string; detail: { fingerprint: string } };
    expect(err.code).toBe('SSH_HOST_UNKNOWN');
    expect(err.detail.fingerprint).toMatch(/^SHA256:/);
    const conn = await openConnection({ ...pg, ssh: { ...ssh, trustedHostKey: err.detail.fingerprint } }, none);
    await conn.close();
    expect(fs.readFileSync(none.appKnownHosts, 'utf8')).toContain(`[127.0.0.1]:${sshd.port} ssh-ed25519`);
    const again = await openConnection({ ...pg, ssh }, none);
    await again.close();
  });

  it('uses a passphrase-protected key only with its passphrase', async () => {
    const enc = { ...ssh, privateKeyPath: sshd.clientKeyWithPassphrase };
    await expect(openConnection({ ...pg, ssh: enc }, env())).rejects.toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/passphrase/) });
    const conn = await openConnection({ ...pg, ssh: { ...enc, passphrase: sshd.passphrase } }, env());
    expect(await rowsOf(conn, 'SELECT 1 AS one')).toEqual([[1]]);
    await conn.close();
  });

  it('resolves a host alias from ssh config (HostName, Port, User, IdentityFile)', async () => {
    fs.writeFileSync(path.join(dir, 'ssh_config'), `Host qg-bastion\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User ${os.userInfo().username}\n  IdentityFile ${sshd.clientKey}\n`);
    const conn = await openConnection({ ...pg, ssh: { host: 'qg-bastion', auth: 'key' } }, env());
    expect(await rowsOf(conn, 'SELECT 2 AS two')).toEqual([[2]]);
    await conn.close();
  });

  it('reports a wrong SSH user as an SSH login failure', async () => {
    await expect(openConnection({ ...pg, ssh: { ...ssh, user: 'nobody-here' } }, env())).rejects.toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/SSH login/) });
  });

  it('a closed tunnel stops listening, and a dropped SSH connection is reported', async () => {
    const target = { host: pg.host!, port: pg.port! };
    const probe = (port: number): Promise<boolean> =>
      new Promise((resolve) => {
        const sock = net.connect(port, '127.0.0.1', () => {
          sock.destroy();
          resolve(true);
        });
        sock.on('error', () => resolve(false));
      });
    const closed = await openTunnel(ssh, target.host, target.port, env());
    expect(await probe(closed.localPort)).toBe(true);
    await closed.close();
    expect(await probe(closed.localPort)).toBe(false);

    const drops: string[] = [];
    const live = await openTunnel(ssh, target.host, target.port, env(), (reason) => drops.push(reason));
    await sshd.stop(); // the server goes away under the open tunnel
    await new Promise((r) => setTimeout(r, 500));
    expect(live.dropped).toBe(true);
    expect(drops[0]).toMatch(/dropped; it will reconnect/);
    expect(await probe(live.localPort)).toBe(false);
  });
});
