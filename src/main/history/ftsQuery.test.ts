import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toFtsMatch } from './ftsQuery';

describe('toFtsMatch', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(body);
    INSERT INTO t(body) VALUES ('SELECT * FROM orders WHERE note = "x"'), ('select name from customers');`);
  const search = (q: string): string[] => {
    const m = toFtsMatch(q);
    if (m === null) return [];
    return (
      db.prepare('SELECT body FROM t WHERE t MATCH ? ORDER BY rowid').all(m) as { body: string }[]
    ).map((r) => r.body);
  };

  it('matches words by prefix, all words required', () => {
    expect(search('ord')).toHaveLength(1);
    expect(search('select cust')).toEqual(['select name from customers']);
    expect(search('orders customers')).toEqual([]);
  });

  it('treats quotes, stars and FTS operators as plain text instead of failing', () => {
    for (const q of [
      '"',
      '*',
      '"orders*',
      'a" OR "b',
      'NEAR(x y)',
      'body:orders',
      '-orders',
      '(((',
      "'; DROP",
    ]) {
      expect(() => search(q)).not.toThrow();
    }
    expect(search('"orders*')).toHaveLength(1);
    expect(search('body:orders')).toEqual([]); // "body" is a word here, not a column filter
  });

  it('returns null when there is nothing to search for', () => {
    expect(toFtsMatch('  "* ')).toBeNull();
    expect(toFtsMatch('')).toBeNull();
  });
});
