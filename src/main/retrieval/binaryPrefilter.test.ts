import { describe, expect, it } from 'vitest';
import { embedTokens } from './embedders/builtin';
import { dot, hammingTop, nonZeroMask, signBits } from './binaryPrefilter';

describe('sign-bit prefilter', () => {
  it('keeps the true nearest neighbours in its shortlist', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
    // Table cards are dozens of terms each, so their codes are dense.
    const docs = Array.from({ length: 2000 }, (_, i) => embedTokens(Array.from({ length: 30 }, (_, j) => words[(i * 31 + j * j * 17) % 400]!)));
    const codes = new Uint32Array(docs.length * 12);
    docs.forEach((d, i) => codes.set(signBits(d), i * 12));
    const ids = Int32Array.from(docs.keys());
    const query = embedTokens([words[5]!, words[36]!, words[153]!]);
    const exact = [...docs.keys()].sort((a, b) => dot(query, docs[b]!) - dot(query, docs[a]!)).slice(0, 5);
    const shortlist = hammingTop(codes, ids, signBits(query), 200, nonZeroMask(query));
    expect(shortlist).toHaveLength(200);
    for (const id of exact) expect(shortlist).toContain(id);
  });

  it('packs one bit per positive component', () => {
    expect(Array.from(signBits(new Float32Array([1, -1, 0, 2])))).toEqual([0b1001]);
  });
});
