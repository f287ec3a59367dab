/**
 * The wire formats of the AI stand-in (see aiStandIn.ts): bodies and SSE streams exactly as the
 * providers send them, so the real SDKs parse them unchanged.
 */
import type http from 'node:http';
import type { RecordedRequest, ScriptedReply, StandInRoute, StandInUsage } from './aiStandIn';

/** What a route writer needs. */
export interface ReplyContext {
  req: RecordedRequest;
  res: http.ServerResponse;
  reply: ScriptedReply;
  stream: boolean;
  /** Counts one streamed chunk as sent. */
  sent: () => void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The streamed pieces of a reply. */
function piecesOf(reply: ScriptedReply): string[] {
  if (reply.chunks) return reply.chunks;
  const text = reply.text ?? '';
  const parts = text.split(/(?<=\s)/);
  return parts.length > 0 ? parts : [''];
}

function usageOf(ctx: ReplyContext): Required<StandInUsage> {
  const body = ctx.req.body as { messages?: unknown[]; contents?: unknown[] } | undefined;
  const n = (body?.messages ?? body?.contents ?? []).length;
  const u = ctx.reply.usage;
  return { input: u?.input ?? 10 * Math.max(1, n), output: u?.output ?? piecesOf(ctx.reply).length, cached: u?.cached ?? 0, written: u?.written ?? 0 };
}

function modelOf(ctx: ReplyContext): string {
  const body = ctx.req.body as { model?: unknown } | undefined;
  if (typeof body?.model === 'string') return body.model;
  const m = /models\/([^/:]+)/.exec(ctx.req.path);
  return m?.[1] ?? 'stand-in-model';
}

/** Handles status/hang/delay common to all routes; returns false when the reply is already settled. */
async function prelude(ctx: ReplyContext, errorBody: (status: number, message: string) => unknown): Promise<boolean> {
  const { reply, res } = ctx;
  if (reply.hang) return false;
  if (reply.delayMs) await sleep(reply.delayMs);
  const status = reply.status ?? 200;
  if (status >= 400) {
    res.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(errorBody(status, reply.errorMessage ?? `stand-in error ${status}`)));
    return false;
  }
  return true;
}

function json(ctx: ReplyContext, body: unknown): void {
  ctx.res.writeHead(200, { 'content-type': 'application/json', ...ctx.reply.headers });
  ctx.res.end(JSON.stringify(body));
}

/** Writes SSE events with the reply's delay; stops (leaving the response open) after `hangAfterChunks`. */
async function sse(ctx: ReplyContext, events: { event?: string; data: unknown; counts: boolean }[]): Promise<void> {
  const { res, reply } = ctx;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...reply.headers });
  let counted = 0;
  for (const e of events) {
    if (res.destroyed) return;
    if (e.counts) {
      if (reply.hangAfterChunks !== undefined && counted >= reply.hangAfterChunks) return;
      if (counted > 0 && reply.delayMs) await sleep(reply.delayMs);
      if (res.destroyed) return;
      counted++;
      ctx.sent();
    }
    const data = typeof e.data === 'string' ? e.data : JSON.stringify(e.data);
    res.write(`${e.event ? `event: ${e.event}\n` : ''}data: ${data}\n\n`);
  }
  res.end();
}

/** A deterministic small vector per text, so tests can tell inputs apart. */
function vectorOf(text: string): number[] {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) % 1000;
  return [1, h / 1000, text.length / 100, 0.5];
}

/** OpenAI chat completions, embeddings, models. */
export async function writeOpenAi(route: StandInRoute, ctx: ReplyContext): Promise<void> {
  const code = ctx.reply.errorType;
  const ok = await prelude(ctx, (_s, message) => ({ error: { message, type: 'invalid_request_error', param: null, code: code ?? null } }));
  if (!ok) return;
  const model = modelOf(ctx);
  const u = usageOf(ctx);
  if (route === 'openai.models') {
    json(ctx, { object: 'list', data: (ctx.reply.models ?? ['gpt-4o-mini']).map((id) => ({ id, object: 'model', created: 0, owned_by: 'stand-in' })) });
    return;
  }
  if (route === 'openai.embeddings') {
    const body = ctx.req.body as { input: string | string[]; encoding_format?: string };
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    const vectors = ctx.reply.embeddings ?? inputs.map(vectorOf);
    const enc = (v: number[]): number[] | string => (body.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v);
    json(ctx, { object: 'list', model, data: vectors.map((v, index) => ({ object: 'embedding', index, embedding: enc(v) })), usage: { prompt_tokens: u.input, total_tokens: u.input } });
    return;
  }
  const usage = { prompt_tokens: u.input, completion_tokens: u.output, total_tokens: u.input + u.output, prompt_tokens_details: { cached_tokens: u.cached } };
  const base = { id: 'chatcmpl-standin', created: 1_700_000_000, model, system_fingerprint: 'stand-in' };
  if (!ctx.stream) {
    const message = { role: 'assistant', content: ctx.reply.text ?? piecesOf(ctx.reply).join(''), refusal: null };
    json(ctx, { ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: 'stop', logprobs: null }], usage });
    return;
  }
  const chunk = (delta: object, finish: string | null): object => ({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] });
  const includeUsage = (ctx.req.body as { stream_options?: { include_usage?: boolean } }).stream_options?.include_usage === true;
  await sse(ctx, [
    { data: chunk({ role: 'assistant', content: '' }, null), counts: false },
    ...piecesOf(ctx.reply).map((content) => ({ data: chunk({ content }, null), counts: true })),
    { data: chunk({}, 'stop'), counts: false },
    ...(includeUsage ? [{ data: { ...base, object: 'chat.completion.chunk', choices: [], usage }, counts: false }] : []),
    { data: '[DONE]', counts: false },
  ]);
}

/** Anthropic messages (JSON and SSE) and models. */
export async function writeAnthropic(route: StandInRoute, ctx: ReplyContext): Promise<void> {
  const errType = ctx.reply.errorType;
  const ok = await prelude(ctx, (status, message) => ({ type: 'error', error: { type: errType ?? anthropicErrorType(status), message } }));
  if (!ok) return;
  if (route === 'anthropic.models') {
    const data = (ctx.reply.models ?? ['claude-3-5-haiku-latest']).map((id) => ({ type: 'model', id, display_name: id, created_at: new Date(0).toISOString() }));
    json(ctx, { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
    return;
  }
  const model = modelOf(ctx);
  const u = usageOf(ctx);
  const usage = { input_tokens: u.input - u.cached - u.written, output_tokens: u.output, cache_creation_input_tokens: u.written, cache_read_input_tokens: u.cached };
  const message = { id: 'msg_standin', type: 'message', role: 'assistant', model, stop_sequence: null };
  if (!ctx.stream) {
    json(ctx, { ...message, content: [{ type: 'text', text: ctx.reply.text ?? piecesOf(ctx.reply).join('') }], stop_reason: 'end_turn', usage });
    return;
  }
  await sse(ctx, [
    { event: 'message_start', data: { type: 'message_start', message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } } }, counts: false },
    { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, counts: false },
    { event: 'ping', data: { type: 'ping' }, counts: false },
    ...piecesOf(ctx.reply).map((text) => ({ event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }, counts: true })),
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 }, counts: false },
    { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: u.output } }, counts: false },
    { event: 'message_stop', data: { type: 'message_stop' }, counts: false },
  ]);
}

function anthropicErrorType(status: number): string {
  const types: Record<number, string> = { 400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error', 404: 'not_found_error', 413: 'request_too_large', 429: 'rate_limit_error', 529: 'overloaded_error' };
  return types[status] ?? 'api_error';
}

/** Gemini generateContent / streamGenerateContent, embeddings, models. */
export async function writeGemini(route: StandInRoute, ctx: ReplyContext): Promise<void> {
  const statusName = ctx.reply.errorType;
  const ok = await prelude(ctx, (status, message) => ({ error: { code: status, message, status: statusName ?? geminiStatus(status) } }));
  if (!ok) return;
  if (route === 'gemini.models') {
    json(ctx, { models: (ctx.reply.models ?? ['gemini-2.0-flash']).map((m) => ({ name: `models/${m}`, displayName: m, supportedGenerationMethods: ['generateContent'] })) });
    return;
  }
  if (route === 'gemini.embed') {
    const body = ctx.req.body as { requests?: { content: { parts: { text: string }[] } }[]; content?: { parts: { text: string }[] } };
    const texts = body.requests ? body.requests.map((r) => r.content.parts.map((p) => p.text).join('')) : [body.content?.parts.map((p) => p.text).join('') ?? ''];
    const vectors = ctx.reply.embeddings ?? texts.map(vectorOf);
    json(ctx, ctx.req.path.endsWith(':embedContent') ? { embedding: { values: vectors[0] } } : { embeddings: vectors.map((values) => ({ values })) });
    return;
  }
  const u = usageOf(ctx);
  const usageMetadata = { promptTokenCount: u.input, candidatesTokenCount: u.output, totalTokenCount: u.input + u.output, cachedContentTokenCount: u.cached };
  const modelVersion = modelOf(ctx);
  const candidate = (text: string, finish?: string): object => ({ content: { parts: [{ text }], role: 'model' }, index: 0, ...(finish ? { finishReason: finish } : {}) });
  if (!ctx.stream) {
    json(ctx, { candidates: [candidate(ctx.reply.text ?? piecesOf(ctx.reply).join(''), 'STOP')], usageMetadata, modelVersion });
    return;
  }
  const pieces = piecesOf(ctx.reply);
  await sse(ctx, pieces.map((p, i) => (i === pieces.length - 1 ? { data: { candidates: [candidate(p, 'STOP')], usageMetadata, modelVersion }, counts: true } : { data: { candidates: [candidate(p)], modelVersion }, counts: true })));
}

function geminiStatus(status: number): string {
  const names: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' };
  return names[status] ?? 'UNKNOWN';
}
