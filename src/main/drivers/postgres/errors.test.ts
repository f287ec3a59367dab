import { describe, expect, it } from 'vitest';
import { mapPgError } from './errors';
import { normalise } from './explain';

describe('PostgreSQL error mapping', () => {
  const params = {
    engine: 'postgres' as const,
    host: 'db',
    port: 5432,
    user: 'u',
    password: 'hunter2',
  };

  it('maps SQLSTATEs and socket errors to stable codes', () => {
    expect(
      mapPgError(
        { code: '28P01', message: 'password authentication failed for user "u"' },
        { params },
      ).code,
    ).toBe('AUTH_FAILED');
    expect(
      mapPgError(
        {
          code: '28000',
          message: 'no pg_hba.conf entry for host "1.2.3.4", user "u", database "d", no encryption',
        },
        { params },
      ).code,
    ).toBe('TLS_REQUIRED');
    expect(mapPgError({ code: '3D000', message: 'database "x" does not exist' }).code).toBe(
      'UNKNOWN_DATABASE',
    );
    expect(
      mapPgError({ code: '57014', message: 'canceling statement due to statement timeout' }).code,
    ).toBe('TIMEOUT');
    expect(
      mapPgError({ code: '57014', message: 'canceling statement due to user request' }).code,
    ).toBe('QUERY_CANCELLED');
    expect(
      mapPgError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND db' }, { params }).code,
    ).toBe('HOST_NOT_FOUND');
    expect(
      mapPgError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, { params }).code,
    ).toBe('CONNECTION_REFUSED');
  });

  it('gives a syntax error its 0-based offset, line and column in the statement', () => {
    const err = mapPgError(
      { code: '42601', message: 'syntax error at or near "FROM"', position: '12' },
      { sql: 'SELECT a,\n  FROM t' },
    );
    expect(err.code).toBe('SYNTAX_ERROR');
    expect(err.detail?.position).toEqual({ line: 2, column: 2, offset: 11 });
  });

  it('never echoes the password, even when a library put it in a message', () => {
    const err = mapPgError(new Error('connect to postgres://u:hunter2@db failed'), { params });
    expect(JSON.stringify({ m: err.message, d: err.detail })).not.toContain('hunter2');
  });
});

describe('PostgreSQL plan normalisation', () => {
  it('maps node type, relation, rows, cost and time, keeping the rest as detail', () => {
    const plan = normalise({
      'Node Type': 'Hash Join',
      'Total Cost': 12.5,
      'Plan Rows': 10,
      'Actual Rows': 8,
      'Actual Total Time': 0.42,
      'Hash Cond': '(a.id = b.a_id)',
      Plans: [
        {
          'Node Type': 'Seq Scan',
          'Relation Name': 'a',
          Schema: 'public',
          'Plan Rows': 100,
          'Total Cost': 3,
        },
      ],
    });
    expect(plan).toMatchObject({
      op: 'Hash Join',
      cost: 12.5,
      estimatedRows: 10,
      actualRows: 8,
      timeMs: 0.42,
      detail: { 'Hash Cond': '(a.id = b.a_id)' },
    });
    expect(plan.children[0]).toMatchObject({
      op: 'Seq Scan',
      relation: 'public.a',
      estimatedRows: 100,
      cost: 3,
    });
  });
});
