/** Small I/O helpers for CLI commands: exit codes, error printing, stdin. */
import { AppError, toAppError } from '../../shared/errors';

/** Exit codes: 0 ok, 1 query (or runtime) error, 2 usage error. */
export const EXIT = { ok: 0, error: 1, usage: 2 } as const;

/** Thrown by commands to end with a usage error. */
export class UsageError extends AppError {
  constructor(message: string) {
    super('USAGE', message);
  }
}

/** Prints an error as `error [CODE]: message` (plus hint/position) and returns its exit code. */
export function reportError(err: unknown): number {
  const e = toAppError(err);
  const pos = e.detail?.position ? ` (line ${e.detail.position.line}, column ${e.detail.position.column})` : '';
  process.stderr.write(`error [${e.code}]: ${e.message}${pos}\n`);
  if (e.detail?.hint) process.stderr.write(`hint: ${e.detail.hint}\n`);
  return e.code === 'USAGE' || e.code === 'BAD_REQUEST' ? EXIT.usage : EXIT.error;
}

/** Reads all of stdin when it is not a terminal; '' otherwise. */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes to stdout honouring backpressure. */
export function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
