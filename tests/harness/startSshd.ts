/**
 * Starts a throwaway OpenSSH server (Debian's `openssh-server`) on a free loopback port with a
 * temp host key and authorized test keys (one plain, one passphrase-protected).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort';

/** Where sshd lives, if installed. */
export const SSHD = ['/usr/sbin/sshd', '/usr/bin/sshd'].find((p) => fs.existsSync(p));
/** Why SSH suites are skipped. */
export const MISSING_SSHD = 'SSH tunnel suite skipped: install OpenSSH server (Debian/Ubuntu: apt-get install openssh-server)';

/** A running sshd and its keys. */
export interface StartedSshd {
  port: number;
  dir: string;
  /** `<type> <base64>` of the host key. */
  hostKey: string;
  clientKey: string;
  clientKeyWithPassphrase: string;
  passphrase: string;
  stop(): Promise<void>;
}

function keygen(file: string, passphrase = ''): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-f', file]);
}

async function waitForPort(port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`sshd did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts sshd; rejects with a one-line reason when it cannot. */
export async function startSshd(): Promise<StartedSshd> {
  if (!SSHD) throw new Error(MISSING_SSHD);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-sshd-'));
  fs.chmodSync(dir, 0o700);
  keygen(path.join(dir, 'host_key'));
  keygen(path.join(dir, 'client_key'));
  const passphrase = 'correct horse';
  keygen(path.join(dir, 'client_key_enc'), passphrase);
  fs.writeFileSync(path.join(dir, 'authorized_keys'), fs.readFileSync(path.join(dir, 'client_key.pub'), 'utf8') + fs.readFileSync(path.join(dir, 'client_key_enc.pub'), 'utf8'), { mode: 0o600 });
  const port = await freePort();
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${path.join(dir, 'host_key')}`,
    `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
    `PidFile ${path.join(dir, 'sshd.pid')}`,
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    'PermitRootLogin prohibit-password',
    'StrictModes no',
    'UsePAM no',
    'AllowTcpForwarding yes',
    'LogLevel ERROR',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'sshd_config'), `${config}\n`);
  fs.mkdirSync('/run/sshd', { recursive: true });
  const child = spawn(SSHD, ['-D', '-e', '-f', path.join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  try {
    await waitForPort(port, 10_000);
  } catch {
    child.kill('SIGKILL');
    throw new Error(`sshd failed to start: ${stderr.split('\n')[0]}`);
  }
  const pub = fs.readFileSync(path.join(dir, 'host_key.pub'), 'utf8').trim().split(/\s+/);
  return {
    port,
    dir,
    hostKey: `${pub[0]} ${pub[1]}`,
    clientKey: path.join(dir, 'client_key'),
    clientKeyWithPassphrase: path.join(dir, 'client_key_enc'),
    passphrase,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        // Per-connection children run in sessions of their own (setsid): end them by parent.
        try {
          execFileSync('pkill', ['-TERM', '-P', String(child.pid)]);
        } catch {
          // No children: nothing was connected.
        }
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
