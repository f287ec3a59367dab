/**
 * The preload: exposes ONLY the contract's methods and events on `window.api`, as a
 * `PreloadBridge`. Runs sandboxed, so it may import only `electron` and pure shared code.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Json } from '../shared/codec';
import { EVENT_NAMES, METHOD_NAMES, eventChannel, requestChannel, type EventNameLiteral, type MethodName } from '../shared/contractNames';
import type { BridgeResponse, PreloadBridge } from '../shared/transport';

const methods = new Set<string>(METHOD_NAMES);
const eventNames = new Set<string>(EVENT_NAMES);

const bridge: PreloadBridge = {
  call(method: string, encodedArgs: Json): Promise<BridgeResponse> {
    if (!methods.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'INVALID_REQUEST', message: `Unknown method "${method}".` } });
    }
    return ipcRenderer.invoke(requestChannel(method as MethodName), encodedArgs) as Promise<BridgeResponse>;
  },
  on(event: string, handler: (payload: Json) => void): () => void {
    if (!eventNames.has(event)) throw new Error(`Unknown event "${event}".`);
    const channel = eventChannel(event as EventNameLiteral);
    const listener = (_e: unknown, payload: Json): void => handler(payload);
    ipcRenderer.on(channel, listener);
    return () => ipcRenderer.removeListener(channel, listener);
  },
};

contextBridge.exposeInMainWorld('api', bridge);
