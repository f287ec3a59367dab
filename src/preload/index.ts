/**
 * The preload: exposes ONLY the contract's methods and events on `window.api`, as a
 * `PreloadBridge`. Runs sandboxed, so it may import only `electron` and pure shared code.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Json } from '../shared/codec';
import { EVENTS, METHODS, eventChannel, requestChannel, type EventName, type Method } from '../shared/contract';
import type { BridgeResponse, PreloadBridge } from '../shared/transport';

const methods = new Set<string>(METHODS);
const eventNames = new Set<string>(EVENTS);

const bridge: PreloadBridge = {
  call(method: string, encodedArgs: Json): Promise<BridgeResponse> {
    if (!methods.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'INVALID_REQUEST', message: `Unknown method "${method}".` } });
    }
    return ipcRenderer.invoke(requestChannel(method as Method), encodedArgs) as Promise<BridgeResponse>;
  },
  on(event: string, handler: (payload: Json) => void): () => void {
    if (!eventNames.has(event)) throw new Error(`Unknown event "${event}".`);
    const channel = eventChannel(event as EventName);
    const listener = (_e: unknown, payload: Json): void => handler(payload);
    ipcRenderer.on(channel, listener);
    return () => ipcRenderer.removeListener(channel, listener);
  },
};

contextBridge.exposeInMainWorld('api', bridge);
