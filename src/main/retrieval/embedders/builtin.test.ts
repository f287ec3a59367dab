import { describe, expect, it } from 'vitest';
import { BuiltinEmbedder, embedTokens } from './builtin';

const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('BuiltinEmbedder', () => {
  const e = new BuiltinEmbedder();

  it('returns deterministic, L2-normalised 384-dim vectors', async () => {
    const [a, b] = await e.embed(['orders total_amount', 'orders total_amount']);
    expect(a).toHaveLength(384);
    expect(Array.from(a!)).toEqual(Array.from(b!));
    expect(cosine(a!, a!)).toBeCloseTo(1, 5);
  });

  it('puts a question nearer the table it is about than an unrelated one', async () => {
    const [q, orders, weather] = await e.embed([
      'total amount of each client purchase',
      'table orders: order_id, cust_id, total_amt, created_at',
      'table weather_station: station_id, temperature, humidity, wind_speed',
    ]);
    expect(cosine(q!, orders!)).toBeGreaterThan(cosine(q!, weather!) + 0.1);
  });

  it('weights query terms when asked (query-side IDF)', () => {
    const plain = embedTokens(['order', 'date']);
    const weighted = embedTokens(['order', 'date'], 384, (t) => (t === 'order' ? 3 : 0.1));
    const order = embedTokens(['order']);
    expect(cosine(weighted, order)).toBeGreaterThan(cosine(plain, order));
  });

  it('yields a zero vector for text with no terms instead of NaN', async () => {
    const [v] = await e.embed(['the of 2019']);
    expect(Array.from(v!).every((x) => x === 0)).toBe(true);
  });
});
