/** A small seeded PRNG (mulberry32) with the distributions the generator needs. */

/** A deterministic random source. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Uniform integer in [min, max] (inclusive); exact within ±2^53. */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** Standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }
  /** A random element. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** A fraction in [0,1) following `dist` (normal: mean 0.5, sd 1/6, clamped; zipf: skewed low). */
  fraction(dist: 'uniform' | 'normal' | 'zipf' = 'uniform'): number {
    if (dist === 'normal') return Math.min(0.999999, Math.max(0, 0.5 + this.normal() / 6));
    // A power law approximation: small values far more likely, like Zipf ranks.
    if (dist === 'zipf') return Math.min(0.999999, this.next() ** 3);
    return this.next();
  }
}
