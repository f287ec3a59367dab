/**
 * Host-key checking against OpenSSH `known_hosts` files (plain and hashed `|1|salt|hash` entries,
 * `[host]:port` forms), plus QueryGenie's own file for keys the user accepted on first use.
 */
import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The verdict on a presented host key. */
export type HostKeyVerdict = { status: 'known' } | { status: 'unknown'; fingerprint: string } | { status: 'mismatch'; fingerprint: string };

/** OpenSSH-style SHA256 fingerprint of a raw public key blob. */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

function hostPatterns(host: string, port: number): string[] {
  return port === 22 ? [host] : [`[${host}]:${port}`];
}

function matchesHost(field: string, names: string[]): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return false;
    return names.some((n) => createHmac('sha1', Buffer.from(salt, 'base64')).update(n).digest('base64') === hash);
  }
  return field.split(',').some((f) => names.includes(f));
}

/** Checks `key` for host:port against the given known_hosts files. */
export function checkHostKey(files: string[], host: string, port: number, key: Buffer): HostKeyVerdict {
  const names = hostPatterns(host, port);
  const presented = key.toString('base64');
  let sawHost = false;
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#') || line.startsWith('@revoked')) continue;
      const parts = line.replace(/^@cert-authority\s+/, '').split(/\s+/);
      if (parts.length < 3 || !matchesHost(parts[0]!, names)) continue;
      sawHost = true;
      if (parts[2] === presented) return { status: 'known' };
    }
  }
  return sawHost ? { status: 'mismatch', fingerprint: fingerprint(key) } : { status: 'unknown', fingerprint: fingerprint(key) };
}

/** Records a key the user accepted, in QueryGenie's own known_hosts (never the user's file). */
export function rememberHostKey(file: string, host: string, port: number, keyType: string, key: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${hostPatterns(host, port)[0]} ${keyType} ${key.toString('base64')}\n`, { mode: 0o600 });
}
