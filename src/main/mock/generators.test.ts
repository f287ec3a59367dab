import { Faker, en } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../shared/schema';
import { Decimal } from '../../shared/values';
import { parseCheck } from './checks';
import { parseColumnType } from './columnType';
import { columnGenerator, type GenContext } from './generators';
import { Prng } from './prng';

const ctx = (seed = 1): GenContext => {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  return { faker, prng: new Prng(seed) };
};
const col = (name: string, dataType: string): ColumnInfo => ({ name, dataType, nullable: false, default: null, comment: null, ordinal: 1 });
const sample = (name: string, dataType: string, engine: 'postgres' | 'mysql' | 'sqlite' = 'postgres', check?: string, c = ctx()): unknown[] => {
  const gen = columnGenerator(col(name, dataType), parseColumnType(dataType, engine), check ? parseCheck(check).get(name) : undefined, undefined, c);
  return Array.from({ length: 500 }, gen);
};

describe('parseColumnType', () => {
  it('reads lengths, precision, integer ranges and enums', () => {
    expect(parseColumnType('character varying(12)', 'postgres')).toEqual({ kind: 'text', length: 12 });
    expect(parseColumnType('numeric(5,2)', 'postgres')).toMatchObject({ kind: 'decimal', precision: 5, scale: 2, max: 999.99 });
    expect(parseColumnType('tinyint unsigned', 'mysql')).toEqual({ kind: 'int', min: 0, max: 255 });
    expect(parseColumnType('tinyint(1)', 'mysql')).toEqual({ kind: 'bool' });
    expect(parseColumnType("enum('a','b''c')", 'mysql')).toEqual({ kind: 'enum', values: ['a', "b'c"] });
    expect(parseColumnType('UNSIGNED BIG INT', 'sqlite').kind).toBe('int');
  });
});

describe('columnGenerator', () => {
  it('fits text into varchar lengths and picks realistic generators by name', () => {
    for (const v of sample('email', 'varchar(16)')) expect((v as string).length).toBeLessThanOrEqual(16);
    expect(sample('email', 'text').every((v) => /^[^@\s]+@[^@\s]+\.[a-z]+$/.test(v as string))).toBe(true);
    expect(sample('code', 'char(2)').every((v) => /^[A-Z]{2}$/.test(v as string))).toBe(true);
  });
  it('keeps numeric precision/scale and CHECK ranges', () => {
    const prices = sample('price', 'numeric(5,2)', 'postgres', 'price > 10 AND price <= 20');
    for (const v of prices) {
      expect(v).toBeInstanceOf(Decimal);
      const n = Number((v as Decimal).text);
      expect(n).toBeGreaterThan(10);
      expect(n).toBeLessThanOrEqual(20);
      expect((v as Decimal).text).toMatch(/^\d+\.\d{2}$/);
    }
    const qty = sample('qty', 'smallint', 'postgres', 'qty BETWEEN 3 AND 4');
    expect(new Set(qty)).toEqual(new Set([3, 4]));
    expect(sample('status', 'text', 'postgres', "status = ANY (ARRAY['a'::text, 'b'::text])").every((v) => v === 'a' || v === 'b')).toBe(true);
  });
  it('is deterministic for a seed', () => {
    expect(sample('full_name', 'text', 'postgres', undefined, ctx(9))).toEqual(sample('full_name', 'text', 'postgres', undefined, ctx(9)));
    expect(sample('full_name', 'text', 'postgres', undefined, ctx(9))).not.toEqual(sample('full_name', 'text', 'postgres', undefined, ctx(10)));
  });
  it('makes timestamps every engine reads', () => {
    expect(sample('created_at', 'timestamp').every((v) => /^20\d\d-\d\d-\d\d \d\d:\d\d:\d\d$/.test(v as string))).toBe(true);
  });
});
