import { describe, expect, it } from 'vitest';
import { chainSnapshot } from '../../../tests/erd/syntheticSchema';
import { buildErGraph } from './graph';
import { layoutErGraph } from './layout';
import { escapeXml, renderErSvg } from './svg';

describe('renderErSvg', () => {
  it('escapes table, column and type names', async () => {
    const snap = chainSnapshot();
    const t = snap.schemas[0]!.tables[0]!;
    t.name = '<a&b>';
    t.columns.push({ name: `"q'&`, dataType: 'enum<x>', nullable: true, default: null, comment: null, ordinal: 2 });
    for (const other of snap.schemas.flatMap((s) => s.tables)) for (const fk of other.foreignKeys) if (fk.refTable === 'a') fk.refTable = '<a&b>';
    const graph = buildErGraph(snap);
    const svg = renderErSvg(graph, await layoutErGraph(graph), { title: 'T & <b>' });
    expect(svg).toContain('app.&lt;a&amp;b&gt;');
    expect(svg).toContain('&quot;q&#39;&amp;');
    expect(svg).toContain('enum&lt;x&gt;?');
    expect(svg).toContain('T &amp; &lt;b&gt;');
    // No raw markup from data: every '<' starts a tag we write.
    expect(svg.match(/<(?![/a-z])/g)).toBeNull();
    expect(svg).not.toContain('<a&b>');
  });

  it('draws every table with its columns, every foreign key, and no external resource', async () => {
    const graph = buildErGraph(chainSnapshot());
    const svg = renderErSvg(graph, await layoutErGraph(graph), { highlight: ['app.c'] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const n of graph.nodes) expect(svg).toContain(`data-id="${escapeXml(n.id)}"`);
    expect(svg.match(/<g class="rel"/g)).toHaveLength(graph.edges.length);
    expect(svg.match(/class="node focus"/g)).toHaveLength(1);
    expect(svg).toContain('>parent_id<');
    expect(svg).toContain('<style>');
    expect(svg).not.toMatch(/href=|@import|url\(/);
  });
});
