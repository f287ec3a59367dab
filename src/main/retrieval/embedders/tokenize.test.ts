import { describe, expect, it } from 'vitest';
import { splitIdentifiers, stem, tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits snake_case, camelCase and digits', () => {
    expect(splitIdentifiers('order_items')).toEqual(['order', 'items']);
    expect(splitIdentifiers('CustomerID')).toEqual(['customer', 'id']);
    expect(splitIdentifiers('HTMLParser2')).toEqual(['html', 'parser', '2']);
  });

  it('expands abbreviations so cust_qty meets "customer quantity"', () => {
    expect(tokenize('cust_qty')).toEqual(tokenize('customer quantity'));
    expect(tokenize('order_dt')).toEqual(['order', 'date']);
  });

  it('folds plurals and maps synonyms to one word', () => {
    expect(stem('categories')).toBe('category');
    expect(stem('status')).toBe('status');
    expect(tokenize('clients')).toEqual(tokenize('customer'));
    expect(tokenize('employee wages')).toEqual(['employee', 'salary']);
    expect(tokenize('sex')).toEqual(['gender']);
  });

  it('drops stopwords, bare numbers and single letters but keeps mixed words like A2', () => {
    expect(tokenize('What is the total on 2019/9/14 in A2?')).toEqual(['total', 'a2']);
  });

  it('is not fooled by Object.prototype names', () => {
    expect(tokenize('constructor toString valueOf')).toEqual(['constructor', 'string', 'value']);
  });
});
