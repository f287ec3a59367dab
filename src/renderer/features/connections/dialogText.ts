/** Texts the connection dialog derives from its state: password placeholders and test results. */
import type { ConnectionTestResult } from '../../../shared/contract';
import { toAppError } from '../../../shared/errors';
import type { ConnectionForm } from './formModel';

/** The password field's placeholder: says where a saved password lives. */
export function passwordPlaceholder(
  form: ConnectionForm,
  secretBackend: string | undefined,
): string {
  if (form.forgetPassword) return 'Will be forgotten on save';
  if (form.hasSecret) return `•••• saved in ${backendShortName(secretBackend)}`;
  return 'Password';
}

/** "keychain" for the OS keychain, else the backend's own name. */
export function backendShortName(backend: string | undefined): string {
  if (!backend || /keychain/i.test(backend)) return 'keychain';
  return backend;
}

/** The success line of "Test connection". */
export function testSuccessText(r: ConnectionTestResult): string {
  return `Connected: ${r.serverVersion} · ${Math.round(r.latencyMs)} ms`;
}

/** The failure line of "Test connection": the stable code first, then what to do. */
export function testFailureText(err: unknown): string {
  const e = toAppError(err);
  return `${e.code}: ${e.message}`;
}
