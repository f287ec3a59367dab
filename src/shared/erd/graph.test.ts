import { describe, expect, it } from 'vitest';
import { chainSnapshot } from '../../../tests/erd/syntheticSchema';
import { buildErGraph, hiddenLinksByNode, resolveTableId } from './graph';

const ids = (g: { nodes: { id: string }[] }): string[] => g.nodes.map((n) => n.id).sort();

describe('buildErGraph', () => {
  it('draws the whole database without views, with every foreign key', () => {
    const g = buildErGraph(chainSnapshot());
    expect(ids(g)).toEqual(['app.a', 'app.b', 'app.c', 'app.d', 'app.e', 'audit.log']);
    expect(g.edges).toHaveLength(6);
    expect(g.hiddenLinks).toBe(0);
    expect(buildErGraph(chainSnapshot(), { includeViews: true }).nodes.map((n) => n.id)).toContain('app.v');
  });

  it('follows foreign keys in both directions for N hops', () => {
    expect(ids(buildErGraph(chainSnapshot(), { focus: 'app.c', hops: 0 }))).toEqual(['app.c']);
    expect(ids(buildErGraph(chainSnapshot(), { focus: 'app.c', hops: 1 }))).toEqual(['app.b', 'app.c', 'app.d']);
    expect(ids(buildErGraph(chainSnapshot(), { focus: 'c', hops: 2 }))).toEqual(['app.a', 'app.b', 'app.c', 'app.d', 'audit.log']);
  });

  it('drops and counts links to tables outside the subset', () => {
    const snap = chainSnapshot();
    const g = buildErGraph(snap, { focus: 'app.c', hops: 1 });
    // b→a and d←log leave the subset; b→c... inside: c.b_id→b, d.c_id→c.
    expect(g.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['app.c>app.b', 'app.d>app.c']);
    expect(g.hiddenLinks).toBe(2);
    expect(hiddenLinksByNode(snap, g)).toEqual({ 'app.b': 1, 'app.d': 1 });
  });

  it('marks self references, optional parents, PK and FK columns', () => {
    const g = buildErGraph(chainSnapshot(), { tables: ['app.e', 'app.a'] });
    const self = g.edges.find((e) => e.from === 'app.e' && e.to === 'app.e')!;
    expect(self.selfLoop).toBe(true);
    expect(self.optional).toBe(true);
    expect(g.edges.find((e) => e.to === 'app.a')!.optional).toBe(false);
    const e = g.nodes.find((n) => n.id === 'app.e')!;
    expect(e.columns.map((c) => [c.name, c.pk, c.fk])).toEqual([['id', true, false], ['parent_id', false, true], ['a_id', false, true]]);
  });

  it('limits to schemas', () => {
    expect(ids(buildErGraph(chainSnapshot(), { schemas: ['audit'] }))).toEqual(['audit.log']);
    expect(buildErGraph(chainSnapshot(), { schemas: ['audit'] }).hiddenLinks).toBe(1);
    // Links from another schema into the chosen one are counted too.
    expect(buildErGraph(chainSnapshot(), { schemas: ['app'] }).hiddenLinks).toBe(1);
  });

  it('names the nearest tables when one is unknown, and refuses an ambiguous bare name', () => {
    expect(() => resolveTableId(chainSnapshot(), 'lgo')).toThrow(/Did you mean: audit\.log/);
    const snap = chainSnapshot();
    snap.schemas[1]!.tables.push({ ...snap.schemas[0]!.tables[0]! });
    expect(() => resolveTableId(snap, 'a')).toThrow(/app\.a or audit\.a/);
    expect(resolveTableId(snap, 'audit.a')).toBe('audit.a');
  });
});
