/**
 * The ER engine on Pagila (schema only, loaded into the shared PostgreSQL): the layout has no
 * overlapping nodes, and every table and foreign key appears in the SVG, Mermaid and DBML outputs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl } from '../../src/shared/connection';
import { buildErGraph, type ErGraph } from '../../src/shared/erd/graph';
import { layoutErGraph, type ErLayout } from '../../src/shared/erd/layout';
import { renderDbml } from '../../src/shared/erd/dbml';
import { mermaidEntityNames, renderMermaid } from '../../src/shared/erd/mermaid';
import { escapeXml, renderErSvg } from '../../src/shared/erd/svg';
import type { SchemaSnapshot } from '../../src/shared/schema';
import { postgresDriver } from '../../src/main/drivers/postgres/index';
import { createPgDatabase } from '../harness/databases';
import { overlappingPairs } from './geometry';
import { evalDataset, evalMissing } from '../harness/evalData';
import { runDump } from '../harness/loadPagila';
import { MISSING_PG, pgUrl } from '../harness/servers';

const server = pgUrl();
const pagilaDir = evalDataset('pagila');
const suite = server && pagilaDir ? describe : describe.skip;

suite(!server ? MISSING_PG : !pagilaDir ? `ER diagram of Pagila ${evalMissing('pagila')}` : 'ER diagram of Pagila', () => {
  let snapshot: SchemaSnapshot;
  let graph: ErGraph;
  let layout: ErLayout;

  beforeAll(async () => {
    // The schema is enough for a diagram; skipping the data keeps this suite quick.
    const url = await createPgDatabase(server!, 'erdpagila');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await runDump(client, await readFile(join(pagilaDir!, 'pagila-schema.sql'), 'utf8'));
    } finally {
      await client.end();
    }
    const conn = await postgresDriver.connect(parseConnectionUrl(url));
    snapshot = await conn.introspect().finally(() => conn.close());
    graph = buildErGraph(snapshot);
    layout = await layoutErGraph(graph);
  }, 120_000);

  /** Every (table, FK) pair straight from the snapshot, the truth the outputs are checked against. */
  const truth = (): { tables: string[]; fks: { table: string; name: string; columns: string[]; ref: string }[] } => {
    const tables: string[] = [];
    const fks: { table: string; name: string; columns: string[]; ref: string }[] = [];
    for (const s of snapshot.schemas) {
      for (const t of s.tables) {
        if (t.kind !== 'table') continue;
        tables.push(`${s.name}.${t.name}`);
        for (const fk of t.foreignKeys) fks.push({ table: `${s.name}.${t.name}`, name: fk.name, columns: fk.columns, ref: `${fk.refSchema}.${fk.refTable}` });
      }
    }
    return { tables, fks };
  };

  it('has every table and foreign key in the graph', () => {
    const { tables, fks } = truth();
    expect(tables.length).toBeGreaterThanOrEqual(15);
    expect(fks.length).toBeGreaterThanOrEqual(20);
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([...tables].sort());
    expect(graph.edges).toHaveLength(fks.length);
  });

  it('lays the tables out without any overlap', () => {
    expect(Object.keys(layout.nodes).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(overlappingPairs(layout)).toEqual([]);
    for (const e of graph.edges) expect(layout.edges[e.id]?.points.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('draws every table and foreign key in the SVG, which resvg parses', () => {
    const svg = renderErSvg(graph, layout, { title: 'Pagila' });
    const { tables, fks } = truth();
    for (const t of tables) expect(svg).toContain(`data-id="${escapeXml(t)}"`);
    for (const fk of fks) expect(svg).toContain(`<title>${escapeXml(`${fk.name}: ${fk.table}(${fk.columns.join(', ')}) → ${fk.ref}`)}`);
    const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('writes every table and foreign key to Mermaid', () => {
    const text = renderMermaid(graph);
    const names = mermaidEntityNames(graph.nodes);
    for (const t of truth().tables) expect(text).toContain(`  ${names.get(t)!} {`);
    for (const fk of truth().fks) expect(text).toMatch(new RegExp(`^  ${names.get(fk.table)!} \\}o--(\\|\\||o\\|) ${names.get(fk.ref)!} : "${fk.name}"$`, 'm'));
  });

  it('writes every table and foreign key to DBML', () => {
    const text = renderDbml(graph);
    for (const t of truth().tables) expect(text).toContain(`Table ${t} {`);
    for (const fk of truth().fks) {
      const cols = fk.columns.length === 1 ? fk.columns[0] : `(${fk.columns.join(', ')})`;
      expect(text).toMatch(new RegExp(`^Ref ${fk.name}: ${fk.table.replace('.', '\\.')}\\.${cols} > ${fk.ref.replace('.', '\\.')}\\.`, 'm'));
    }
  });
});
