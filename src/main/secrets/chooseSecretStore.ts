/**
 * Picks where secrets live: the OS keychain when it works; otherwise (Electron only) an
 * encrypted-file store supplied by the caller; otherwise memory for this session, with a warning
 * the user sees. Never plaintext on disk.
 */
import { KeychainSecretStore } from './keychainStore';
import { MemorySecretStore, type SecretStore } from './secretStore';

/** The chosen store and anything the user must be told. */
export interface ChosenSecretStore {
  store: SecretStore;
  warning?: string;
}

/** Chooses the secret store; `fallback` is Electron's safeStorage store when it is strong. */
export async function chooseSecretStore(opts: { fallback?: SecretStore | null; service?: string } = {}): Promise<ChosenSecretStore> {
  const keychain = await KeychainSecretStore.open(opts.service);
  if (keychain) return { store: keychain };
  if (opts.fallback) return { store: opts.fallback };
  return {
    store: new MemorySecretStore(),
    warning:
      'No OS keychain is available (on Linux: install and unlock gnome-keyring or KeePassXC with the Secret Service), so passwords are kept in memory for this session only and must be typed again next time. The CLI also reads QG_PASSWORD.',
  };
}
