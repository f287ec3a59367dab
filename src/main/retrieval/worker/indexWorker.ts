/**
 * The retrieval worker thread: opens index files, builds and searches them on request (see
 * protocol.ts). One worker serves every connection; each index file is opened once.
 */
import { parentPort } from 'node:worker_threads';
import { AppError, toAppError } from '../../../shared/errors';
import { buildPromptContext } from '../contextBuilder';
import { BuiltinEmbedder } from '../embedders/builtin';
import type { Embedder } from '../embedders/types';
import { RetrievalIndex } from '../index';
import { hybridSearch } from '../search';
import type { EmbedderSpec, FromWorker, IndexOp, ToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('indexWorker.ts runs only as a worker thread.');

const indexes = new Map<string, RetrievalIndex>();
const running = new Map<number, AbortController>();
const pendingEmbeds = new Map<number, { resolve(v: Float32Array[]): void; reject(e: Error): void }>();
let embedSeq = 0;
const builtin = new BuiltinEmbedder();

const send = (m: FromWorker): void => port.postMessage(m);

/** A provider embedder: the texts go to main, where the AI router embeds them. */
function remoteEmbedder(spec: EmbedderSpec): Embedder {
  return {
    id: spec.id,
    dimensions: spec.dimensions,
    embed: (texts) =>
      new Promise<Float32Array[]>((resolve, reject) => {
        const id = ++embedSeq;
        pendingEmbeds.set(id, { resolve, reject });
        send({ type: 'embed', id, embedder: spec.id, texts });
      }),
  };
}

function open(file: string, spec: EmbedderSpec): RetrievalIndex {
  let index = indexes.get(file);
  if (index && index.embedder.id !== spec.id) {
    index.close();
    index = undefined;
  }
  if (!index) {
    index = RetrievalIndex.open(file, spec.builtin ? builtin : remoteEmbedder(spec));
    indexes.set(file, index);
  }
  return index;
}

async function run(id: number, file: string, spec: EmbedderSpec, body: IndexOp, signal: AbortSignal): Promise<unknown> {
  if (body.op === 'close') {
    indexes.get(file)?.close();
    indexes.delete(file);
    return null;
  }
  const index = open(file, spec);
  switch (body.op) {
    case 'status': {
      const built = index.isBuilt();
      return { built, chunks: built ? index.chunkCount() : 0, embedder: index.embedder.id, builtAt: index.getMeta('builtAt') ?? null, examples: index.examples().length };
    }
    case 'build':
      return index.build(body.chunks, { signal, onProgress: (progress) => send({ type: 'progress', id, progress }) });
    case 'search':
      return hybridSearch(index, body.question, { k: body.k });
    case 'context':
      return buildPromptContext(index, body.snapshot, body.question, body.options);
    case 'addExample':
      index.addExample(body.question, body.sql);
      return null;
    case 'examples':
      return index.examples();
    case 'setMeta':
      index.setMeta(body.key, body.value);
      return null;
    case 'getMeta':
      return index.getMeta(body.key) ?? null;
  }
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'cancel') {
    running.get(m.id)?.abort();
    return;
  }
  if (m.type === 'embedded') {
    const p = pendingEmbeds.get(m.id);
    pendingEmbeds.delete(m.id);
    if (m.vectors) p?.resolve(m.vectors);
    else p?.reject(m.error ? AppError.fromData(m.error) : new AppError('INTERNAL', 'Embedding failed.'));
    return;
  }
  const controller = new AbortController();
  running.set(m.id, controller);
  run(m.id, m.file, m.embedder, m.body, controller.signal).then(
    (value) => send({ type: 'result', id: m.id, ok: true, value }),
    (err: unknown) => send({ type: 'result', id: m.id, ok: false, error: toAppError(err).toData() }),
  ).finally(() => running.delete(m.id));
});
