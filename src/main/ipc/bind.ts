/**
 * The contract bound to Electron IPC: one `ipcMain.handle` per method (channel names derived
 * from the contract), the sender frame checked to be our own window's top frame, arguments
 * validated by the shared dispatcher. Events go to every window.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { encodeValue } from '../../shared/codec';
import { METHODS, eventChannel, requestChannel } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { App } from '../app/createApp';
import { createDispatcher } from '../rpc/dispatch';

/** Binds every contract method and forwards events to `getWindows()`. Returns an unbind function. */
export function bindIpc(app: App, isTrustedSender: (e: IpcMainInvokeEvent) => boolean, getWindows: () => BrowserWindow[]): () => void {
  const dispatch = createDispatcher(app.handlers);
  for (const method of METHODS) {
    ipcMain.handle(requestChannel(method), async (e, encodedArgs: unknown) => {
      if (!isTrustedSender(e)) {
        return { ok: false, error: encodeValue(new AppError('UNAUTHORIZED', 'Request from an untrusted frame was refused.').toData()) };
      }
      return dispatch(method, encodedArgs);
    });
  }
  const unsubscribe = app.events.subscribe((name, payload) => {
    const encoded = encodeValue(payload);
    for (const w of getWindows()) if (!w.isDestroyed()) w.webContents.send(eventChannel(name), encoded);
  });
  return () => {
    unsubscribe();
    for (const method of METHODS) ipcMain.removeHandler(requestChannel(method));
  };
}
