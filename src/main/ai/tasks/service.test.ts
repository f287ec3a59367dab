import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { AiTaskService } from './service';
import { fakeTarget, scriptedRouter, shopSnapshot, taskDb } from './testing';
import type { TaskTarget } from './types';

function setup(replies: string[], opts: { readOnly?: boolean; target?: TaskTarget } = {}) {
  const router = scriptedRouter(replies);
  const target = opts.target ?? fakeTarget(shopSnapshot(), { readOnly: opts.readOnly });
  const addExample = vi.fn(async () => undefined);
  const saveDescriptions = vi.fn();
  const events: [string, unknown][] = [];
  const service = new AiTaskService({ router, db: taskDb(), target: () => target, addExample, saveDescriptions, emit: (e, p) => void events.push([e, p]) });
  return { router, target, service, addExample, saveDescriptions, events };
}
const call = { connectionId: 'c1', requestId: 'r1' };
const fenced = (sql: string, line = 'Does it.'): string => `\`\`\`sql\n${sql}\n\`\`\`\n${line}`;

describe('ask', () => {
  it('returns validated SQL with context, usage and streamed tokens in order', async () => {
    const reply = fenced('SELECT c.first_name FROM customer c WHERE c.active', 'Lists active customers.');
    const { service, events, router } = setup([reply]);
    const r = await service.ask({ ...call, question: 'active customers' });
    expect(r).toMatchObject({ valid: true, runnable: true, kind: 'read', repairs: 0, explanation: 'Lists active customers.', tablesUsed: ['public.customer'], provider: 'fake' });
    expect(r.context.tables).toContain('public.customer');
    expect(r.context.examples[0].sql).toBe('SELECT count(*) FROM customer');
    expect(r.tokens).toEqual({ input: 100, output: 10, cached: 0 });
    const streamed = events.filter(([e]) => e === 'ai.token').map(([, p]) => (p as { delta: string }).delta).join('');
    expect(streamed).toBe(reply);
    const phases = events.filter(([e]) => e === 'ai.status').map(([, p]) => (p as { phase: string }).phase);
    expect(phases).toEqual(['context', 'generating', 'validating', 'done']);
    expect(router.requests[0].messages[0].cacheable).toBe(true);
  });

  it('repairs an unknown column, sending the real error and nearest names back', async () => {
    const { service, router } = setup([fenced('SELECT first_name FROM customer WHERE activ'), fenced('SELECT first_name FROM customer WHERE active')]);
    const r = await service.ask({ ...call, question: 'active customers' });
    expect(r).toMatchObject({ valid: true, repairs: 1, sql: 'SELECT first_name FROM customer WHERE active' });
    const repair = router.requests[1].messages;
    expect(repair.at(-2)).toMatchObject({ role: 'assistant' });
    expect(repair.at(-1)!.content).toContain('Column "activ" does not exist');
    expect(repair.at(-1)!.content).toContain('"active"');
    expect(r.tokens.input).toBe(200);
  });

  it('stops after two failed repairs and returns the answer as not valid, with problems', async () => {
    const bad = fenced('SELECT nope FROM customer');
    const { service, router } = setup([bad, bad, bad, bad]);
    const r = await service.ask({ ...call, question: 'q' });
    expect(router.requests).toHaveLength(3);
    expect(r).toMatchObject({ valid: false, runnable: false, repairs: 2 });
    expect(r.problems.some((p) => p.kind === 'column' && p.name === 'nope')).toBe(true);
  });

  it('sends EXPLAIN errors from the engine back as they are', async () => {
    const target = fakeTarget(shopSnapshot(), { explain: async (sql) => { if (sql.includes('/ 0')) throw new AppError('QUERY_ERROR', 'division by zero'); return { raw: null, format: 'rows', plan: { op: 'x', children: [] } }; } });
    const { service, router } = setup([fenced('SELECT 1 / 0 FROM customer'), fenced('SELECT 1 FROM customer')], { target });
    const r = await service.ask({ ...call, question: 'q' });
    expect(r.repairs).toBe(1);
    expect(router.requests[1].messages.at(-1)!.content).toContain('division by zero');
  });

  it('asks again when the reply has no SQL', async () => {
    const { service } = setup(['I think you want customers.', fenced('SELECT * FROM customer')]);
    expect(await service.ask({ ...call, question: 'q' })).toMatchObject({ valid: true, repairs: 1 });
  });

  it('flags writes, and refuses them on a read-only connection', async () => {
    const write = fenced("UPDATE customer SET active = false WHERE customer_id = 1");
    const rw = await setup([write]).service.ask({ ...call, question: 'deactivate 1' });
    expect(rw).toMatchObject({ valid: true, runnable: true, kind: 'write', refused: false });
    expect(rw.problems.some((p) => p.kind === 'write')).toBe(true);
    const ro = await setup([write], { readOnly: true }).service.ask({ ...call, question: 'deactivate 1' });
    expect(ro).toMatchObject({ valid: true, runnable: false, kind: 'write', refused: true });
    const del = await setup([fenced('DELETE FROM orders')]).service.ask({ ...call, question: 'wipe' });
    expect(del.destructive).toBe('delete-without-where');
  });

  it('carries previous turns into a follow-up in the same thread', async () => {
    const { service, router } = setup([fenced('SELECT * FROM customer'), fenced('SELECT * FROM customer WHERE active')]);
    const first = await service.ask({ ...call, question: 'all customers' });
    await service.ask({ ...call, requestId: 'r2', question: 'only active ones', threadId: first.threadId });
    const msgs = router.requests[1].messages;
    expect(msgs.some((m) => m.role === 'user' && m.content === 'all customers')).toBe(true);
    expect(msgs.some((m) => m.role === 'assistant' && m.content.includes('SELECT * FROM customer'))).toBe(true);
    expect(msgs.at(-1)!.content).toBe('only active ones');
    expect(service.threads.get(first.threadId).messages.map((m) => m.question)).toEqual(['all customers', 'only active ones']);
  });

  it('thumbs up adds the pair as a retrieval example once; thumbs down does not', async () => {
    const { service, addExample } = setup([fenced('SELECT * FROM customer'), fenced('SELECT * FROM product')]);
    const a = await service.ask({ ...call, question: 'all customers' });
    const b = await service.ask({ ...call, requestId: 'r2', question: 'all products' });
    expect(await service.feedback(a.answerId, 1)).toEqual({ vote: 1, exampleAdded: true });
    await service.feedback(a.answerId, 1);
    await service.feedback(b.answerId, -1);
    expect(addExample).toHaveBeenCalledTimes(1);
    expect(addExample).toHaveBeenCalledWith('c1', 'all customers', 'SELECT * FROM customer');
    expect(service.threads.get(a.threadId).messages[0].vote).toBe(1);
  });

  it('preview returns exactly the messages a send would use, without sending', async () => {
    const { service, router } = setup([fenced('SELECT 1 FROM customer')]);
    const preview = await service.preview({ connectionId: 'c1', task: 'ask', question: 'how many' });
    expect(router.requests).toHaveLength(0);
    await service.ask({ ...call, question: 'how many' });
    expect(router.requests[0].messages).toEqual(preview.messages);
  });

  it('still answers when retrieval fails, saying why the context is what it is', async () => {
    const target = { ...fakeTarget(shopSnapshot()), context: async () => { throw new Error('index damaged'); } };
    const { service } = setup([fenced('SELECT * FROM customer')], { target });
    const r = await service.ask({ ...call, question: 'q' });
    expect(r.valid).toBe(true);
    expect(r.context.tables).toEqual(['public.customer', 'public.orders', 'public.product']);
    expect(r.context.reasons[0]).toContain('index damaged');
  });

  it('refuses a blocked (remote, local-only) provider before calling it', async () => {
    const router = scriptedRouter([], { blocked: ['openai'] });
    const service = new AiTaskService({ router, db: taskDb(), target: () => fakeTarget(shopSnapshot()), addExample: async () => undefined, saveDescriptions: () => undefined });
    await expect(service.ask({ ...call, question: 'q', provider: 'openai' })).rejects.toMatchObject({ code: 'AI_LOCAL_ONLY' });
    expect(router.requests).toHaveLength(0);
  });
});

describe('other tasks', () => {
  it('fix returns corrected SQL and what changed', async () => {
    const { service, router } = setup([fenced('SELECT email FROM customer', 'What changed: emial → email.')]);
    const r = await service.fix({ ...call, sql: 'SELECT emial FROM customer', error: 'column "emial" does not exist' });
    expect(r).toMatchObject({ valid: true, sql: 'SELECT email FROM customer', changes: 'emial → email.' });
    expect(router.requests[0].messages.at(-1)!.content).toContain('column "emial" does not exist');
  });

  it('explain returns three layers', async () => {
    const { service } = setup(['## TL;DR\nLists customers.\n## Plain explanation\nReads customer.\n## Joins\nnone\n## Filters\nnone\n## Performance\nfull scan']);
    const r = await service.explain({ ...call, sql: 'SELECT * FROM customer' });
    expect(r).toMatchObject({ tldr: 'Lists customers.', plain: 'Reads customer.', detail: { performance: 'full scan' } });
  });

  it('optimise sends the plan and validates the rewrite', async () => {
    const target = fakeTarget(shopSnapshot(), { explain: async () => ({ raw: null, format: 'json', plan: { op: 'Seq Scan', relation: 'orders', estimatedRows: 5000, children: [] } }) });
    const { service, router } = setup(['## Findings\n- Seq scan on orders\n## Rewritten SQL\n```sql\nSELECT order_id FROM orders WHERE customer_id = 1\n```\n## Index suggestions\nCREATE INDEX orders_customer_id ON orders (customer_id);'], { target });
    const r = await service.optimise({ ...call, sql: 'SELECT * FROM orders WHERE customer_id = 1' });
    expect(router.requests[0].messages.at(-1)!.content).toContain('Seq Scan (on orders, rows≈5000)');
    expect(r.findings).toEqual(['Seq scan on orders']);
    expect(r.rewrite).toMatchObject({ valid: true, sql: 'SELECT order_id FROM orders WHERE customer_id = 1' });
    expect(r.indexSuggestions).toEqual(['CREATE INDEX orders_customer_id ON orders (customer_id)']);
  });

  it('describe drafts for review; saving happens only on accept', async () => {
    const { service, saveDescriptions } = setup(['```json\n{"table": "People who buy.", "columns": {"email": "Contact address.", "ghost": "x", "ACTIVE": "Still buying."}}\n```']);
    const d = await service.describe({ ...call, table: 'customer' });
    expect(d.table).toBe('public.customer');
    expect(d.entries).toEqual([
      { target: 'public.customer', text: 'People who buy.', existing: 'People who bought something.' },
      { target: 'public.customer.email', text: 'Contact address.', existing: null },
      { target: 'public.customer.active', text: 'Still buying.', existing: null },
    ]);
    expect(d.dropped).toEqual(['ghost']);
    expect(saveDescriptions).not.toHaveBeenCalled();
    expect(service.acceptDescriptions('c1', d.entries.slice(0, 1))).toEqual({ saved: 1 });
    expect(saveDescriptions).toHaveBeenCalledWith('c1', [{ target: 'public.customer', text: 'People who buy.' }]);
  });
});
