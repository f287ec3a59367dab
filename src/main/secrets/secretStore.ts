/**
 * SecretStore: the one place secrets live (database passwords, SSH passphrases, AI keys), keyed
 * by profile id and kind. The OS-keychain backend arrives with the Connections-and-secrets issue;
 * until then the memory store keeps secrets for the session only — never on disk.
 */

/** What a secret is for. */
export type SecretKind = 'db-password' | 'ssh-password' | 'ssh-passphrase' | 'ai-key';

/** A place to keep secrets. */
export interface SecretStore {
  /** A human name for the backend, shown in settings. */
  readonly backend: string;
  get(profileId: string, kind: SecretKind): Promise<string | undefined>;
  set(profileId: string, kind: SecretKind, value: string): Promise<void>;
  delete(profileId: string, kind: SecretKind): Promise<void>;
  has(profileId: string, kind: SecretKind): Promise<boolean>;
}

/** Keeps secrets in memory for this process only. */
export class MemorySecretStore implements SecretStore {
  readonly backend = 'memory (this session only)';
  private readonly values = new Map<string, string>();

  async get(profileId: string, kind: SecretKind): Promise<string | undefined> {
    return this.values.get(`${profileId}/${kind}`);
  }
  async set(profileId: string, kind: SecretKind, value: string): Promise<void> {
    this.values.set(`${profileId}/${kind}`, value);
  }
  async delete(profileId: string, kind: SecretKind): Promise<void> {
    this.values.delete(`${profileId}/${kind}`);
  }
  async has(profileId: string, kind: SecretKind): Promise<boolean> {
    return this.values.has(`${profileId}/${kind}`);
  }
}
