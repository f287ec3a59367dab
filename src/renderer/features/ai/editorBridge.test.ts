import { describe, expect, it } from 'vitest';
import { insertion } from './editorBridge';

/** Applies an insertion and returns the new document and the inserted SQL as selected. */
function apply(doc: string, from: number, to: number, sql: string): { doc: string; selected: string } {
  const ins = insertion(doc, from, to, sql);
  const next = doc.slice(0, from) + ins.text + doc.slice(to);
  return { doc: next, selected: next.slice(ins.start, ins.end) };
}

describe('insertion', () => {
  it('fills an empty editor with the SQL as is', () => {
    expect(apply('', 0, 0, 'SELECT 1\n')).toEqual({ doc: 'SELECT 1', selected: 'SELECT 1' });
  });
  it('replaces the selection exactly', () => {
    expect(apply('SELECT 1; SELECT 2;', 10, 18, 'SELECT 3')).toEqual({ doc: 'SELECT 1; SELECT 3;', selected: 'SELECT 3' });
  });
  it('keeps a new statement apart from the text around the cursor, terminated', () => {
    const r = apply('SELECT 1;', 9, 9, 'SELECT 2');
    expect(r.doc).toBe('SELECT 1;\n\nSELECT 2;');
    expect(r.selected).toBe('SELECT 2;');
    const mid = apply('SELECT 1;\n\nSELECT 3;', 11, 11, 'SELECT 2');
    expect(mid.doc).toBe('SELECT 1;\n\nSELECT 2;\n\nSELECT 3;');
    expect(mid.selected).toBe('SELECT 2;');
  });
});
