/** Electron composition root: start the services, bind IPC, open the hardened window. */
import { app as electronApp, BrowserWindow } from 'electron';
import { createApp } from './app/createApp';
import { logger } from './app/logger';
import { bindIpc } from './ipc/bind';
import { createMainWindow, hardenSession, isTrustedSender } from './window';

electronApp.enableSandbox();

async function main(): Promise<void> {
  await electronApp.whenReady();
  hardenSession();
  const home = process.env.QG_HOME ?? electronApp.getPath('userData');
  const services = await createApp({ home, mode: 'electron' });
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

main().catch((err: unknown) => {
  logger.error('QueryGenie failed to start', err);
  electronApp.exit(1);
});
