import { describe, expect, it } from 'vitest';
import { computeCoverage } from './coverage';
import { col, snapshot, table } from './snapshotBuilder';

describe('documentation coverage', () => {
  const snap = snapshot({
    public: [
      table('film', [col('id'), col('title', 'text', { comment: 'The title' }), col('rating', 'text')], { comment: 'Films' }),
      table('actor', [col('id'), col('name', 'text')]),
    ],
  });

  it('counts a table or column as documented when it has a database comment or a description', () => {
    const cov = computeCoverage(snap, new Map([['public.actor', 'People in films'], ['public.actor.name', 'Full name'], ['public.film.rating', '  ']]));
    expect(cov.tables).toEqual({ documented: 2, total: 2 });
    // film.title by comment, actor.name by description; a blank description does not count.
    expect(cov.columns).toEqual({ documented: 2, total: 5 });
    expect(cov.ratio).toBeCloseTo(4 / 7);
  });

  it('accepts descriptions as a record and is 0 on an empty schema', () => {
    expect(computeCoverage(snap, { 'public.film.id': 'Key' }).columns.documented).toBe(2);
    expect(computeCoverage(snapshot({ public: [] }), {}).ratio).toBe(0);
  });
});
