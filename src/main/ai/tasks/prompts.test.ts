import { describe, expect, it } from 'vitest';
import { askPrompt, describePrompt, DIALECT_RULES, explainPrompt, fixPrompt, optimisePrompt, renderPlanText, repairMessages } from './prompts';

const base = {
  engine: 'postgres' as const,
  schema: 'public.customer(customer_id integer PK, email text)',
  examples: [{ text: 'how many customers', sql: 'SELECT count(*) FROM customer' }],
  glossary: ['churned: active = false'],
};

describe('prompts', () => {
  it('puts the schema first, as a cacheable block, then rules, examples, glossary, turns, the task', () => {
    const turns = [{ role: 'user' as const, content: 'earlier question' }, { role: 'assistant' as const, content: '```sql\nSELECT 1\n```' }];
    const m = askPrompt({ ...base, turns }, 'list churned customers');
    expect(m[0]).toMatchObject({ role: 'system', cacheable: true });
    expect(m[0].content).toContain(base.schema);
    expect(m.slice(1).some((x) => x.cacheable)).toBe(false);
    const guide = m[1].content;
    const order = ['PostgreSQL rules', 'how many customers', 'churned: active = false', '```sql fenced block'].map((s) => guide.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(m.slice(2, 4)).toEqual(turns);
    expect(m.at(-1)).toEqual({ role: 'user', content: 'list churned customers' });
  });

  it('keeps the cacheable schema block identical across questions and tasks', () => {
    const a = askPrompt(base, 'one')[0];
    const b = askPrompt(base, 'two')[0];
    const c = explainPrompt(base, 'SELECT 1')[0];
    expect(a).toEqual(b);
    expect(a).toEqual(c);
  });

  it('has rules for every engine', () => {
    expect(askPrompt({ ...base, engine: 'mssql' }, 'q')[1].content).toContain('TOP');
    expect(askPrompt({ ...base, engine: 'sqlite' }, 'q')[1].content).toContain('strftime');
    expect(Object.keys(DIALECT_RULES).sort()).toEqual(['mssql', 'mysql', 'postgres', 'sqlite']);
  });

  it('sends the real error in fix and repair prompts', () => {
    expect(fixPrompt(base, 'SELECT emial FROM customer', 'column "emial" does not exist').at(-1)!.content).toContain('column "emial" does not exist');
    const r = repairMessages('```sql\nSELECT x\n```', ['Column "x" does not exist.']);
    expect(r[0]).toEqual({ role: 'assistant', content: '```sql\nSELECT x\n```' });
    expect(r[1].content).toContain('- Column "x" does not exist.');
  });

  it('asks for explain sections, includes allowed rows, renders the plan for optimise', () => {
    const e = explainPrompt(base, 'SELECT 1', { columns: ['a'], rows: [[1]] });
    expect(e[1].content).toContain('## TL;DR');
    expect(e.at(-1)!.content).toContain('| a |');
    const plan = { op: 'Hash Join', cost: 10, children: [{ op: 'Seq Scan', relation: 'orders', estimatedRows: 1000, children: [] }] };
    expect(renderPlanText(plan)).toBe('Hash Join (cost 10)\n  -> Seq Scan (on orders, rows≈1000)');
    expect(optimisePrompt(base, 'SELECT 1', plan).at(-1)!.content).toContain('-> Seq Scan (on orders');
  });

  it('asks describe for JSON over the listed columns', () => {
    const d = describePrompt(base, 'public.customer', ['customer_id', 'email']);
    expect(d[1].content).toContain('JSON');
    expect(d.at(-1)!.content).toContain('customer_id, email');
  });
});
