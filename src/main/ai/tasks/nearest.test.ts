import { describe, expect, it } from 'vitest';
import { editDistance, nameTokens, nearestNames } from './nearest';

describe('nearest names', () => {
  it('measures edit distance', () => {
    expect(editDistance('activ', 'active')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('splits identifiers into tokens', () => {
    expect(nameTokens('customerName')).toEqual(['customer', 'name']);
    expect(nameTokens('first_name')).toEqual(['first', 'name']);
  });

  it('finds typos, reordered tokens and partial names, best first', () => {
    const cols = ['customer_id', 'first_name', 'last_name', 'email', 'active', 'city'];
    expect(nearestNames('activ', cols)[0]).toBe('active');
    expect(nearestNames('name_first', cols)[0]).toBe('first_name');
    expect(nearestNames('emial', cols)[0]).toBe('email');
    expect(nearestNames('zzzzqqq', cols)).toEqual([]);
  });

  it('compares qualified candidates on their last part', () => {
    expect(nearestNames('custmer', ['public.customer', 'public.orders'])).toEqual(['public.customer']);
  });
});
