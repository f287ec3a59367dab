/**
 * An SSH tunnel (ssh2) to a database server: a loopback listener whose sockets are forwarded
 * through the SSH connection. Password, private key (+ passphrase) or agent auth; ~/.ssh/config
 * aliases with one ProxyJump hop; keepalive; host keys checked against known_hosts, with an
 * explicit first-use acceptance. A dropped SSH connection closes the listener and is reported.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, type ConnectConfig } from 'ssh2';
import type { SshOptions } from '../../../shared/connection';
import { AppError } from '../../../shared/errors';
import { checkHostKey, rememberHostKey, type HostKeyVerdict } from './knownHosts';
import { parseJumpSpec, resolveSshHost, type ResolvedHost } from './sshConfig';

/** Where host keys are looked up and remembered. */
export interface TunnelEnvironment {
  /** OpenSSH known_hosts files to trust (default ~/.ssh/known_hosts). */
  knownHostsFiles?: string[];
  /** QueryGenie's own known_hosts, where first-use acceptances are written. */
  appKnownHosts: string;
  /** ~/.ssh/config (overridable for tests). */
  sshConfigFile?: string;
}

/** An open tunnel. */
export interface Tunnel {
  localPort: number;
  readonly dropped: boolean;
  close(): Promise<void>;
}

function keyType(blob: Buffer): string {
  const len = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + len).toString('ascii');
}

function connectHop(hop: ResolvedHost, ssh: SshOptions, env: TunnelEnvironment, sock?: NodeJS.ReadableStream): Promise<Client> {
  const files = [...(env.knownHostsFiles ?? [path.join(os.homedir(), '.ssh', 'known_hosts')]), env.appKnownHosts];
  let verdict: HostKeyVerdict | undefined;
  const config: ConnectConfig = {
    host: hop.host,
    port: hop.port,
    username: hop.user,
    readyTimeout: 15_000,
    keepaliveInterval: 10_000,
    keepaliveCountMax: 3,
    hostVerifier: (key: Buffer) => {
      verdict = checkHostKey(files, hop.host, hop.port, key);
      if (verdict.status === 'known') return true;
      if (verdict.status === 'unknown' && ssh.trustedHostKey === verdict.fingerprint) {
        rememberHostKey(env.appKnownHosts, hop.host, hop.port, keyType(key), key);
        return true;
      }
      return false;
    },
  };
  if (sock) config.sock = sock as ConnectConfig['sock'];
  if (ssh.auth === 'password') config.password = ssh.password ?? '';
  if (ssh.auth === 'agent') config.agent = process.env.SSH_AUTH_SOCK;
  if (ssh.auth === 'key') {
    const keyFile = ssh.privateKeyPath ?? hop.identityFiles.find((f) => fs.existsSync(f)) ?? path.join(os.homedir(), '.ssh', 'id_ed25519');
    try {
      config.privateKey = fs.readFileSync(keyFile);
    } catch {
      return Promise.reject(new AppError('NOT_FOUND', `SSH private key ${keyFile} cannot be read. Choose the key file in the connection's SSH settings.`));
    }
    if (ssh.passphrase) config.passphrase = ssh.passphrase;
  }
  return new Promise((resolve, reject) => {
    const client = new Client();
    client.once('ready', () => resolve(client));
    client.once('error', (err: Error & { level?: string; code?: string }) => reject(sshError(err, hop, verdict)));
    try {
      client.connect(config);
    } catch (err) {
      reject(sshError(err as Error, hop, verdict));
    }
  });
}

function sshError(err: Error & { level?: string; code?: string }, hop: ResolvedHost, verdict: HostKeyVerdict | undefined): AppError {
  const where = `${hop.host}:${hop.port}`;
  if (verdict?.status === 'mismatch') {
    return new AppError('SSH_HOST_KEY_MISMATCH', `The SSH host key of ${where} does not match the one in known_hosts (now ${verdict.fingerprint}). This can mean an attack; the connection was refused. If the server's key really changed, update known_hosts.`, { fingerprint: verdict.fingerprint, host: hop.host, port: hop.port });
  }
  if (verdict?.status === 'unknown') {
    return new AppError('SSH_HOST_UNKNOWN', `The SSH host ${where} is not in known_hosts. Its key fingerprint is ${verdict.fingerprint}; accept it only if it matches the server's.`, { fingerprint: verdict.fingerprint, host: hop.host, port: hop.port });
  }
  if (err.level === 'client-authentication') return new AppError('AUTH_FAILED', `SSH login to ${where} as ${hop.user} failed. Check the SSH user, password or key (and its passphrase).`);
  if (err.code === 'ECONNREFUSED') return new AppError('CONNECTION_REFUSED', `The SSH server ${where} refused the connection. Check the SSH host and port.`);
  if (err.code === 'ENOTFOUND') return new AppError('HOST_NOT_FOUND', `SSH host ${hop.host} was not found. Check the name.`);
  if (/passphrase|encrypted/i.test(err.message)) return new AppError('AUTH_FAILED', 'The SSH private key is encrypted: enter its passphrase.');
  return new AppError('CONNECTION_LOST', `SSH connection to ${where} failed: ${err.message}`);
}

/** Opens a tunnel to targetHost:targetPort through `ssh`. */
export async function openTunnel(ssh: SshOptions, targetHost: string, targetPort: number, env: TunnelEnvironment, onDrop?: (reason: string) => void): Promise<Tunnel> {
  const target = resolveSshHost(ssh.host, { ...(ssh.port ? { port: ssh.port } : {}), ...(ssh.user ? { user: ssh.user } : {}) }, env.sshConfigFile);
  const clients: Client[] = [];
  let stream: NodeJS.ReadableStream | undefined;
  if (target.proxyJump) {
    const spec = parseJumpSpec(target.proxyJump);
    const jump = resolveSshHost(spec.host, { ...(spec.port ? { port: spec.port } : {}), ...(spec.user ? { user: spec.user } : {}) }, env.sshConfigFile);
    const jumpClient = await connectHop(jump, { ...ssh, auth: ssh.auth === 'password' ? 'agent' : ssh.auth }, env);
    clients.push(jumpClient);
    stream = await new Promise((resolve, reject) => jumpClient.forwardOut('127.0.0.1', 0, target.host, target.port, (err, s) => (err ? reject(new AppError('CONNECTION_LOST', `The jump host could not reach ${target.host}:${target.port}: ${err.message}`)) : resolve(s))));
  }
  const client = await connectHop(target, ssh, env, stream);
  clients.push(client);

  let dropped = false;
  const server = net.createServer((sock) => {
    client.forwardOut('127.0.0.1', sock.remotePort ?? 0, targetHost, targetPort, (err, channel) => {
      if (err) {
        sock.destroy();
        return;
      }
      sock.pipe(channel).pipe(sock);
      sock.on('error', () => channel.destroy());
      channel.on('error', () => sock.destroy());
    });
  });
  client.on('close', () => {
    if (closing) return;
    dropped = true;
    server.close();
    onDrop?.(`The SSH tunnel to ${target.host} dropped; it will reconnect on the next query.`);
  });
  let closing = false;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    localPort: (server.address() as net.AddressInfo).port,
    get dropped() {
      return dropped;
    },
    async close() {
      closing = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const c of clients.reverse()) c.end();
    },
  };
}
