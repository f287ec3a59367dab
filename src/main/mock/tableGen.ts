/**
 * Generates the rows of one table: per-column values, foreign keys drawn from parent key pools,
 * sequential integer keys past the existing maximum, and no collisions on PRIMARY KEY/UNIQUE.
 */
import type { Engine } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { ColumnInfo, EnumInfo } from '../../shared/schema';
import type { CellValue, Row } from '../../shared/values';
import { columnChecks } from './checks';
import { parseColumnType } from './columnType';
import { columnGenerator, type GenContext, type ValueGen } from './generators';
import type { PlannedTable } from './plan';
import { tupleKey, type KeyState } from './state';
import type { ColumnOverride } from './types';

/** Unique column sets of a table: primary key, UNIQUE constraints and unique indexes. */
export function uniqueSets(p: PlannedTable): string[][] {
  const sets: string[][] = [];
  const add = (cols: string[]): void => {
    if (!cols.length || cols.some((c) => c.startsWith('('))) return;
    if (!sets.some((s) => s.join(',') === cols.join(','))) sets.push(cols);
  };
  add(p.table.primaryKey);
  for (const c of p.table.constraints) if (c.kind === 'unique') add(c.columns);
  for (const i of p.table.indexes) if (i.unique) add(i.columns);
  return sets;
}

interface ColumnPlan {
  col: ColumnInfo;
  gen: ValueGen;
  nullRatio: number;
  /** Next value for a sequential integer key. */
  seq?: number;
  unique?: Set<string>;
  isText: boolean;
  /** Filled later (foreign key or second pass), NULL for now. */
  skip: boolean;
}

interface FkPlan {
  name: string;
  parent: string;
  idx: number[];
  refIdx: number[];
  pool: CellValue[][];
  nullable: boolean;
  nullRatio: number;
  self: boolean;
}

const RETRIES = 25;

/** The row factory for one planned table. */
export class TableGen {
  readonly columns: ColumnInfo[];
  /** Primary-key tuples of generated rows, for the second pass (only with deferred keys). */
  readonly generatedKeys: CellValue[][] = [];
  private readonly plans: ColumnPlan[];
  private readonly index = new Map<string, number>();
  private readonly compound: { cols: number[]; seen: Set<string> }[] = [];
  private readonly pools: { cols: number[]; pool: CellValue[][] }[] = [];
  private readonly fkCols = new Set<number>();
  private readonly fkPlans: FkPlan[] = [];
  private readonly deferredCols = new Set<number>();

  constructor(
    private readonly p: PlannedTable,
    engine: Engine,
    enums: EnumInfo[],
    keys: KeyState,
    private readonly ctx: GenContext,
    overrides: Record<string, ColumnOverride>,
  ) {
    // Generated columns are computed by the engine: an INSERT may not name them.
    this.columns = p.table.columns.filter((c) => !c.generated);
    this.columns.forEach((c, i) => this.index.set(c.name, i));
    const checks = columnChecks(p.table.constraints.filter((c) => c.kind === 'check' && c.definition).map((c) => c.definition!));
    for (const f of p.fks) for (const c of f.fk.columns) this.fkCols.add(this.index.get(c)!);
    for (const f of p.deferred) for (const c of f.fk.columns) this.deferredCols.add(this.index.get(c)!);
    const singles = new Set(uniqueSets(p).filter((s) => s.length === 1).map((s) => s[0]!));
    this.plans = this.columns.map((col, i) => {
      const enumValues = enums.find((e) => e.name === col.dataType || e.name === `${p.table.name}.${col.name}`)?.values;
      const type = parseColumnType(col.dataType, engine, enumValues);
      const o = overrides[`${p.key}.${col.name}`] ?? overrides[`${p.table.name}.${col.name}`];
      const check = checks.get(col.name.toLowerCase());
      const plan: ColumnPlan = {
        col,
        gen: columnGenerator(col, type, check, o, ctx, p.table.name),
        // A nullable column of a type we cannot make (arrays, geometry, …) stays NULL rather than failing.
        nullRatio: col.nullable ? (o?.nullRatio ?? (type.kind === 'unknown' && !o ? 1 : this.fkCols.has(i) ? 0.1 : 0.05)) : 0,
        isText: type.kind === 'text' || type.kind === 'unknown',
        skip: this.fkCols.has(i) || this.deferredCols.has(i),
      };
      if (singles.has(col.name) && !this.fkCols.has(i)) {
        plan.nullRatio = col.nullable ? (o?.nullRatio ?? 0) : 0;
        if (type.kind === 'int' && !this.fkCols.has(i) && !o && !check?.values)
          plan.seq = (keys.maxInt.get(`${p.key}|${col.name}`) ?? 0) + 1;
        else plan.unique = keys.seenSet(p.key, [col.name]);
      }
      return plan;
    });
    // Compound keys, and single-column keys filled from a foreign key (one-to-one), are checked per row.
    for (const s of uniqueSets(p)) if (s.length > 1 || this.fkCols.has(this.index.get(s[0]!)!)) this.compound.push({ cols: s.map((c) => this.index.get(c)!), seen: keys.seenSet(p.key, s) });
    for (const { fk, parent } of p.fks) {
      const idx = fk.columns.map((c) => this.index.get(c)!);
      const self = parent === p.key;
      this.fkPlans.push({
        name: fk.name,
        parent,
        idx,
        refIdx: self ? fk.refColumns.map((c) => this.index.get(c)!) : [],
        pool: keys.pool(parent, fk.refColumns) ?? [],
        nullable: idx.every((i) => this.columns[i]!.nullable),
        nullRatio: self ? 0.3 : this.plans[idx[0]!]!.nullRatio,
        self,
      });
    }
    for (const [k, pool] of keys.pools) {
      const [t, cols] = [k.slice(0, k.lastIndexOf('|')), k.slice(k.lastIndexOf('|') + 1)];
      if (t === p.key) this.pools.push({ cols: cols.split(',').map((c) => this.index.get(c)!), pool });
    }
  }

  /** The next row, or null when no collision-free row could be made (e.g. all pairs taken). */
  next(): Row | null {
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const row = this.attempt();
      if (!row) continue;
      if (this.compound.some((u) => !u.cols.some((i) => row[i] === null) && u.seen.has(tupleKey(u.cols.map((i) => row[i]!))))) continue;
      this.accept(row);
      return row;
    }
    return null;
  }

  private attempt(): Row | null {
    const n = this.columns.length;
    const row: Row = new Array<CellValue>(n);
    const { prng } = this.ctx;
    for (let i = 0; i < n; i++) {
      const cp = this.plans[i]!;
      if (cp.skip || (cp.nullRatio && prng.chance(cp.nullRatio))) row[i] = null;
      else if (cp.seq !== undefined) row[i] = cp.seq;
      else row[i] = cp.unique ? this.uniqueValue(cp) : cp.gen();
    }
    for (const f of this.fkPlans) {
      const { idx, pool } = f;
      if (f.nullable && (pool.length === 0 || prng.chance(f.nullRatio))) {
        for (const ci of idx) row[ci] = null;
        continue;
      }
      if (pool.length) {
        const tuple = pool[Math.floor(prng.next() * pool.length)]!;
        for (let k = 0; k < idx.length; k++) row[idx[k]!] = tuple[k]!;
      } else if (f.self) {
        // The first row of a NOT NULL self-reference references itself.
        for (let k = 0; k < idx.length; k++) row[idx[k]!] = row[f.refIdx[k]!]!;
      } else
        throw new AppError('UNSUPPORTED', `"${this.p.key}" needs rows in "${f.parent}" (NOT NULL foreign key ${f.name}), which has none. Include "${f.parent}" in the tables to fill.`);
    }
    return row;
  }

  private uniqueValue(cp: ColumnPlan): CellValue {
    for (let i = 0; i < RETRIES; i++) {
      const v = cp.gen();
      if (!cp.unique!.has(tupleKey([v]))) return v;
    }
    const base = cp.gen();
    if (cp.isText && typeof base === 'string') {
      // Too many collisions (small value space): make it unique with a counter suffix.
      const max = /\((\d+)\)/.exec(cp.col.dataType)?.[1];
      for (let n = cp.unique!.size; ; n++) {
        const suffix = `_${n}`;
        const at = base.indexOf('@');
        const [head, tail] = at > 0 ? [base.slice(0, at), base.slice(at)] : [base, ''];
        const room = max ? Math.max(0, Number(max) - suffix.length - tail.length) : Infinity;
        const v = head.slice(0, room) + suffix + tail;
        if (!cp.unique!.has(tupleKey([v]))) return v;
      }
    }
    return base;
  }

  private accept(row: Row): void {
    this.plans.forEach((cp, i) => {
      if (cp.seq !== undefined && row[i] !== null) cp.seq++;
      if (cp.unique && row[i] !== null) cp.unique.add(tupleKey([row[i]!]));
    });
    for (const u of this.compound) if (!u.cols.some((i) => row[i] === null)) u.seen.add(tupleKey(u.cols.map((i) => row[i]!)));
    for (const p of this.pools) if (!p.cols.some((i) => row[i] === null)) p.pool.push(p.cols.map((i) => row[i]!));
    if (this.p.deferred.length && this.p.table.primaryKey.length)
      this.generatedKeys.push(this.p.table.primaryKey.map((c) => row[this.index.get(c)!]!));
  }
}
