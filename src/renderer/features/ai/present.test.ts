import { describe, expect, it } from 'vitest';
import { formatCost, formatTokens, validationOf } from './present';

const rw = { readOnly: false, prod: false };
const base = { valid: true, refused: false, write: false, destructive: null, problems: [], sql: 'SELECT 1' };

describe('validationOf', () => {
  it('says validated for a valid read', () => {
    expect(validationOf(base, rw)).toEqual({ tone: 'ok', label: 'Validated with EXPLAIN' });
  });
  it('puts refusal first, then missing SQL, then problems, then writes', () => {
    expect(validationOf({ ...base, refused: true, valid: false }, rw).label).toBe('Refused: read-only connection');
    expect(validationOf({ ...base, write: true }, { readOnly: true, prod: false }).label).toBe('Refused: read-only connection');
    expect(validationOf({ ...base, sql: '' }, rw).tone).toBe('error');
    expect(validationOf({ ...base, valid: false, problems: [{ message: 'x', suggestions: [] }] }, rw).label).toBe('Not validated: 1 problem');
    expect(validationOf({ ...base, write: true }, { readOnly: false, prod: true })).toEqual({ tone: 'warn', label: 'Validated · write statement — needs confirmation' });
    expect(validationOf({ ...base, write: true }, rw).label).toBe('Validated · write statement — changes data when run');
    expect(validationOf({ ...base, write: true, destructive: 'delete-without-where' }, rw).label).toBe('Validated · delete without where — needs confirmation');
  });
});

describe('figures', () => {
  it('formats tokens and cost readably', () => {
    expect(formatTokens(38)).toBe('38');
    expect(formatTokens(1234)).toBe('1.2k');
    expect(formatTokens(45_600)).toBe('46k');
    expect(formatCost(0)).toBe('$0');
    expect(formatCost(0.00003)).toBe('<$0.0001');
    expect(formatCost(0.0042)).toBe('$0.0042');
    expect(formatCost(0.123)).toBe('$0.123');
    expect(formatCost(2.5)).toBe('$2.50');
  });
});
