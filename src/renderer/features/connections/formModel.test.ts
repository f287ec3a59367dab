import { describe, expect, it } from 'vitest';
import type { ConnectionDetail } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import {
  applyUrl,
  changeEngine,
  emptyForm,
  formFromDetail,
  formUrl,
  isValid,
  portPlaceholder,
  toSaveArgs,
  validateForm,
  type ConnectionForm,
} from './formModel';
import { passwordPlaceholder, testFailureText, testSuccessText } from './dialogText';

const detail: ConnectionDetail = {
  id: 'c1',
  name: 'Analytics',
  engine: 'postgres',
  target: 'postgres ro@db:6543/analytics',
  readOnly: true,
  color: '#d1303f',
  environment: 'prod',
  hasSecret: true,
  isDemo: false,
  params: {
    engine: 'postgres',
    host: 'db',
    port: 6543,
    database: 'analytics',
    user: 'ro',
    ssl: { mode: 'verify-full', ca: '/etc/ca.pem' },
    defaultSchema: 'sales',
    statementTimeoutMs: 30_000,
    options: { application_name: 'qg' },
  },
  url: 'postgres://ro@db:6543/analytics',
};

function pasted(url: string, form: ConnectionForm = emptyForm()): ConnectionForm {
  const r = applyUrl(form, url);
  if (!r.ok) throw new Error(r.error);
  return r.form;
}

describe('connection form model', () => {
  it('round-trips a saved profile through the form without touching its password', () => {
    const form = formFromDetail(detail);
    expect(form).toMatchObject({ port: '6543', sslMode: 'verify-full', timeoutSeconds: '30' });
    const args = toSaveArgs(form);
    // The saved params come back as they were (the engine travels beside them, not inside).
    const { engine: _engine, ...savedParams } = detail.params;
    expect(args).toEqual({
      id: 'c1',
      name: 'Analytics',
      engine: 'postgres',
      params: savedParams,
      color: '#d1303f',
      environment: 'prod',
      readOnly: true,
      // No tunnel: no SSH secret is kept for it.
      sshPassword: null,
      sshPassphrase: null,
    });
    expect('password' in args).toBe(false);
  });

  it('sends a typed password, and null only when the user forgets it', () => {
    const form = formFromDetail(detail);
    expect(toSaveArgs({ ...form, password: 'p@ss' }).password).toBe('p@ss');
    expect(toSaveArgs({ ...form, forgetPassword: true }).password).toBeNull();
    expect(passwordPlaceholder(form, 'OS keychain')).toBe('•••• saved in keychain');
    expect(passwordPlaceholder({ ...form, hasSecret: false }, 'OS keychain')).toBe('Password');
  });

  it('fills every field from a pasted URL, password and SSL included', () => {
    const form = pasted(
      'postgresql://app%40corp:p%3Aw%2Fd@db.example.com:6543/shop?sslmode=require&statement_timeout=5000',
    );
    expect(form).toMatchObject({
      name: 'shop @ db.example.com',
      engine: 'postgres',
      host: 'db.example.com',
      port: '6543',
      database: 'shop',
      user: 'app@corp',
      password: 'p:w/d',
      sslMode: 'require',
      timeoutSeconds: '5',
    });
    expect(toSaveArgs(form).password).toBe('p:w/d');
  });

  it('keeps a typed name, colour and tag when a URL is pasted, and switches engine', () => {
    const start = { ...emptyForm(), name: 'Mine', color: '#1d8a4d', environment: 'dev' as const };
    const form = pasted('mariadb://root@127.0.0.1/app', start);
    expect(form).toMatchObject({ name: 'Mine', engine: 'mysql', port: '3306', color: '#1d8a4d' });
    expect(pasted('/data/app.db')).toMatchObject({
      engine: 'sqlite',
      filePath: '/data/app.db',
      name: 'app.db',
    });
  });

  it('explains a URL it cannot read', () => {
    const r = applyUrl(emptyForm(), 'redis://localhost');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/Unknown URL scheme "redis:"/);
    expect(applyUrl(emptyForm(), 'postgres://x?sslmode=bogus').ok).toBe(false);
  });

  it('copies a URL without the password', () => {
    const form = pasted('postgres://u:secret@h:5433/d?sslmode=require');
    const url = formUrl(form);
    expect(url).toBe('postgres://u@h:5433/d?sslmode=require');
    expect(url).not.toContain('secret');
  });

  it('requires a name, a host for servers and a file for SQLite', () => {
    expect(validateForm({ ...emptyForm(), host: '' })).toEqual({
      name: 'Give the connection a name.',
      host: 'Enter the server host (e.g. localhost).',
    });
    expect(validateForm({ ...emptyForm('sqlite'), name: 'x' })).toEqual({
      filePath: 'Enter the path of the SQLite database file.',
    });
    const bad = validateForm({ ...emptyForm(), name: 'x', port: '70000', timeoutSeconds: 'soon' });
    expect(Object.keys(bad).sort()).toEqual(['port', 'timeout']);
    expect(isValid(validateForm({ ...emptyForm(), name: 'x' }))).toBe(true);
  });

  it('leaves server fields out of a SQLite profile and offers each engine its default port', () => {
    const form = {
      ...changeEngine({ ...emptyForm(), port: '5432' }, 'sqlite'),
      name: 'f',
      filePath: '/tmp/a.db',
    };
    expect(toSaveArgs(form).params).toEqual({ filePath: '/tmp/a.db' });
    expect(changeEngine({ ...emptyForm(), port: '5432' }, 'mysql').port).toBe('');
    expect(changeEngine({ ...emptyForm(), port: '6000' }, 'mysql').port).toBe('6000');
    expect(portPlaceholder('mssql')).toBe('1433');
  });

  it('reports a test as version and latency, or as a coded error', () => {
    expect(testSuccessText({ serverVersion: 'PostgreSQL 17.1', latencyMs: 12.4 })).toBe(
      'Connected: PostgreSQL 17.1 · 12 ms',
    );
    expect(testFailureText(new AppError('AUTH_FAILED', 'Wrong password for "app".'))).toBe(
      'AUTH_FAILED: Wrong password for "app".',
    );
  });
});
