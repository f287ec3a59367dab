import { describe, expect, it } from 'vitest';
import { columnChecks, parseCheck } from './checks';

describe('parseCheck', () => {
  it('reads PostgreSQL ranges with casts', () => {
    expect(parseCheck('CHECK (price >= 1::numeric AND price <= 500::numeric)').get('price')).toMatchObject({ min: 1, max: 500 });
    expect(parseCheck('CHECK ((price >= (0)::numeric))').get('price')).toEqual({ min: 0, minExclusive: false });
    expect(parseCheck('CHECK (((qty >= 1) AND (qty <= 100)))').get('qty')).toEqual({ min: 1, max: 100, minExclusive: false, maxExclusive: false });
  });
  it('reads PostgreSQL = ANY (ARRAY[...]) lists', () => {
    const c = parseCheck("CHECK ((status = ANY (ARRAY['new'::text, 'paid'::text, 'it''s'::text])))");
    expect(c.get('status')?.values).toEqual(['new', 'paid', "it's"]);
  });
  it('reads BETWEEN, IN lists and exclusive bounds (MySQL/SQLite text)', () => {
    expect(parseCheck('`rating` between 1 and 5').get('rating')).toMatchObject({ min: 1, max: 5 });
    expect(parseCheck("kind IN ('a', 'b')").get('kind')?.values).toEqual(['a', 'b']);
    expect(parseCheck('"score" > 0 AND "score" < 10').get('score')).toEqual({ min: 0, max: 10, minExclusive: true, maxExclusive: true });
    expect(parseCheck('0 <= discount').get('discount')).toMatchObject({ min: 0 });
  });
  it('skips expressions with OR and merges several checks', () => {
    expect(parseCheck('a > 0 OR b > 0').size).toBe(0);
    const m = columnChecks(['x >= 0', 'x <= 9', 'length(name) <= 20']);
    expect(m.get('x')).toMatchObject({ min: 0, max: 9 });
    expect(m.get('name')?.maxLength).toBe(20);
  });
});
