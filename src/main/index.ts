/** Electron composition root: start the services, bind IPC, open the hardened window. */
import path from 'node:path';
import { app as electronApp, BrowserWindow, safeStorage } from 'electron';
import { EncryptedFileSecretStore } from './secrets/encryptedFileStore';
import { createApp } from './app/createApp';
import { logger } from './app/logger';
import { bindIpc } from './ipc/bind';
import { createMainWindow, hardenSession, isTrustedSender } from './window';

electronApp.enableSandbox();

async function main(): Promise<void> {
  await electronApp.whenReady();
  hardenSession();
  const home = process.env.QG_HOME ?? electronApp.getPath('userData');
  const services = await createApp({ home, mode: 'electron', secretFallback: safeStorageStore(home) });
  bindIpc(services, isTrustedSender, () => BrowserWindow.getAllWindows());
  createMainWindow();
  electronApp.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  electronApp.on('window-all-closed', () => {
    if (process.platform !== 'darwin') electronApp.quit();
  });
  electronApp.on('will-quit', () => void services.close());
}

/**
 * Electron's safeStorage as the fallback when no keychain works — but not with Linux's
 * `basic_text` backend, whose key is hard-coded: then secrets stay in memory (with a warning).
 */
function safeStorageStore(home: string): EncryptedFileSecretStore | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return new EncryptedFileSecretStore(path.join(home, 'secrets.enc.json'), {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
  });
}

main().catch((err: unknown) => {
  logger.error('QueryGenie failed to start', err);
  electronApp.exit(1);
});
