/**
 * A tiny typed event bus for "open this SQL in an editor tab" requests. The explorer, history
 * and saved-queries panels publish; the editor subscribes. Keeps the panels free of any
 * dependency on the editor's internals.
 */

/** A request to open SQL in an editor tab, optionally running it at once. */
export interface OpenInEditorRequest {
  connectionId: string;
  sql: string;
  /** Run the SQL right after opening. */
  run?: boolean;
  /** Tab title; the editor picks one when absent. */
  title?: string;
  /** When the SQL comes from a saved query, its id (so a later save adds a version). */
  savedQueryId?: string;
}

type Handler = (request: OpenInEditorRequest) => void;

const handlers = new Set<Handler>();

/** Asks the editor to open `request.sql` in a tab (and run it when `run` is true). */
export function openInEditor(request: OpenInEditorRequest): void {
  for (const handler of [...handlers]) handler(request);
}

/** Subscribes to open requests; returns the unsubscribe function (use it in an effect cleanup). */
export function onOpenInEditor(handler: Handler): () => void {
  handlers.add(handler);
  return () => {
    handlers.delete(handler);
  };
}
