import { describe, expect, it } from 'vitest';
import { bullets, extractSql, indexStatements, oneLine, parseExplainReply, parseJsonLoose } from './extract';

describe('extractSql', () => {
  it('takes the ```sql block and keeps the prose', () => {
    const r = extractSql('Here you go:\n```sql\nSELECT 1;\n```\nCounts one thing.');
    expect(r.sql).toBe('SELECT 1');
    expect(oneLine(r.prose)).toBe('Counts one thing.');
    expect(oneLine(extractSql('Counts:\n```sql\nSELECT 1\n```').prose)).toBe('Counts:');
    expect(oneLine('## What changed\n- Renamed nme to name.')).toBe('Renamed nme to name.');
    expect(oneLine('**Changes:**\nAdded the join.')).toBe('Added the join.');
  });

  it('prefers the sql block over other fences', () => {
    const r = extractSql('```text\nnot this\n```\n```postgresql\nSELECT a FROM t\n```');
    expect(r.sql).toBe('SELECT a FROM t');
  });

  it('takes an unlabelled fence that looks like SQL', () => {
    expect(extractSql('```\nwith x as (select 1) select * from x\n```').sql).toBe('with x as (select 1) select * from x');
  });

  it('takes the whole reply when it is SQL, splitting off a trailing explanation', () => {
    expect(extractSql('SELECT * FROM t').sql).toBe('SELECT * FROM t');
    const r = extractSql('SELECT * FROM t;\n\nLists everything.');
    expect(r.sql).toBe('SELECT * FROM t');
    expect(r.prose).toBe('Lists everything.');
  });

  it('reads an unterminated fence (a cut stream)', () => {
    expect(extractSql('```sql\nSELECT 2 FROM t').sql).toBe('SELECT 2 FROM t');
  });

  it('returns null when there is no SQL', () => {
    expect(extractSql('I cannot answer that.').sql).toBeNull();
  });
});

describe('explain sections', () => {
  it('parses the three layers from Markdown headings', () => {
    const s = parseExplainReply(
      '## TL;DR\nCounts orders per customer.\n## Plain explanation\nIt groups orders.\n## Joins\n- orders → customer\n## Filters\nOnly active.\n## Performance\nSeq scan on orders.',
    );
    expect(s.tldr).toBe('Counts orders per customer.');
    expect(s.plain).toBe('It groups orders.');
    expect(s.detail.joins).toContain('orders → customer');
    expect(s.detail.filters).toBe('Only active.');
    expect(s.detail.performance).toContain('Seq scan');
  });

  it('accepts bold labels with inline text', () => {
    const s = parseExplainReply('**TL;DR:** Lists products.\n**Plain explanation:** Reads the product table.\n**Joins:** none');
    expect(s.tldr).toBe('Lists products.');
    expect(s.plain).toBe('Reads the product table.');
    expect(s.detail.joins).toBe('none');
  });

  it('falls back to first line + whole text when there are no headings', () => {
    const s = parseExplainReply('It lists products.\nNothing else.');
    expect(s.tldr).toBe('It lists products.');
    expect(s.plain).toContain('Nothing else.');
  });
});

describe('other readers', () => {
  it('reads bullets and index statements', () => {
    expect(bullets('- a\n- b\n')).toEqual(['a', 'b']);
    expect(indexStatements('Try:\nCREATE INDEX orders_customer ON orders (customer_id);\nand create unique index u on t(a)')).toEqual([
      'CREATE INDEX orders_customer ON orders (customer_id)',
      'create unique index u on t(a)',
    ]);
  });

  it('parses JSON loosely: fenced, with prose and trailing commas', () => {
    expect(parseJsonLoose('Sure!\n```json\n{"table": "x", "columns": {"a": "b",},}\n```')).toEqual({ table: 'x', columns: { a: 'b' } });
    expect(parseJsonLoose('Here: {"a": 1} done')).toEqual({ a: 1 });
    expect(parseJsonLoose('no json')).toBeUndefined();
  });
});
