/**
 * The built-in offline embedder: deterministic lexical hashing, no download. Normalised word
 * unigrams, bigrams and character 3/4-grams are hashed (FNV-1a, signed) into a 384-dim vector,
 * each feature group TF-weighted (1 + ln tf) and normalised on its own so the many character
 * n-grams cannot drown the words, then the sum is L2-normalised.
 */
import type { Embedder } from './types';
import { tokenize } from './tokenize';

/** Vector size of the built-in embedder (matches common small sentence models). */
export const BUILTIN_DIMENSIONS = 384;

/** Relative weights of the feature groups. */
const GROUP_WEIGHTS = { unigram: 1, bigram: 0.45, chargram: 0.55 } as const;

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A term weight (1 for every term unless the caller knows better, e.g. query-side IDF). */
export type TermWeight = (token: string) => number;

/** Sums features of a token list into maps (feature → weighted term frequency). */
function features(tokens: string[], weight: TermWeight): { unigram: Map<string, number>; bigram: Map<string, number>; chargram: Map<string, number> } {
  const unigram = new Map<string, number>();
  const bigram = new Map<string, number>();
  const chargram = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, w: number): void => {
    m.set(k, (m.get(k) ?? 0) + w);
  };
  const ws = tokens.map(weight);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = ws[i]!;
    add(unigram, t, w);
    if (i + 1 < tokens.length) add(bigram, `${t} ${tokens[i + 1]!}`, Math.sqrt(w * ws[i + 1]!));
    const padded = `#${t}#`;
    for (const n of [3, 4]) for (let j = 0; j + n <= padded.length; j++) add(chargram, padded.slice(j, j + n), w);
  }
  return { unigram, bigram, chargram };
}

/** Adds one feature group into `out`, normalised to unit length times `weight`. */
function addGroup(out: Float32Array, group: Map<string, number>, prefix: string, weight: number): void {
  if (group.size === 0) return;
  const tmp = new Float32Array(out.length);
  for (const [feature, tf] of group) {
    const h = fnv1a(prefix + feature);
    const sign = h & 0x80000000 ? -1 : 1;
    // Sublinear TF keeps a column repeated in many places from dominating the card.
    tmp[h % out.length] += sign * (tf >= 1 ? 1 + Math.log(tf) : tf);
  }
  let norm = 0;
  for (let i = 0; i < tmp.length; i++) norm += tmp[i]! * tmp[i]!;
  if (norm === 0) return;
  const f = weight / Math.sqrt(norm);
  for (let i = 0; i < tmp.length; i++) out[i] += tmp[i]! * f;
}

/** Embeds already-tokenised text (exposed so the index can reuse its tokens). */
export function embedTokens(tokens: string[], dimensions = BUILTIN_DIMENSIONS, weight: TermWeight = () => 1): Float32Array {
  const v = new Float32Array(dimensions);
  const f = features(tokens, weight);
  addGroup(v, f.unigram, 'u:', GROUP_WEIGHTS.unigram);
  addGroup(v, f.bigram, 'b:', GROUP_WEIGHTS.bigram);
  addGroup(v, f.chargram, 'c:', GROUP_WEIGHTS.chargram);
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < v.length; i++) v[i] *= inv;
  }
  return v;
}

/** The built-in embedder: offline, deterministic, identifier-aware. */
export class BuiltinEmbedder implements Embedder {
  /** Bump the version whenever tokenisation or hashing changes: indexes rebuild on a new id. */
  readonly id = 'builtin:hash-v2';
  readonly dimensions = BUILTIN_DIMENSIONS;

  /** Embeds texts synchronously under a promise (cheap: ~20 µs per table card). */
  embed(texts: string[]): Promise<Float32Array[]> {
    return Promise.resolve(texts.map((t) => embedTokens(tokenize(t), this.dimensions)));
  }

  /** Embeds a query with per-term weights (the index passes IDF from its own statistics). */
  embedQuery(text: string, weight: TermWeight): Promise<Float32Array> {
    return Promise.resolve(embedTokens(tokenize(text), this.dimensions, weight));
  }
}
