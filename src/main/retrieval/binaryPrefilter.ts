/**
 * Sign-bit prefilter for large indexes: exact brute-force KNN in sqlite-vec over 100,000 × 384
 * floats takes 40–80 ms here, too slow for search-as-you-type. Above a size threshold the index
 * keeps one sign bit per dimension per chunk in memory (48 bytes), scores every chunk by the
 * asymmetric dot product of the float query with the ±1 code (byte lookup tables: a few ms),
 * then re-scores a shortlist with exact cosine. Asymmetric scoring keeps far more true
 * neighbours than Hamming distance, because lexical query vectors are sparse.
 */

/** 32-bit words per sign-bit code of a vector. */
export function codeWords(dimensions: number): number {
  return Math.ceil(dimensions / 32);
}

/** Sign bits of a vector (bit set when the component is > 0); dimension d is bit d % 8 of byte d / 8. */
export function signBits(v: Float32Array): Uint32Array {
  const out = new Uint32Array(codeWords(v.length));
  const bytes = new Uint8Array(out.buffer);
  for (let i = 0; i < v.length; i++) if (v[i]! > 0) bytes[i >>> 3]! |= 1 << (i & 7);
  return out;
}

/** Scratch buffers reused across searches (a 100k-chunk index would otherwise allocate 600 kB per query). */
let scratch = { scores: new Float32Array(0), bins: new Uint16Array(0) };

/** Per byte position with query signal, a 256-entry table of the query mass on that byte's set bits. */
function byteTables(query: Float32Array): { active: Int32Array; tables: Float32Array } {
  const activeList: number[] = [];
  const tableList: Float32Array[] = [];
  for (let k = 0; k * 8 < query.length; k++) {
    const q = query.subarray(k * 8, k * 8 + 8);
    if (q.every((x) => x === 0)) continue;
    const t = new Float32Array(256);
    for (let v = 1; v < 256; v++) {
      const low = v & -v;
      t[v] = t[v ^ low]! + 2 * q[31 - Math.clz32(low)]!;
    }
    activeList.push(k);
    tableList.push(t);
  }
  // Flat typed arrays keep the hot loop monomorphic.
  const tables = new Float32Array(activeList.length * 256);
  tableList.forEach((t, a) => tables.set(t, a * 256));
  return { active: Int32Array.from(activeList), tables };
}

/** Ids of the `m` codes with the highest Σ query[d]·(±1 by sign bit d). */
export function asymmetricTop(codes: Uint32Array, ids: Int32Array, query: Float32Array, m: number): number[] {
  const n = ids.length;
  if (n <= m) return Array.from(ids);
  const stride = codeWords(query.length) * 4;
  const bytes = new Uint8Array(codes.buffer, codes.byteOffset, codes.byteLength);
  const { active, tables } = byteTables(query);
  const na = active.length;
  if (scratch.scores.length < n) scratch = { scores: new Float32Array(n), bins: new Uint16Array(n) };
  const { scores, bins: binOf } = scratch;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const base = i * stride;
    let s = 0;
    for (let a = 0; a < na; a++) s += tables[(a << 8) | bytes[base + active[a]!]!]!;
    scores[i] = s;
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  // Histogram threshold instead of a full sort: the lowest bin that still admits ≥ m codes.
  const bins = 2048;
  const width = (hi - lo) / bins || 1;
  const histogram = new Uint32Array(bins + 1);
  for (let i = 0; i < n; i++) {
    const b = Math.floor((scores[i]! - lo) / width);
    binOf[i] = b;
    histogram[b]!++;
  }
  let cut = bins;
  for (let seen = 0; cut >= 0; cut--) {
    seen += histogram[cut]!;
    if (seen >= m) break;
  }
  // Everything above the threshold bin, then fill up to m from inside it.
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (binOf[i]! > cut) out.push(ids[i]!);
  for (let i = 0; i < n && out.length < m; i++) if (binOf[i] === cut) out.push(ids[i]!);
  return out;
}

/** Cosine similarity of two unit vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
