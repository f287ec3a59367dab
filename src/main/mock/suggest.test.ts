import { describe, expect, it } from 'vitest';
import type { TableInfo } from '../../shared/schema';
import { checkSuggestions, suggestionPrompt } from './suggest';

const customers = {
  name: 'customers',
  kind: 'table',
  comment: null,
  rowEstimate: null,
  primaryKey: ['id'],
  foreignKeys: [],
  indexes: [],
  constraints: [],
  columns: [
    { name: 'id', dataType: 'integer', nullable: false, default: null, comment: null, ordinal: 1 },
    { name: 'mail', dataType: 'text', nullable: false, default: null, comment: 'contact address', ordinal: 2 },
    { name: 'town', dataType: 'text', nullable: true, default: null, comment: null, ordinal: 3 },
    { name: 'mail_len', dataType: 'integer', nullable: true, default: null, comment: null, ordinal: 4, generated: 'virtual' },
  ],
} as unknown as TableInfo;
const tables = [{ name: 'customers', table: customers }];

describe('AI generator suggestions', () => {
  it('puts the schema first (cacheable), without values, and lists the allowed generators', () => {
    const [schema, task] = suggestionPrompt(tables);
    expect(schema).toMatchObject({ role: 'system', cacheable: true });
    expect(schema!.content).toContain('customers(id integer, mail text -- contact address, town text)');
    expect(schema!.content).not.toContain('mail_len');
    expect(task!.content).toContain('email');
  });

  it('keeps suggestions for real columns and known generators only', () => {
    const reply = '```json\n{"suggestions":[{"table":"customers","column":"mail","generator":"email","reason":"an address"},' +
      '{"table":"customers","column":"town","generator":"city"},{"table":"customers","column":"nope","generator":"city"},' +
      '{"table":"customers","column":"town","generator":"teleport"},{"table":"customers","column":"mail_len","generator":"int"}]}\n```';
    const r = checkSuggestions(reply, tables);
    expect(r.suggestions).toEqual([
      { key: 'customers.mail', generator: 'email', reason: 'an address' },
      { key: 'customers.town', generator: 'city', reason: '' },
    ]);
    expect(r.dropped).toBe(3);
  });

  it('says so when the reply is not JSON', () => {
    expect(() => checkSuggestions('I would use email for mail.', tables)).toThrow(/JSON/);
  });
});
