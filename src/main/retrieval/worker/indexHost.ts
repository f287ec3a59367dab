/**
 * Main-process side of the retrieval worker thread: starts it on first use, sends index
 * operations, relays build progress, answers the worker's embedding requests with the
 * main-side embedder, and cancels operations. A crashed worker fails its pending calls with a
 * clear error and is restarted by the next call.
 */
import { Worker } from 'node:worker_threads';
import { AppError, toAppError } from '../../../shared/errors';
import { bundledEntryUrl } from '../../app/bundledEntry';
import type { BuildProgress } from '../index';
import type { Embedder } from '../embedders/types';
import type { EmbedderSpec, FromWorker, IndexOp, IndexOpResults, ToWorker } from './protocol';

/**
 * Starts the worker. From the TypeScript sources (tsx, Vitest) the entry is `indexWorker.ts`,
 * loaded through tsx's ESM hooks registered inside the thread; in the electron-vite build it is
 * the separate main entry `retrievalWorker.js` next to the bundle.
 */
function startWorker(): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const entry = new URL('./indexWorker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(bundledEntryUrl('retrievalWorker', import.meta.url));
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: AppError): void;
  onProgress?: (p: BuildProgress) => void;
}

/** The worker and its calls in flight. */
export class IndexHost {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;

  /** `embedders` finds the main-side embedder for a provider embedder id (built-in ones never ask). */
  constructor(private readonly embedders: (id: string) => Embedder | undefined) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.on('message', (m: FromWorker) => this.onMessage(worker, m));
    worker.on('error', (err) => this.fail(worker, new AppError('INTERNAL', `The retrieval worker failed: ${err.message}`)));
    worker.on('exit', () => this.fail(worker, new AppError('INTERNAL', 'The retrieval worker stopped; the next request restarts it.')));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private fail(worker: Worker, err: AppError): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private onMessage(worker: Worker, m: FromWorker): void {
    if (m.type === 'progress') this.pending.get(m.id)?.onProgress?.(m.progress);
    else if (m.type === 'embed') void this.embedFor(worker, m.id, m.embedder, m.texts);
    else {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!p) return;
      if (m.ok) p.resolve(m.value);
      else p.reject(AppError.fromData(m.error));
    }
  }

  private async embedFor(worker: Worker, id: number, embedderId: string, texts: string[]): Promise<void> {
    const reply = (msg: ToWorker): void => worker.postMessage(msg);
    try {
      const embedder = this.embedders(embedderId);
      if (!embedder) throw new AppError('INTERNAL', `The embedder "${embedderId}" is not available.`);
      reply({ type: 'embedded', id, vectors: await embedder.embed(texts) });
    } catch (err) {
      reply({ type: 'embedded', id, error: toAppError(err).toData() });
    }
  }

  /** Runs one operation on an index file in the worker. */
  call<O extends IndexOp>(
    file: string,
    embedder: EmbedderSpec,
    body: O,
    opts: { signal?: AbortSignal; onProgress?: (p: BuildProgress) => void } = {},
  ): Promise<IndexOpResults[O['op']]> {
    const worker = this.ensure();
    const id = ++this.seq;
    return new Promise<IndexOpResults[O['op']]>((resolve, reject) => {
      const onAbort = (): void => worker.postMessage({ type: 'cancel', id } satisfies ToWorker);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      const done = (): void => opts.signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (v) => {
          done();
          resolve(v as IndexOpResults[O['op']]);
        },
        reject: (e) => {
          done();
          reject(e);
        },
        onProgress: opts.onProgress,
      });
      worker.postMessage({ type: 'call', id, file, embedder, body } satisfies ToWorker);
    });
  }

  /** Stops the worker (its open files are closed with the thread). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new AppError('QUERY_CANCELLED', 'The app is closing.'));
    this.pending.clear();
    await worker?.terminate();
  }
}
