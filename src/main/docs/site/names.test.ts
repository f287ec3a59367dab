import { describe, expect, it } from 'vitest';
import { TableIndex } from '../../../shared/docsPage';
import { pageNames, shortHash, slugify } from './names';
import { snapshot, table } from './testSnapshot';

describe('slugify', () => {
  it('keeps plain identifiers and reduces everything else to ASCII words', () => {
    expect(slugify('order_items')).toBe('order_items');
    expect(slugify('Café ☕ größe')).toBe('cafe-gro-e');
    expect(slugify('a/b\\c..d')).toBe('a-b-c-d');
    expect(slugify('☕☕')).toBe('table');
    expect(slugify('x'.repeat(200))).toHaveLength(60);
  });
});

describe('pageNames', () => {
  const odd = ['users', 'Users', 'USERS', 'a/b', 'a-b', 'con', '..', '../../etc', 'Café', 'cafe', 'order lines', 'x'.repeat(300), 'ünïcødé', '<script>'];
  const index = new TableIndex(snapshot({ public: odd.map((n) => table(n)), 'my schema': [table('users')] }));
  const names = pageNames(index);
  const all = [...names.values()];

  it('gives every table a distinct name, even compared case-insensitively', () => {
    expect(all).toHaveLength(index.entries.length);
    expect(new Set(all.map((n) => n.toLowerCase())).size).toBe(all.length);
  });

  it('makes names that are safe on every file system', () => {
    for (const n of all) {
      expect(n).toMatch(/^[a-z0-9_.-]+$/);
      expect(n.length).toBeLessThanOrEqual(60 * 2 + 1 + 9 + 4);
      expect(n.split('.').some((part) => part === '' || part === '..')).toBe(false);
    }
  });

  it('never names a page after a Windows device', () => {
    const con = index.entries.find((e) => e.table.name === 'con')!;
    expect(names.get(con)).toBe(`public.con-${shortHash('public.con')}`);
  });

  it('keeps plain lowercase names readable and stable across runs', () => {
    const lone = new TableIndex(snapshot({ public: [table('orders'), table('order_items')] }));
    expect([...pageNames(lone).values()]).toEqual(['public.orders', 'public.order_items']);
    expect([...pageNames(new TableIndex(index.snapshot)).values()]).toEqual(all);
  });

  it('adds a hash of the exact name when the slug lost information', () => {
    const users = index.entries.filter((e) => e.table.name.toLowerCase() === 'users' && e.schema === 'public');
    expect(users.map((e) => names.get(e))).toEqual(users.map((e) => `public.users-${shortHash(`public.${e.table.name}`)}`));
  });
});
