/** Socket-level connection errors → AppError, the same words for every server engine. */
import { AppError, type ErrorDetail } from '../../../shared/errors';

/**
 * Maps a Node socket error code (ECONNREFUSED, ENOTFOUND, ETIMEDOUT, …) to an AppError that says
 * what to check; null when `code` is not a socket error. `server` names the engine for the advice.
 */
export function mapNetworkError(code: string | undefined, target: string, server: string, detail: ErrorDetail): AppError | null {
  switch (code) {
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new AppError('CONNECTION_REFUSED', `Cannot reach ${target} (${code}). Check the host and port, and that ${server} is running and accepts TCP connections.`, detail);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppError('HOST_NOT_FOUND', `The host name of ${target} could not be resolved. Check the spelling of the host, or your network/VPN.`, detail);
    case 'ETIMEDOUT':
      return new AppError('TIMEOUT', `Connecting to ${target} timed out. Check the host, port and any firewall in between.`, detail);
    default:
      return null;
  }
}
