import { describe, expect, it } from 'vitest';
import { exportSummary, importSummary, passphraseError } from './transferModel';

describe('import/export model', () => {
  it('accepts no passphrase or one of 8+ characters', () => {
    expect(passphraseError('')).toBeNull();
    expect(passphraseError('12345678')).toBeNull();
    expect(passphraseError('short')).toMatch(/at least 8 characters/);
  });

  it('says where the file went and whether it holds passwords', () => {
    expect(exportSummary({ path: '/x/c.json', count: 1, withSecrets: false })).toBe(
      'Exported 1 connection to /x/c.json (without passwords).',
    );
    expect(exportSummary({ path: '/x/c.json', count: 2, withSecrets: true })).toMatch(
      /2 connections .*passwords included, encrypted/,
    );
  });

  it('names what was imported', () => {
    expect(importSummary({ imported: ['a', 'b (2)'], secretsImported: true })).toBe(
      'Imported: a, b (2) (with passwords).',
    );
    expect(importSummary({ imported: [], secretsImported: false })).toMatch(/no connections/);
  });
});
