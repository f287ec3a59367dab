import { describe, expect, it } from 'vitest';
import { describeSql, planCopy } from './copyPlan';

describe('planCopy', () => {
  it('copies a plain query as is, inside newlines so a trailing comment stays harmless', () => {
    const plan = planCopy('SELECT a FROM t -- note', [{ name: 'a', type: 'int4' }]);
    expect(plan).toEqual({ copySql: 'COPY (\nSELECT a FROM t -- note\n) TO STDOUT WITH (FORMAT csv, HEADER true)', rewritten: [] });
    expect(describeSql('SELECT 1 -- x')).toBe('SELECT * FROM (\nSELECT 1 -- x\n) AS qg_describe LIMIT 0');
  });

  it('rewrites bool and bytea by position, keeping the original (even duplicate, quoted) names', () => {
    const plan = planCopy('SELECT …', [
      { name: 'id', type: 'int8' },
      { name: 'ok', type: 'bool' },
      { name: 'we"ird', type: 'bytea' },
      { name: 'id', type: 'text' },
    ]);
    if (!('copySql' in plan)) throw new Error(plan.reason);
    expect(plan.rewritten).toEqual(['ok', 'we"ird']);
    expect(plan.copySql).toContain(`CASE WHEN qg_c2 THEN 'true' WHEN NOT qg_c2 THEN 'false' END AS "ok"`);
    expect(plan.copySql).toContain(`encode(qg_c3, 'hex') AS "we""ird"`);
    expect(plan.copySql).toContain('qg_c1 AS "id"');
    expect(plan.copySql).toContain('qg_c4 AS "id"');
    expect(plan.copySql).toContain('AS qg_t(qg_c1, qg_c2, qg_c3, qg_c4)');
  });

  it('refuses float columns and column-less results, saying which', () => {
    expect(planCopy('SELECT …', [{ name: 'x', type: 'float8' }, { name: 'y', type: 'float8[]' }])).toEqual({ reason: 'column(s) x (float8) would print differently from COPY' });
    expect(planCopy('SELECT FROM t', [])).toHaveProperty('reason');
  });
});
