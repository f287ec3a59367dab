/**
 * "Open this view" requests (ER diagram, docs page, workload, AI settings), published by any
 * panel and handled by the tab strip — the same tiny bus as openInEditor.
 */
import type { ViewKind } from '../features/tabs/model';

/** A request to open (or focus) a view tab for a connection. */
export interface OpenViewRequest {
  view: ViewKind;
  connectionId: string;
  /** Tab title; a default from the view and connection name otherwise. */
  title?: string;
  /** What to show, e.g. `{ table: 'public.film' }`. */
  params?: Record<string, string>;
}

type Handler = (request: OpenViewRequest) => void;
const handlers = new Set<Handler>();

/** Asks the tab strip to open a view tab. */
export function openView(request: OpenViewRequest): void {
  for (const handler of [...handlers]) handler(request);
}

/** Subscribes to view requests; returns the unsubscribe function. */
export function onOpenView(handler: Handler): () => void {
  handlers.add(handler);
  return () => {
    handlers.delete(handler);
  };
}
