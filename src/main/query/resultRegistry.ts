/** Every open result spool of the app, by id: pages are read and results closed through it. */
import type { ResultPage } from '../../shared/query';
import { AppError } from '../../shared/errors';
import type { ResultSpool } from './spool';

/** Holds open results so the renderer can read windows of them. */
export class ResultRegistry {
  private readonly spools = new Map<string, ResultSpool>();

  /** Registers a spool under its id. */
  add(spool: ResultSpool): void {
    this.spools.set(spool.id, spool);
  }

  /** The spool for an id; throws NOT_FOUND with advice. */
  get(resultId: string): ResultSpool {
    const spool = this.spools.get(resultId);
    if (!spool) throw new AppError('NOT_FOUND', 'This result is no longer available (it was closed). Run the query again.');
    return spool;
  }

  /** Reads a window of rows. */
  async page(resultId: string, offset: number, limit: number): Promise<ResultPage> {
    const spool = this.get(resultId);
    const rows = await spool.read(offset, limit);
    return { resultId, offset, rows, total: spool.total, complete: spool.complete };
  }

  /** Closes a result and deletes its spill file. */
  async close(resultId: string): Promise<boolean> {
    const spool = this.spools.get(resultId);
    if (!spool) return false;
    this.spools.delete(resultId);
    await spool.close();
    return true;
  }

  /** Closes everything (app shutdown). */
  async closeAll(): Promise<void> {
    const all = [...this.spools.keys()];
    await Promise.all(all.map((id) => this.close(id)));
  }
}
