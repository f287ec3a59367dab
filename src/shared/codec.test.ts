import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeValue, encodeValue, parse, stringify } from './codec';
import { Decimal } from './values';

describe('value codec', () => {
  it('round-trips values JSON cannot carry', () => {
    const value = {
      big: 9223372036854775807n,
      neg: -9223372036854775808n,
      dec: new Decimal('12345678901234567890.123456789'),
      bin: new Uint8Array([0, 1, 2, 253, 254, 255]),
      when: new Date('2026-11-22T10:11:12.345Z'),
      nan: NaN,
      inf: -Infinity,
      nested: [{ a: null, b: '' }, [1n, 'x']],
    };
    const back = parse(stringify(value)) as typeof value;
    expect(back.big).toBe(9223372036854775807n);
    expect(back.neg).toBe(-9223372036854775808n);
    expect(back.dec).toBeInstanceOf(Decimal);
    expect(back.dec.text).toBe('12345678901234567890.123456789');
    expect(Array.from(back.bin)).toEqual([0, 1, 2, 253, 254, 255]);
    expect(back.when.toISOString()).toBe('2026-11-22T10:11:12.345Z');
    expect(back.nan).toBeNaN();
    expect(back.inf).toBe(-Infinity);
    expect(back.nested).toEqual([{ a: null, b: '' }, [1n, 'x']]);
  });

  it('does not let user data forge a tag', () => {
    const sneaky = { $qg: 'big', v: '1' };
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(sneaky))));
    expect(back).toEqual({ $qg: 'big', v: '1' });
  });

  it('base64 matches Node for every length remainder', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100, 1001]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37 + 11) & 0xff);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(base64ToBytes(bytesToBase64(bytes)))).toEqual(Array.from(bytes));
    }
  });
});
