import { describe, expect, it } from 'vitest';
import { describeTarget, formatConnectionUrl, parseConnectionUrl } from './connection';

describe('parseConnectionUrl', () => {
  it('reads PostgreSQL URLs with credentials, port, database and sslmode', () => {
    const p = parseConnectionUrl('postgresql://al%40ice:s%3Acret@db.example.com:6543/sales?sslmode=require&application_name=qg');
    expect(p).toMatchObject({ engine: 'postgres', host: 'db.example.com', port: 6543, user: 'al@ice', password: 's:cret', database: 'sales', ssl: { mode: 'require' }, options: { application_name: 'qg' } });
  });
  it('fills default ports and maps mariadb/sqlserver schemes', () => {
    expect(parseConnectionUrl('mariadb://root@127.0.0.1/shop')).toMatchObject({ engine: 'mysql', port: 3306 });
    expect(parseConnectionUrl('sqlserver://sa@host/db')).toMatchObject({ engine: 'mssql', port: 1433 });
  });
  it('treats paths and sqlite: URLs as SQLite files', () => {
    expect(parseConnectionUrl('/tmp/a.db')).toEqual({ engine: 'sqlite', filePath: '/tmp/a.db' });
    expect(parseConnectionUrl('sqlite:///abs/path.db')).toEqual({ engine: 'sqlite', filePath: '/abs/path.db' });
    expect(parseConnectionUrl('sqlite:///abs/path.db?readonly=true')).toEqual({ engine: 'sqlite', filePath: '/abs/path.db', readOnly: true });
    expect(parseConnectionUrl('./rel.sqlite')).toEqual({ engine: 'sqlite', filePath: './rel.sqlite' });
  });
  it('refuses unknown schemes and sslmodes with advice', () => {
    expect(() => parseConnectionUrl('oracle://x')).toThrow(/Unknown URL scheme "oracle:"/);
    expect(() => parseConnectionUrl('postgres://x/db?sslmode=sometimes')).toThrow(/sslmode/);
  });
  it('never prints the password when formatting or describing', () => {
    const p = parseConnectionUrl('postgres://bob:hunter2@h/db');
    expect(formatConnectionUrl(p)).toBe('postgres://bob@h/db');
    expect(describeTarget(p)).not.toContain('hunter2');
  });

  it('round-trips every engine, with odd characters in user and password', () => {
    const odd = ['p@ss:w/rd%', 'ünïcødé ✓ 密码', "quote'\"back\\slash", '#hash?query&amp=1'];
    for (const engine of ['postgres', 'mysql', 'mssql'] as const) {
      for (const password of odd) {
        const p = { engine, host: 'db.example.com', port: 6000, user: 'us@er:x', password, database: 'my db/1', ssl: { mode: 'verify-full' as const, ca: '/etc/ca.pem' }, readOnly: true, statementTimeoutMs: 5000, options: { application_name: 'qg test' } };
        expect(parseConnectionUrl(formatConnectionUrl(p, { includePassword: true }))).toEqual(p);
        expect(formatConnectionUrl(p)).not.toContain(encodeURIComponent(password));
      }
    }
    const lite = { engine: 'sqlite' as const, filePath: '/tmp/my data/ü?.db', readOnly: true };
    expect(parseConnectionUrl(formatConnectionUrl(lite))).toEqual(lite);
  });
  it('reads IPv6 hosts', () => {
    expect(parseConnectionUrl('postgres://u@[::1]:5433/d')).toMatchObject({ host: '::1', port: 5433 });
    expect(formatConnectionUrl(parseConnectionUrl('postgres://u@[::1]:5433/d'))).toBe('postgres://u@[::1]:5433/d');
  });
});
