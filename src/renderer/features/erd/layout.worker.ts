/**
 * The ELK layout off the UI thread: receives `{ jobId, graph, pinned? }` (saved or dragged
 * positions, applied over ELK's with the engine's placeWithPinned), answers `{ jobId, layout }` or
 * `{ jobId, error }`. A stale job is cancelled by terminating the worker (ELK cannot be interrupted).
 */
import { layoutErGraph, placeWithPinned } from '../../../shared/erd/layout';
import type { LayoutReply, LayoutRequest } from './layoutJob';

// The DOM lib has no worker global type; this is the small part of it used here.
const scope = self as unknown as {
  addEventListener(type: 'message', fn: (e: MessageEvent<LayoutRequest>) => void): void;
  postMessage(message: LayoutReply): void;
};

// addEventListener, not onmessage: elk.bundled.js claims `self.onmessage` for its own protocol
// when it loads inside a worker (it ignores messages without its `cmd` field, so both coexist).
scope.addEventListener('message', (e) => {
  const { jobId, graph, pinned } = e.data;
  layoutErGraph(graph).then(
    (layout) =>
      scope.postMessage({
        jobId,
        layout: pinned ? placeWithPinned(graph, layout, pinned) : layout,
      }),
    (err: unknown) =>
      scope.postMessage({ jobId, error: err instanceof Error ? err.message : String(err) }),
  );
});
