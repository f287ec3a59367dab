/**
 * Runs ER layouts in a Web Worker, one at a time: a new request cancels the running one by
 * terminating its worker (ELK cannot be interrupted), and the next request gets a fresh worker.
 * Where a worker cannot be created or fails to load (e.g. an origin that refuses module workers),
 * the layout runs on the UI thread instead, so the diagram still shows.
 */
import type { ErGraph, ErLayout, ErPoint } from './erTypes';

/** Message to the worker. */
export interface LayoutRequest {
  jobId: number;
  graph: ErGraph;
  /** Positions the user set (saved view, drags): they win over ELK's. */
  pinned?: Record<string, ErPoint>;
}

/** Message from the worker. */
export type LayoutReply = { jobId: number; layout: ErLayout } | { jobId: number; error: string };

/** Thrown (as a rejection) when a newer layout replaced this one. */
export class LayoutCancelled extends Error {
  constructor() {
    super('layout cancelled');
  }
}

/** A layout runner bound to one view; `dispose` when the view unmounts. */
export interface LayoutRunner {
  run(graph: ErGraph, pinned?: Record<string, ErPoint>): Promise<ErLayout>;
  dispose(): void;
}

type Pending = { request: LayoutRequest; resolve(l: ErLayout): void; reject(e: Error): void };

/** Creates the runner. */
export function createLayoutRunner(): LayoutRunner {
  let worker: Worker | null = null;
  let workerBroken = false;
  let seq = 0;
  let pending: Pending | null = null;

  /** The same job on this thread (no worker available). */
  const inline = async (request: LayoutRequest): Promise<ErLayout> => {
    const m = await import('../../../shared/erd/layout');
    const layout = await m.layoutErGraph(request.graph);
    if (request.jobId !== seq) throw new LayoutCancelled();
    return request.pinned ? m.placeWithPinned(request.graph, layout, request.pinned) : layout;
  };

  const spawn = (): Worker | null => {
    if (workerBroken) return null;
    try {
      const w = new Worker(new URL('./layout.worker.ts', import.meta.url), {
        type: 'module',
        name: 'er-layout',
      });
      w.onmessage = (e: MessageEvent<LayoutReply>) => {
        const reply = e.data;
        if (!pending || reply.jobId !== pending.request.jobId) return;
        const p = pending;
        pending = null;
        if ('layout' in reply) p.resolve(reply.layout);
        else p.reject(new Error(`The layout failed: ${reply.error}`));
      };
      w.onerror = (e) => {
        // The worker script did not load or crashed: stop using workers, finish the job here.
        e.preventDefault();
        workerBroken = true;
        w.terminate();
        if (worker === w) worker = null;
        const p = pending;
        pending = null;
        if (p) inline(p.request).then(p.resolve, p.reject);
      };
      return w;
    } catch {
      workerBroken = true;
      return null;
    }
  };

  const cancelRunning = () => {
    if (!pending) return;
    pending.reject(new LayoutCancelled());
    pending = null;
    // The worker is busy with the stale graph: drop it rather than wait.
    worker?.terminate();
    worker = null;
  };

  return {
    run(graph, pinned) {
      cancelRunning();
      const request: LayoutRequest = { jobId: ++seq, graph, ...(pinned ? { pinned } : {}) };
      worker ??= spawn();
      const w = worker;
      if (!w) return inline(request);
      return new Promise<ErLayout>((resolve, reject) => {
        pending = { request, resolve, reject };
        w.postMessage(request);
      });
    },
    dispose() {
      cancelRunning();
      seq++;
      worker?.terminate();
      worker = null;
    },
  };
}
