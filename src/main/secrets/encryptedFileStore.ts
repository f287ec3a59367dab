/**
 * Secrets encrypted by an OS-backed encryptor (Electron's `safeStorage`) with only the
 * ciphertext in a file. Used when no keychain is reachable but the OS can still encrypt.
 * Written atomically (temp file + rename) so a crash never leaves a torn file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SecretKind, SecretStore } from './secretStore';

/** Encrypts with a key the OS holds (never one printed in our source). */
export interface Encryptor {
  encrypt(plain: string): Buffer;
  decrypt(cipher: Buffer): string;
}

/** A secret store whose file holds only ciphertext. */
export class EncryptedFileSecretStore implements SecretStore {
  readonly backend = 'OS-encrypted file (safeStorage)';

  constructor(
    private readonly file: string,
    private readonly encryptor: Encryptor,
  ) {}

  private read(): Record<string, string> {
    if (!fs.existsSync(this.file)) return {};
    return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>;
  }

  private write(map: Record<string, string>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(map), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }

  async get(profileId: string, kind: SecretKind): Promise<string | undefined> {
    const c = this.read()[`${profileId}/${kind}`];
    return c === undefined ? undefined : this.encryptor.decrypt(Buffer.from(c, 'base64'));
  }
  async set(profileId: string, kind: SecretKind, value: string): Promise<void> {
    const map = this.read();
    map[`${profileId}/${kind}`] = this.encryptor.encrypt(value).toString('base64');
    this.write(map);
  }
  async delete(profileId: string, kind: SecretKind): Promise<void> {
    const map = this.read();
    delete map[`${profileId}/${kind}`];
    this.write(map);
  }
  async has(profileId: string, kind: SecretKind): Promise<boolean> {
    return `${profileId}/${kind}` in this.read();
  }
}
