import { describe, expect, it } from 'vitest';
import { acceptedEntries, draftLabel, initialDrafts } from './describeModel';

describe('Describe with AI: review', () => {
  const entries = [
    { target: 'main.orders', text: 'One row per order.', existing: null },
    { target: 'main.orders.status', text: 'Where the order is.', existing: 'Order status' },
    { target: 'main.orders.total', text: '  ', existing: null },
  ];
  it('keeps new descriptions and leaves replacements unticked', () => {
    expect(initialDrafts(entries).map((d) => d.keep)).toEqual([true, false, true]);
  });
  it('saves only kept, non-blank drafts, trimmed', () => {
    const drafts = initialDrafts(entries);
    drafts[1]!.keep = true;
    drafts[0]!.text = ' One row per customer order. ';
    expect(acceptedEntries(drafts)).toEqual([
      { target: 'main.orders', text: 'One row per customer order.' },
      { target: 'main.orders.status', text: 'Where the order is.' },
    ]);
  });
  it('labels drafts by column', () => {
    expect(draftLabel('main.orders', 'main.orders')).toBe('table');
    expect(draftLabel('main.orders.status', 'main.orders')).toBe('status');
  });
});
