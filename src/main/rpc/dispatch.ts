/**
 * The transport-independent request dispatcher: decode → validate (zod) → handler → encode.
 * Both the Electron IPC binding and the web-mode WebSocket binding call this, so a method is
 * validated the same way whichever door it came through.
 */
import { decodeValue, encodeValue } from '../../shared/codec';
import { requests, type Handlers, type Method } from '../../shared/contract';
import { AppError, toAppError } from '../../shared/errors';
import type { BridgeResponse } from '../../shared/transport';
import { logger } from '../app/logger';

/** Dispatches one encoded request to its handler. Never throws. */
export type Dispatch = (method: string, encodedArgs: unknown) => Promise<BridgeResponse>;

/** Builds the dispatcher over a complete set of handlers. */
export function createDispatcher(handlers: Handlers): Dispatch {
  return async (method, encodedArgs) => {
    try {
      if (!Object.prototype.hasOwnProperty.call(requests, method)) {
        throw new AppError('INVALID_REQUEST', `Unknown method "${method}".`);
      }
      const m = method as Method;
      const parsed = requests[m].args.safeParse(decodeValue(encodedArgs ?? {}));
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first?.path.length ? ` at "${first.path.join('.')}"` : '';
        throw new AppError('INVALID_REQUEST', `Invalid arguments for ${m}${where}: ${first?.message ?? 'invalid'}`);
      }
      const handler = handlers[m] as (args: unknown) => Promise<unknown>;
      const result = await handler(parsed.data);
      return { ok: true, result: encodeValue(result) };
    } catch (err) {
      const appErr = toAppError(err);
      if (appErr.code === 'INTERNAL') logger.error(`request ${method} failed`, err);
      return { ok: false, error: encodeValue(appErr.toData()) };
    }
  };
}
