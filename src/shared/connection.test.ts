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
});
