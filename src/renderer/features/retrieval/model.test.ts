import { describe, expect, it } from 'vitest';
import type { AiProviderInfo } from '../../../shared/contracts/aiSettings';
import type { RetrievalStatusInfo } from '../../../shared/contracts/retrieval';
import {
  BUILTIN_VALUE,
  countWord,
  customValue,
  describeBuild,
  describeEmbedder,
  embedderArg,
  embedderChanged,
  embedderOptions,
  formatBuiltAt,
  modelValue,
  progressPercent,
  progressText,
  scoreCells,
  selectedEmbedder,
  statusHeadline,
  validateModelName,
} from './model';

function provider(over: Partial<AiProviderInfo> & Pick<AiProviderInfo, 'id' | 'kind' | 'name'>): AiProviderInfo {
  return { baseUrl: null, enabled: true, models: [], hasKey: true, local: false, ...over };
}

const providers: AiProviderInfo[] = [
  provider({ id: 'oa', kind: 'openai', name: 'OpenAI', models: ['text-embedding-3-small', 'gpt-4o-mini'] }),
  provider({ id: 'ol', kind: 'openai-compatible', name: 'Ollama', local: true }),
  provider({ id: 'an', kind: 'anthropic', name: 'Claude', models: ['claude-3-5-haiku'] }),
  provider({ id: 'off', kind: 'gemini', name: 'Gemini', enabled: false, models: ['text-embedding-004'] }),
];

const status = (over: Partial<RetrievalStatusInfo> = {}): RetrievalStatusInfo => ({
  built: true,
  chunks: 12,
  embedder: 'builtin:hash-v2',
  builtAt: null,
  valueSamples: false,
  examples: 0,
  embedderChoice: null,
  ...over,
});

describe('embedderOptions', () => {
  const options = embedderOptions(providers);

  it('puts the built-in embedder first and lists the models of enabled providers that can embed', () => {
    expect(options.map((o) => o.label)).toEqual([
      'Built-in (offline)',
      'OpenAI · text-embedding-3-small (remote)',
      'OpenAI · gpt-4o-mini (remote)',
      'OpenAI · other model… (remote)',
      'Ollama · type a model…',
    ]);
  });

  it('marks only remote providers as remote and leaves the model open for free text', () => {
    expect(options.find((o) => o.provider === 'ol')).toMatchObject({ remote: false, model: null, value: customValue('ol') });
    expect(options.filter((o) => o.provider === 'oa').every((o) => o.remote)).toBe(true);
  });
});

describe('selectedEmbedder and embedderArg', () => {
  const options = embedderOptions(providers);

  it('selects a listed model, or the free-text entry prefilled with an unlisted one', () => {
    expect(selectedEmbedder(null, options)).toEqual({ value: BUILTIN_VALUE, customModel: '' });
    expect(selectedEmbedder({ provider: 'oa', model: 'text-embedding-3-small' }, options)).toEqual({ value: modelValue('oa', 'text-embedding-3-small'), customModel: '' });
    expect(selectedEmbedder({ provider: 'ol', model: 'nomic-embed-text' }, options)).toEqual({ value: customValue('ol'), customModel: 'nomic-embed-text' });
  });

  it('turns the selection into the options argument, checking a typed model', () => {
    expect(embedderArg(BUILTIN_VALUE, '', options)).toEqual({ ok: true, embedder: null });
    expect(embedderArg(modelValue('oa', 'gpt-4o-mini'), 'ignored', options)).toEqual({ ok: true, embedder: { provider: 'oa', model: 'gpt-4o-mini' } });
    expect(embedderArg(customValue('ol'), '  nomic-embed-text ', options)).toEqual({ ok: true, embedder: { provider: 'ol', model: 'nomic-embed-text' } });
    expect(embedderArg(customValue('ol'), '', options).ok).toBe(false);
    expect(embedderArg('model:gone:x', '', options).ok).toBe(false);
  });

  it('validates free-text model names', () => {
    expect(validateModelName('models/text-embedding-004')).toEqual({ ok: true, model: 'models/text-embedding-004' });
    expect(validateModelName('   ').ok).toBe(false);
    expect(validateModelName('nomic embed').ok).toBe(false);
    expect(validateModelName('x'.repeat(201)).ok).toBe(false);
    expect(validateModelName('x'.repeat(200)).ok).toBe(true);
  });

  it('tells a changed embedder from the same one', () => {
    expect(embedderChanged(null, null)).toBe(false);
    expect(embedderChanged(null, { provider: 'ol', model: 'a' })).toBe(true);
    expect(embedderChanged({ provider: 'ol', model: 'a' }, { provider: 'ol', model: 'a' })).toBe(false);
    expect(embedderChanged({ provider: 'ol', model: 'a' }, { provider: 'ol', model: 'b' })).toBe(true);
  });
});

describe('status words', () => {
  it('names the embedder of an index', () => {
    expect(describeEmbedder('builtin:hash-v2')).toBe('Built-in (offline)');
    expect(describeEmbedder('provider:oa:text-embedding-3-small', providers)).toBe('OpenAI · text-embedding-3-small (remote)');
    expect(describeEmbedder('provider:ol:nomic-embed-text:latest', providers)).toBe('Ollama · nomic-embed-text:latest');
    expect(describeEmbedder('provider:gone:m', providers)).toBe('gone · m');
    expect(describeEmbedder('')).toBe('none yet');
  });

  it('says whether the index is built and how big it is', () => {
    expect(statusHeadline(status({ built: false, chunks: 0 }))).toMatch(/^Not built yet/);
    expect(statusHeadline(status({ chunks: 1234 }))).toBe('Built');
    expect(statusHeadline(status({ chunks: 0 }))).toMatch(/^Built, but empty/);
    expect(countWord(1, 'chunk')).toBe('1 chunk');
    expect(countWord(1234, 'chunk')).toBe('1,234 chunks');
  });

  it('shows recent build times relatively and older ones as a date', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(formatBuiltAt(null, now)).toBe('never');
    expect(formatBuiltAt('2026-11-22T11:59:30Z', now)).toBe('just now');
    expect(formatBuiltAt('2026-11-22T11:55:00Z', now)).toBe('5 min ago');
    expect(formatBuiltAt('2026-11-22T09:00:00Z', now)).toBe('3 h ago');
    expect(formatBuiltAt('2026-11-20T09:00:00Z', now)).toMatch(/^2026-11-(19|20|21) \d\d:\d\d$/);
  });

  it('summarises a build', () => {
    expect(describeBuild({ total: 40, embedded: 3, removed: 1, unchanged: 36, rebuilt: false })).toBe('Updated: 40 chunks in the index, 3 embedded, 36 unchanged, 1 removed.');
    expect(describeBuild({ total: 1, embedded: 1, removed: 0, unchanged: 0, rebuilt: true })).toBe('Rebuilt: 1 chunk in the index, 1 embedded, 0 unchanged.');
  });
});

describe('progress and scores', () => {
  it('turns progress events into a percent and words', () => {
    expect(progressPercent({ phase: 'embedding', done: 0, total: 0 })).toBe(0);
    expect(progressPercent({ phase: 'embedding', done: 1, total: 3 })).toBe(33);
    expect(progressPercent({ phase: 'embedding', done: 9, total: 3 })).toBe(100);
    expect(progressPercent({ phase: 'done', done: 0, total: 0 })).toBe(100);
    expect(progressText(null)).toBe('Starting…');
    expect(progressText({ phase: 'embedding', done: 1200, total: 2000 })).toBe('Embedding 1,200 / 2,000 chunks');
    expect(progressText({ phase: 'writing', done: 5, total: 5 })).toBe('Writing the index…');
  });

  it('scales score bars to the best score', () => {
    expect(scoreCells([0.0328, 0.0164, 0])).toEqual([
      { text: '0.0328', width: 100 },
      { text: '0.0164', width: 50 },
      { text: '0.00', width: 0 },
    ]);
    expect(scoreCells([])).toEqual([]);
  });
});
