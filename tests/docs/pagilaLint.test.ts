/**
 * Lint, coverage, bundle and diff on Pagila (schema only, in the shared PostgreSQL): the known
 * unindexed foreign keys are found, the consistent snake_case/singular naming raises nothing,
 * every table has a key, and a diff of the schema against itself is empty.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/main/docs/bundle';
import { diffSnapshots } from '../../src/main/docs/diff';
import { postgresDriver } from '../../src/main/drivers/postgres/index';
import { parseConnectionUrl } from '../../src/shared/connection';
import type { SchemaSnapshot } from '../../src/shared/schema';
import { createPgDatabase } from '../harness/databases';
import { evalDataset, evalMissing } from '../harness/evalData';
import { runDump } from '../harness/loadPagila';
import { MISSING_PG, pgUrl } from '../harness/servers';

const server = pgUrl();
const pagilaDir = evalDataset('pagila');
const suite = server && pagilaDir ? describe : describe.skip;

suite(!server ? MISSING_PG : !pagilaDir ? `docs lint of Pagila ${evalMissing('pagila')}` : 'docs lint of Pagila', () => {
  let snapshot: SchemaSnapshot;

  beforeAll(async () => {
    const url = await createPgDatabase(server!, 'docspagila');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await runDump(client, await readFile(join(pagilaDir!, 'pagila-schema.sql'), 'utf8'));
      await client.query("COMMENT ON TABLE public.film IS 'A film in the catalogue'");
    } finally {
      await client.end();
    }
    const conn = await postgresDriver.connect(parseConnectionUrl(url));
    try {
      snapshot = await conn.introspect();
    } finally {
      await conn.close();
    }
  }, 120_000);

  it('finds the unindexed foreign keys and nothing spurious', () => {
    const bundle = buildBundle({ snapshot, descriptions: new Map([['public.actor', 'People who act in films'], ['public.nope', 'orphan']]) });
    const of = (rule: string) => bundle.lint.filter((f) => f.rule === rule).map((f) => f.target);
    // inventory's only index on film_id is (store_id, film_id): it cannot serve the key.
    expect(of('fk-without-index')).toEqual(expect.arrayContaining(['public.inventory.film_id', 'public.rental.customer_id', 'public.film_category.category_id']));
    expect(of('fk-without-index')).not.toContain('public.film_actor.actor_id');
    expect(of('no-primary-key')).toEqual([]);
    expect(of('inconsistent-naming')).toEqual([]);
    expect(of('undocumented-table')).not.toContain('public.film');
    expect(of('undocumented-table')).not.toContain('public.actor');
    expect(bundle.coverage.tables.documented).toBe(2);
    expect(bundle.orphans.map((o) => o.target)).toEqual(['public.nope']);
  });

  it('a snapshot diffed against itself has no changes', () => {
    expect(diffSnapshots(snapshot, structuredClone(snapshot)).changes).toEqual([]);
  });
});
