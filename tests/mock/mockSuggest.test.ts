/**
 * AI suggestions of generators (issue 9) through the app, the router and the real OpenAI SDK
 * against the loopback stand-in: only names and types leave the machine, unknown columns or
 * generators are dropped, nothing is applied by the call itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/main/app/createApp';
import type { AiStandIn } from '../harness/aiStandIn';
import { startAppWithStandIn, type AppWithStandIn } from '../harness/appWithStandIn';

let env: AppWithStandIn;
let app: App;
let demoId: string;
let standIn: AiStandIn;

beforeAll(async () => {
  env = await startAppWithStandIn('qg-mock-suggest-');
  ({ app, demoId, standIn } = env);
});

afterAll(() => env.stop());

describe('AI generator suggestions for mock data', () => {
  it('says what to do when no provider is set up', async () => {
    await expect(app.handlers['mock.suggest']({ connectionId: demoId, tables: ['suppliers'] })).rejects.toMatchObject({ code: 'AI_NO_PROVIDER' });
  });

  it('suggests generators for real columns from names and types only', async () => {
    await app.handlers['ai.providers.save']({ kind: 'openai', name: 'Stand-in', baseUrl: standIn.openaiBaseUrl, models: ['gpt-test'], key: 'sk-mock-suggest' });
    standIn.script('openai.chat', {
      text: '{"suggestions":[{"table":"suppliers","column":"contact_name","generator":"fullName","reason":"a person"},{"table":"suppliers","column":"city","generator":"city"},{"table":"suppliers","column":"ghost","generator":"city"}]}',
    });
    const r = await app.handlers['mock.suggest']({ connectionId: demoId, tables: ['suppliers'] });
    expect(r.suggestions).toEqual([
      { key: 'suppliers.contact_name', generator: 'fullName', reason: 'a person' },
      { key: 'suppliers.city', generator: 'city', reason: '' },
    ]);
    expect(r.dropped).toBe(1);
    expect(r.model).toBe('gpt-test');
    const [sent] = standIn.requestsFor('openai.chat');
    const body = JSON.stringify(sent!.body);
    expect(body).toContain('company_name');
    // No values of the demo data leave the machine (supplier e-mails end in example.com).
    expect(body).not.toContain('example.com');
  });
});
