/** How long the server drivers wait for a connect, from the URL's libpq-style `connect_timeout`. */
import type { ConnectionParams } from '../../../shared/connection';

const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;

/** `connect_timeout` (seconds) in milliseconds; 15 s when it is absent, zero or not a number. */
export function connectTimeoutMs(params: ConnectionParams): number {
  return Number(params.options?.connect_timeout ?? 0) * 1000 || DEFAULT_CONNECT_TIMEOUT_MS;
}
