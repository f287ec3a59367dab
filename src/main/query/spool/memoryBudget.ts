/**
 * The one memory bound shared by every result spool of the app. Spools charge the estimated size
 * of the rows they hold; when the total passes the limit, the spool holding the most in-memory
 * rows spills its oldest chunks to its temp file until the total is back under the limit.
 */

/** Default bound for all spooled results together: 256 MB. */
export const DEFAULT_SPOOL_MEMORY_BYTES = 256 * 1024 * 1024;

/** What the budget needs from a spool to make room. */
export interface Spillable {
  /** Estimated bytes held in memory that a spill could release. */
  readonly spillableBytes: number;
  /** Writes the oldest in-memory chunk to disk and frees it; resolves to the bytes freed. */
  spillOldest(): Promise<number>;
}

/** A shared memory bound; pass one instance to every ResultSpool. */
export class MemoryBudget {
  private limit: number;
  private usedBytes = 0;
  private readonly members = new Set<Spillable>();
  private relieving: Promise<void> | null = null;

  constructor(limitBytes: number = DEFAULT_SPOOL_MEMORY_BYTES) {
    this.limit = MemoryBudget.checkLimit(limitBytes);
  }

  private static checkLimit(limitBytes: number): number {
    if (!Number.isFinite(limitBytes) || limitBytes < 0) {
      throw new RangeError(`Spool memory limit must be a non-negative number, got ${limitBytes}`);
    }
    return limitBytes;
  }

  /** The bound in bytes. */
  get limitBytes(): number {
    return this.limit;
  }

  /** Estimated bytes currently charged by all spools. */
  get used(): number {
    return this.usedBytes;
  }

  /** True when the spools together hold more than the bound. */
  get over(): boolean {
    return this.usedBytes > this.limit;
  }

  /** Changes the bound (a settings change); the next append spills if needed. */
  setLimit(limitBytes: number): void {
    this.limit = MemoryBudget.checkLimit(limitBytes);
  }

  /** Adds a spool to the set the budget may spill from. */
  register(member: Spillable): void {
    this.members.add(member);
  }

  /** Removes a spool (on close). */
  unregister(member: Spillable): void {
    this.members.delete(member);
  }

  /** Charges `bytes` of newly held rows. */
  charge(bytes: number): void {
    this.usedBytes += bytes;
  }

  /** Gives back `bytes` that were spilled or freed. */
  release(bytes: number): void {
    this.usedBytes = Math.max(0, this.usedBytes - bytes);
  }

  /**
   * Spills until the total is under the bound or nothing more can be spilled. Concurrent callers
   * share one relief run, so two spools never race to spill the same chunk.
   */
  relieve(): Promise<void> {
    if (!this.over) return Promise.resolve();
    if (this.relieving) return this.relieving;
    const run = async (): Promise<void> => {
      while (this.over) {
        let victim: Spillable | null = null;
        for (const m of this.members) {
          if (m.spillableBytes > 0 && (!victim || m.spillableBytes > victim.spillableBytes))
            victim = m;
        }
        if (!victim) return;
        if ((await victim.spillOldest()) <= 0) return;
      }
    };
    this.relieving = run().finally(() => {
      this.relieving = null;
    });
    return this.relieving;
  }
}
