/**
 * A tiny logger for main. It writes to stderr only, and scrubs anything that looks like a
 * credential in a URL (`scheme://user:secret@`) or a `password=` pair before printing.
 */

/** Removes credentials from a log line. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]*@/gi, '$1***@')
    .replace(/\b(password|passwd|pwd|api[_-]?key|secret|token)=([^&\s;]+)/gi, '$1=***');
}

function format(message: string, err?: unknown): string {
  const extra = err instanceof Error ? `: ${err.message}` : err === undefined ? '' : `: ${String(err)}`;
  return scrubSecrets(`${message}${extra}`);
}

/** The app's logger. Silenced with QG_LOG=silent (tests, CLI JSON output). */
export const logger = {
  info(message: string): void {
    if (process.env.QG_LOG !== 'silent') process.stderr.write(`[querygenie] ${scrubSecrets(message)}\n`);
  },
  warn(message: string, err?: unknown): void {
    if (process.env.QG_LOG !== 'silent') process.stderr.write(`[querygenie] warning: ${format(message, err)}\n`);
  },
  error(message: string, err?: unknown): void {
    if (process.env.QG_LOG !== 'silent') process.stderr.write(`[querygenie] error: ${format(message, err)}\n`);
  },
};
