/**
 * "Open in plan view" from the Workload view: the SQL opens in a new editor tab (openInEditor),
 * and this one-slot hand-off tells that tab to explain it once its editor holds the text.
 */

interface PendingExplain {
  connectionId: string;
  sql: string;
  at: number;
}

let pending: PendingExplain | null = null;

/** Asks the tab that is about to open `sql` on the connection to explain it. */
export function requestExplainOnOpen(connectionId: string, sql: string, now = Date.now()): void {
  pending = { connectionId, sql, at: now };
}

/** True (once) when a tab on `connectionId` showing `text` should explain it now; stale requests (> 10 s) are dropped. */
export function takeExplainOnOpen(connectionId: string, text: string, now = Date.now()): boolean {
  if (!pending || now - pending.at > 10_000) {
    pending = null;
    return false;
  }
  if (pending.connectionId !== connectionId || pending.sql.trim() !== text.trim()) return false;
  pending = null;
  return true;
}
