import { describe, expect, it } from 'vitest';
import { docsRequests } from './docs';

describe('docs contract arguments', () => {
  it('accepts the documented shapes', () => {
    expect(docsRequests['docs.diff'].args.parse({ connectionId: 'c', from: '1', to: 'live' })).toEqual({ connectionId: 'c', from: '1', to: 'live' });
    expect(docsRequests['docs.describe.save'].args.parse({ connectionId: 'c', target: 'public.film', text: '' }).text).toBe('');
    expect(docsRequests['docs.glossary.save'].args.parse({ connectionId: 'c', term: '  ARR ', definition: 'd' }).term).toBe('ARR');
    expect(docsRequests['docs.comments.apply'].args.parse({ connectionId: 'c', targets: ['public.film'], confirmed: true }).confirmed).toBe(true);
  });

  it('rejects unknown rules, extra keys and oversized text', () => {
    expect(() => docsRequests['docs.lint.settings.save'].args.parse({ connectionId: 'c', disabled: ['nope'] })).toThrow();
    expect(() => docsRequests['docs.bundle'].args.parse({ connectionId: 'c', extra: 1 })).toThrow();
    expect(() => docsRequests['docs.describe.save'].args.parse({ connectionId: 'c', target: 't', text: 'x'.repeat(100_001) })).toThrow();
    expect(() => docsRequests['docs.glossary.save'].args.parse({ connectionId: 'c', term: '   ', definition: '' })).toThrow();
  });
});
