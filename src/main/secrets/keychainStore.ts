/**
 * Secrets in the OS keychain through `@napi-rs/keyring` (macOS Keychain, Windows Credential
 * Manager, the freedesktop Secret Service on Linux). Nothing is ever written elsewhere.
 */
import type { SecretKind, SecretStore } from './secretStore';

const SERVICE = 'QueryGenie';

type KeyringModule = typeof import('@napi-rs/keyring');

/** The OS keychain. Use `KeychainSecretStore.open()`, which checks that the keychain works. */
export class KeychainSecretStore implements SecretStore {
  readonly backend = 'OS keychain';

  private constructor(
    private readonly keyring: KeyringModule,
    private readonly service: string,
  ) {}

  /**
   * Opens the keychain, proving it works with a set/get/delete round trip. Resolves to null when
   * no usable keychain is there (Linux without a Secret Service, a locked keychain, …).
   */
  static async open(service = SERVICE): Promise<KeychainSecretStore | null> {
    try {
      const keyring = await import('@napi-rs/keyring');
      const probe = new keyring.Entry(service, `probe/${process.pid}`);
      probe.setPassword('probe');
      const ok = probe.getPassword() === 'probe';
      probe.deletePassword();
      return ok ? new KeychainSecretStore(keyring, service) : null;
    } catch {
      return null;
    }
  }

  private entry(profileId: string, kind: SecretKind): InstanceType<KeyringModule['Entry']> {
    return new this.keyring.Entry(this.service, `${profileId}/${kind}`);
  }

  async get(profileId: string, kind: SecretKind): Promise<string | undefined> {
    return this.entry(profileId, kind).getPassword() ?? undefined;
  }
  async set(profileId: string, kind: SecretKind, value: string): Promise<void> {
    this.entry(profileId, kind).setPassword(value);
  }
  async delete(profileId: string, kind: SecretKind): Promise<void> {
    try {
      this.entry(profileId, kind).deletePassword();
    } catch {
      // Deleting a secret that is not there is not an error.
    }
  }
  async has(profileId: string, kind: SecretKind): Promise<boolean> {
    return (await this.get(profileId, kind)) !== undefined;
  }
}
