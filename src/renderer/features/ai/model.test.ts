import { describe, expect, it } from 'vitest';
import {
  addChip,
  addTurn,
  chipArgs,
  editsChanged,
  emptyThread,
  failureOf,
  lastAnswer,
  NO_EDITS,
  orderChips,
  shortTableName,
  pickerTables,
  reduceRun,
  reduceThread,
  removeChip,
  runningRequest,
  sqlSnippet,
  startRun,
  statusLabel,
  streamedSql,
  visibleChips,
  type AiRun,
  type AiRunEvent,
} from './model';

type R = { sql: string; threadId?: string };

const feed = (run: AiRun<R> | null, events: AiRunEvent<R>[]) => events.reduce(reduceRun<R>, run);

describe('streaming reducer', () => {
  it('appends tokens in arrival order and keeps the latest status', () => {
    const run = feed(startRun<R>('ask', 'a'), [
      { type: 'status', requestId: 'a', phase: 'context' },
      { type: 'token', requestId: 'a', delta: 'SELECT ' },
      { type: 'status', requestId: 'a', phase: 'generating' },
      { type: 'token', requestId: 'a', delta: '* FROM ' },
      { type: 'token', requestId: 'a', delta: 'customers' },
    ]);
    expect(run).toMatchObject({ state: 'running', text: 'SELECT * FROM customers', status: { phase: 'generating' } });
  });

  it('a repair round replaces the streamed text; late tokens of the old round are dropped', () => {
    const run = feed(startRun<R>('ask', 'a'), [
      { type: 'token', requestId: 'a', delta: 'SELECT nme', round: 0 },
      { type: 'status', requestId: 'a', phase: 'repairing', detail: '1/2' },
      { type: 'token', requestId: 'a', delta: 'SELECT name', round: 1 },
      { type: 'token', requestId: 'a', delta: ' stale', round: 0 },
      { type: 'token', requestId: 'a', delta: ' FROM t', round: 1 },
    ]);
    expect(run).toMatchObject({ text: 'SELECT name FROM t', round: 1 });
  });

  it('ignores events of another request', () => {
    const run = feed(startRun<R>('ask', 'a'), [
      { type: 'token', requestId: 'b', delta: 'nope' },
      { type: 'done', requestId: 'b', result: { sql: 'x' } },
    ]);
    expect(run).toMatchObject({ state: 'running', text: '' });
  });

  it('finishes with the result and ignores tokens after the end', () => {
    const run = feed(startRun<R>('ask', 'a'), [
      { type: 'token', requestId: 'a', delta: 'hi' },
      { type: 'done', requestId: 'a', result: { sql: 'SELECT 1' } },
      { type: 'token', requestId: 'a', delta: ' late' },
    ]);
    expect(run).toEqual({ state: 'done', kind: 'ask', requestId: 'a', text: 'hi', result: { sql: 'SELECT 1' } });
  });

  it('cancel keeps the partial text and a later reply does not resurrect it', () => {
    const run = feed(startRun<R>('explain', 'a'), [
      { type: 'token', requestId: 'a', delta: 'part' },
      { type: 'cancelled', requestId: 'a' },
      { type: 'done', requestId: 'a', result: { sql: 'SELECT 1' } },
    ]);
    expect(run).toMatchObject({ state: 'cancelled', kind: 'explain', text: 'part' });
  });

  it('a cancellation error counts as cancelled; other errors keep code and advice', () => {
    expect(feed(startRun<R>('ask', 'a'), [{ type: 'failed', requestId: 'a', error: { code: 'QUERY_CANCELLED', message: 'x' } }])).toMatchObject({ state: 'cancelled' });
    const failed = feed(startRun<R>('ask', 'a'), [
      { type: 'failed', requestId: 'a', error: { code: 'AI_BAD_KEY', message: 'The key was refused.', advice: 'Check the key in AI settings.' } },
    ]);
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'AI_BAD_KEY', advice: 'Check the key in AI settings.' } });
  });
});

describe('status line', () => {
  it('names the phases, counts repairs, and says "Sending" before any status', () => {
    expect(statusLabel(null)).toBe('Sending…');
    expect(statusLabel({ phase: 'context' })).toBe('Building context…');
    expect(statusLabel({ phase: 'validating' })).toBe('Validating with EXPLAIN…');
    expect(statusLabel({ phase: 'repairing', detail: '1/2' })).toBe('Repairing 1 of 2…');
    expect(statusLabel({ phase: 'repairing', detail: '2 of 2' })).toBe('Repairing 2 of 2…');
    expect(statusLabel({ phase: 'repairing', detail: 'repair round 1 of 2' })).toBe('Repairing 1 of 2…');
    expect(statusLabel({ phase: 'generating', detail: 'asking the model' })).toBe('Generating: asking the model…');
    expect(statusLabel({ phase: 'done' })).toBe('Done');
    expect(statusLabel({ phase: 'fetching-plan' })).toBe('Fetching plan…');
  });
});

describe('failureOf', () => {
  it('reads code, message and advice from error data', () => {
    expect(failureOf({ code: 'AI_QUOTA', message: 'Over quota', detail: { advice: 'Raise the cap' } })).toEqual({ code: 'AI_QUOTA', message: 'Over quota', advice: 'Raise the cap' });
    expect(failureOf(new Error('boom'))).toEqual({ code: 'INTERNAL', message: 'boom' });
  });
});

describe('context chips', () => {
  it('removing a used table excludes it; adding it back undoes the removal', () => {
    let edits = removeChip(NO_EDITS, 'orders');
    expect(visibleChips(['customers', 'orders'], edits)).toEqual(['customers']);
    expect(chipArgs(edits)).toEqual({ exclude: ['orders'] });
    edits = addChip(edits, 'orders');
    expect(visibleChips(['customers', 'orders'], edits)).toEqual(['customers', 'orders']);
    expect(chipArgs(edits)).toEqual({ include: ['orders'] });
  });

  it('orders tables the SQL uses first and shortens default-schema names', () => {
    expect(orderChips(['main.categories', 'main.customers', 'main.orders'], ['main.orders'])).toEqual(['main.orders', 'main.categories', 'main.customers']);
    expect(shortTableName('main.customers', 'main')).toBe('customers');
    expect(shortTableName('sales.orders', 'public')).toBe('sales.orders');
    expect(shortTableName('orders', '')).toBe('orders');
  });

  it('offers a re-ask only while the chips differ from what was last sent', () => {
    const sent = removeChip(NO_EDITS, 'payments');
    expect(editsChanged(sent, NO_EDITS)).toBe(true);
    expect(editsChanged(sent, sent)).toBe(false);
    expect(editsChanged(addChip(sent, 'orders'), sent)).toBe(true);
    expect(editsChanged(addChip(sent, 'payments'), NO_EDITS)).toBe(true);
  });

  it('pins new tables once and the picker offers only tables not shown', () => {
    let edits = addChip(NO_EDITS, 'products');
    edits = addChip(edits, 'products');
    expect(edits.include).toEqual(['products']);
    const shown = visibleChips(['customers'], edits);
    expect(pickerTables(['customers', 'products', 'suppliers', 'order_items'], shown, '')).toEqual(['suppliers', 'order_items']);
    expect(pickerTables(['customers', 'products', 'suppliers', 'order_items'], shown, 'ORD')).toEqual(['order_items']);
  });
});

describe('threads', () => {
  it('routes events to their turn, takes the thread id from the answer, and finds the last answer', () => {
    let t = emptyThread<R>();
    t = addTurn(t, 'top customers', startRun<R>('ask', 'a'));
    t = reduceThread(t, { type: 'token', requestId: 'a', delta: 'SELECT' });
    expect(runningRequest(t)).toBe('a');
    t = reduceThread(t, { type: 'done', requestId: 'a', result: { sql: 'SELECT 1', threadId: 'th1' } });
    expect(t.threadId).toBe('th1');
    expect(runningRequest(t)).toBeNull();
    t = addTurn(t, 'only in Paris', startRun<R>('ask', 'b'));
    t = reduceThread(t, { type: 'failed', requestId: 'b', error: { code: 'AI_RATE_LIMITED', message: 'later' } });
    expect(t.turns.map((x) => x.run.state)).toEqual(['done', 'failed']);
    expect(lastAnswer(t)).toEqual({ sql: 'SELECT 1', threadId: 'th1' });
  });

  it('an event for no turn returns the same state', () => {
    const t = addTurn(emptyThread<R>(), 'q', startRun<R>('ask', 'a'));
    expect(reduceThread(t, { type: 'token', requestId: 'zzz', delta: 'x' })).toBe(t);
  });
});

describe('sqlSnippet', () => {
  it('flattens and cuts long SQL', () => {
    expect(sqlSnippet('SELECT a,\n  b\nFROM t')).toBe('SELECT a, b FROM t');
    expect(sqlSnippet('SELECT first_name, last_name FROM customers', 20)).toBe('SELECT first_name,…');
  });
});

describe('streamedSql', () => {
  it('shows the fenced SQL while the fence is still open', () => {
    expect(streamedSql('Here:\n```sql\nSELECT name\nFROM cust')).toBe('SELECT name\nFROM cust');
    expect(streamedSql('```sql\nSELECT 1\n```\nThis works.')).toBe('SELECT 1');
    expect(streamedSql('no code yet')).toBeNull();
  });
});
