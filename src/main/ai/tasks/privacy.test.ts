import { describe, expect, it } from 'vitest';
import { allowedResultRows, buildSchemaBlock, defaultPrivacy, exampleForPrompt, detectPii, piiReason, PrivacyStore, sampleableColumns } from './privacy';
import { shopSnapshot, snapshotOf, table, taskDb } from './testing';

describe('PII detection', () => {
  it('flags personal columns by name', () => {
    for (const [t, c] of [
      ['customer', 'email'], ['users', 'EmailAddress'], ['x', 'phone_number'], ['x', 'mobile'], ['x', 'first_name'], ['x', 'lastName'],
      ['x', 'full_name'], ['x', 'street'], ['x', 'zip_code'], ['x', 'postal_code'], ['x', 'address2'], ['x', 'birth_date'], ['x', 'dob'],
      ['x', 'ssn'], ['x', 'national_id'], ['x', 'passport_no'], ['x', 'card_number'], ['x', 'iban'], ['x', 'account_number'], ['customer', 'name'],
    ]) expect(piiReason(t, c), `${t}.${c}`).not.toBeNull();
  });

  it('does not flag ordinary columns', () => {
    for (const [t, c] of [['product', 'name'], ['orders', 'status'], ['orders', 'total'], ['x', 'created_at'], ['x', 'scorecard'], ['x', 'category_id']])
      expect(piiReason(t, c), `${t}.${c}`).toBeNull();
  });

  it('flags network-address types', () => {
    expect(piiReason('log', 'client', 'inet')).not.toBeNull();
  });

  it('lists every personal column of a snapshot', () => {
    const cols = detectPii(shopSnapshot()).map((p) => p.column);
    expect(cols).toEqual(['public.customer.first_name', 'public.customer.last_name', 'public.customer.email']);
  });
});

describe('what leaves the machine', () => {
  const snap = shopSnapshot();
  const samples = new Map([
    ['public.customer.email', ['ann@example.com']],
    ['public.customer.city', ['Lisbon', 'Oslo']],
    ['public.orders.status', ['shipped', 'returned']],
  ]);
  const tables = ['public.customer', 'public.orders'];

  it('by default: names, types, keys, comments, descriptions — never values, even when given', () => {
    const text = buildSchemaBlock({ snapshot: snap, tables, settings: defaultPrivacy('c1'), descriptions: new Map([['public.orders.status', 'Where the order is.']]), samples });
    expect(text).toContain('public.customer(customer_id integer PK');
    expect(text).toContain('customer_id integer → customer.customer_id');
    expect(text).toContain('Where the order is.');
    for (const v of ['ann@example.com', 'Lisbon', 'shipped']) expect(text).not.toContain(v);
    expect(sampleableColumns(defaultPrivacy('c1'), snap, tables)).toEqual([]);
  });

  it('with sample values on: values of ordinary columns, never of personal ones', () => {
    const settings = { ...defaultPrivacy('c1'), allowSampleValues: true };
    const text = buildSchemaBlock({ snapshot: snap, tables, settings, descriptions: new Map(), samples });
    expect(text).toContain("'Lisbon'");
    expect(text).toContain("'shipped'");
    expect(text).not.toContain('ann@example.com');
    expect(sampleableColumns(settings, snap, tables)).not.toContain('public.customer.email');
    expect(sampleableColumns(settings, snap, tables)).toContain('public.orders.status');
  });

  it('per-column overrides: allow a personal column, deny an ordinary one', () => {
    const settings = { ...defaultPrivacy('c1'), allowSampleValues: true, columns: { 'public.customer.email': 'allow' as const, 'public.customer.city': 'deny' as const } };
    const text = buildSchemaBlock({ snapshot: snap, tables, settings, descriptions: new Map(), samples });
    expect(text).toContain('ann@example.com');
    expect(text).not.toContain('Lisbon');
  });

  it('result rows only when allowed, without personal columns', () => {
    const data = { columns: ['email', 'city', 'total'], rows: [['ann@example.com', 'Oslo', 3]] };
    expect(allowedResultRows(defaultPrivacy('c1'), data)).toBeNull();
    const on = allowedResultRows({ ...defaultPrivacy('c1'), allowResultRows: true }, data);
    expect(on).toEqual({ columns: ['city', 'total'], rows: [['Oslo', 3]] });
  });

  it("masks string literals of example queries unless sample values are allowed", () => {
    const ex = { text: 'orders of ann', sql: "SELECT * FROM customer WHERE email = 'ann@example.com' AND name = 'O''Brien' AND id = 3" };
    expect(exampleForPrompt(defaultPrivacy('c1'), ex).sql).toBe("SELECT * FROM customer WHERE email = '…' AND name = '…' AND id = 3");
    expect(exampleForPrompt({ ...defaultPrivacy('c1'), allowSampleValues: true }, ex)).toEqual(ex);
  });

  it('keeps settings per connection', () => {
    const store = new PrivacyStore(taskDb(['c1', 'c2']));
    expect(store.get('c1')).toEqual(defaultPrivacy('c1'));
    store.save({ connectionId: 'c1', allowSampleValues: true, allowResultRows: false, columns: { 'a.b.c': 'allow' } });
    expect(store.get('c1')).toMatchObject({ allowSampleValues: true, columns: { 'a.b.c': 'allow' } });
    expect(store.get('c2').allowSampleValues).toBe(false);
  });

  it('works for tables in other schemas', () => {
    const s = snapshotOf('postgres', 'sales', [table('people', ['id integer', 'name text'])]);
    expect(detectPii(s)).toEqual([{ column: 'sales.people.name', reason: 'personal name' }]);
  });
});
