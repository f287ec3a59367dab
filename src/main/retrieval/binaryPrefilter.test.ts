import { describe, expect, it } from 'vitest';
import { embedTokens } from './embedders/builtin';
import { asymmetricTop, dot, signBits } from './binaryPrefilter';

describe('sign-bit prefilter', () => {
  it('keeps most true nearest neighbours in a 10% shortlist', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
    // Table cards are dozens of terms each, so their codes are dense.
    const docs = Array.from({ length: 2000 }, (_, i) => embedTokens(Array.from({ length: 30 }, (_, j) => words[(i * 31 + j * j * 17) % 400]!)));
    const codes = new Uint32Array(docs.length * 12);
    docs.forEach((d, i) => codes.set(signBits(d), i * 12));
    const ids = Int32Array.from(docs.keys());
    let kept = 0;
    for (let q = 0; q < 30; q++) {
      const query = embedTokens([words[(q * 7) % 400]!, words[(q * 13 + 5) % 400]!, words[(q * 29 + 9) % 400]!]);
      const exact = [...docs.keys()].sort((a, b) => dot(query, docs[b]!) - dot(query, docs[a]!)).slice(0, 10);
      const shortlist = new Set(asymmetricTop(codes, ids, query, 200));
      expect(shortlist.size).toBe(200);
      kept += exact.filter((e) => shortlist.has(e)).length;
    }
    // A random 10% shortlist would keep 10%.
    expect(kept / 300).toBeGreaterThan(0.75);
  });

  it('packs one bit per positive component', () => {
    expect(Array.from(new Uint8Array(signBits(new Float32Array([1, -1, 0, 2, 0, 0, 0, 0, 5])).buffer).slice(0, 2))).toEqual([0b1001, 1]);
  });
});
