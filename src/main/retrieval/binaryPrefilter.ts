/**
 * Sign-bit prefilter for large indexes: exact brute-force KNN in sqlite-vec over 100,000 × 384
 * floats takes 40–80 ms here, too slow for search-as-you-type. Above a size threshold the index
 * ranks every chunk by Hamming distance between sign bits held in memory (12 words per chunk, a
 * few ms), then re-scores the best few hundred with exact cosine.
 */

/** 32-bit words per sign-bit code of a vector. */
export function codeWords(dimensions: number): number {
  return Math.ceil(dimensions / 32);
}

/** Sign bits of a vector (bit set when the component is > 0). */
export function signBits(v: Float32Array): Uint32Array {
  const out = new Uint32Array(codeWords(v.length));
  for (let i = 0; i < v.length; i++) if (v[i]! > 0) out[i >>> 5]! |= 1 << (i & 31);
  return out;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Bits set where a vector has a non-zero component (lexical query vectors are sparse). */
export function nonZeroMask(v: Float32Array): Uint32Array {
  const out = new Uint32Array(codeWords(v.length));
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) out[i >>> 5]! |= 1 << (i & 31);
  return out;
}

/**
 * Ids of the `m` codes nearest to `query` by Hamming distance over the dimensions in `mask`
 * (where the query has signal: a zero component's "sign" is noise). Ties broken by id order.
 */
export function hammingTop(codes: Uint32Array, ids: Int32Array, query: Uint32Array, m: number, mask?: Uint32Array): number[] {
  const words = query.length;
  const n = ids.length;
  const dist = new Uint16Array(n);
  const histogram = new Uint32Array(words * 32 + 1);
  for (let i = 0; i < n; i++) {
    let d = 0;
    const base = i * words;
    if (mask) for (let w = 0; w < words; w++) d += popcount((codes[base + w]! ^ query[w]!) & mask[w]!);
    else for (let w = 0; w < words; w++) d += popcount(codes[base + w]! ^ query[w]!);
    dist[i] = d;
    histogram[d]!++;
  }
  // Counting-sort threshold: the smallest distance that admits at least m codes.
  let threshold = 0;
  for (let seen = 0; threshold < histogram.length; threshold++) {
    seen += histogram[threshold]!;
    if (seen >= m) break;
  }
  const out: number[] = [];
  for (let i = 0; i < n && out.length < m; i++) if (dist[i]! <= threshold) out.push(ids[i]!);
  return out;
}

/** Cosine similarity of two unit vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
