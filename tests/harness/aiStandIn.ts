/**
 * A loopback stand-in for the AI providers, so the REAL SDKs (openai, @anthropic-ai/sdk,
 * @google/genai) can be tested without a network. One node:http server on 127.0.0.1 speaks:
 *
 * - OpenAI: `POST /v1/chat/completions` (JSON, and SSE with the `stream_options.include_usage`
 *   usage chunk), `POST /v1/embeddings` (float or base64), `GET /v1/models`
 * - Anthropic: `POST /v1/messages` (JSON, and the SSE event stream), `GET /v1/models`
 * - Gemini: `POST /v1beta/models/{m}:generateContent`, `:streamGenerateContent?alt=sse`,
 *   `:batchEmbedContents`, `GET /v1beta/models`
 * - Ollama: `GET /api/tags` (its OpenAI-compatible API is the OpenAI routes above)
 *
 * Replies are scripted per route (a queue; when empty, `defaultReply`). Every request is recorded
 * (method, path, headers, parsed body) with whether the client closed it early, so tests assert
 * on exactly what was sent and on cancellation.
 *
 * SDK base URLs: OpenAI `openaiBaseUrl` (…/v1), Anthropic `anthropicBaseUrl`, Gemini
 * `httpOptions: { baseUrl: geminiBaseUrl }`, Ollama `ollamaUrl`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeAnthropic, writeGemini, writeOpenAi, type ReplyContext } from './aiStandInWire';

/** A route the stand-in answers; each has its own reply queue. */
export type StandInRoute =
  | 'openai.chat'
  | 'openai.embeddings'
  | 'openai.models'
  | 'anthropic.messages'
  | 'anthropic.models'
  | 'gemini.generate'
  | 'gemini.embed'
  | 'gemini.models'
  | 'ollama.tags';

/** Token counts a reply reports in the provider's usage fields. */
export interface StandInUsage {
  input: number;
  output: number;
  /** Input tokens served from the provider's prompt cache. */
  cached?: number;
  /** Input tokens written into the prompt cache (Anthropic's `cache_creation_input_tokens`). */
  written?: number;
}

/** One scripted reply. Unset fields take the defaults of a plain successful answer. */
export interface ScriptedReply {
  /** The answer text (streams split into `chunks`, or word by word). */
  text?: string;
  /** Exact streamed pieces (overrides splitting `text`). */
  chunks?: string[];
  /** HTTP status; ≥ 400 sends the provider's error body. Default 200. */
  status?: number;
  /** Extra response headers (e.g. `{'retry-after': '2'}`). */
  headers?: Record<string, string>;
  /** Error message in the provider's error body (status ≥ 400). */
  errorMessage?: string;
  /** Provider error type/status string (e.g. 'authentication_error', 'NOT_FOUND'). */
  errorType?: string;
  /** Usage reported; default input = 10 × messages, output = chunk count. */
  usage?: StandInUsage;
  /** Delay before the first byte and between streamed chunks (ms). */
  delayMs?: number;
  /** Never answer (the client must time out or cancel). */
  hang?: boolean;
  /** Stream this many chunks, then stop sending without ending the response. */
  hangAfterChunks?: number;
  /** Embedding vectors (embeddings routes); default a 4-dim vector per input derived from its text. */
  embeddings?: number[][];
  /** Model list (models/tags routes). */
  models?: string[];
}

/** A request the stand-in received. */
export interface RecordedRequest {
  route: StandInRoute | 'unknown';
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (undefined when none). */
  body: unknown;
  /** Raw body text. */
  rawBody: string;
  /** True when the client closed the connection before the reply ended (cancel/timeout). */
  closedEarly: boolean;
  /** Resolves when the response finished or the client went away. */
  done: Promise<void>;
  /** Chunks actually written before the end or the close. */
  chunksSent: number;
}

/** The running stand-in. */
export interface AiStandIn {
  port: number;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** OpenAI / OpenAI-compatible SDK baseURL (`…/v1`). */
  openaiBaseUrl: string;
  /** Anthropic SDK baseURL. */
  anthropicBaseUrl: string;
  /** Gemini `httpOptions.baseUrl`. */
  geminiBaseUrl: string;
  /** Ollama base URL (for `/api/tags`). */
  ollamaUrl: string;
  /** Every request received, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Requests of one route. */
  requestsFor(route: StandInRoute): RecordedRequest[];
  /** Queues replies for a route (answered in order; then `defaultReply`). */
  script(route: StandInRoute, ...replies: ScriptedReply[]): void;
  /** The reply used when a route's queue is empty (default: text "stand-in reply"). */
  defaultReply: ScriptedReply;
  /** Forgets recorded requests and queued replies. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a stand-in on 127.0.0.1 with a free port. */
export async function startAiStandIn(): Promise<AiStandIn> {
  const requests: RecordedRequest[] = [];
  const queues = new Map<StandInRoute, ScriptedReply[]>();
  const sockets = new Set<import('node:net').Socket>();

  const standIn: Partial<AiStandIn> & { defaultReply: ScriptedReply } = { defaultReply: { text: 'stand-in reply' } };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const route = routeOf(req.method ?? 'GET', u.pathname, req.headers);
      let resolveDone!: () => void;
      const rec: RecordedRequest = {
        route,
        method: req.method ?? 'GET',
        path: u.pathname,
        query: Object.fromEntries(u.searchParams),
        headers: req.headers,
        body: parseJson(rawBody),
        rawBody,
        closedEarly: false,
        done: new Promise<void>((r) => (resolveDone = r)),
        chunksSent: 0,
      };
      requests.push(rec);
      res.on('close', () => {
        if (!res.writableFinished) rec.closedEarly = true;
        resolveDone();
      });
      if (route === 'unknown') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `stand-in: no route ${req.method} ${u.pathname}` } }));
        return;
      }
      const reply = queues.get(route)?.shift() ?? standIn.defaultReply;
      const ctx: ReplyContext = { req: rec, res, reply, stream: isStream(route, rec), sent: () => rec.chunksSent++ };
      void answer(route, ctx).catch(() => res.destroy());
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return Object.assign(standIn, {
    port,
    url,
    openaiBaseUrl: `${url}/v1`,
    anthropicBaseUrl: url,
    geminiBaseUrl: url,
    ollamaUrl: url,
    requests,
    requestsFor: (route: StandInRoute) => requests.filter((r) => r.route === route),
    script(route: StandInRoute, ...replies: ScriptedReply[]) {
      queues.set(route, [...(queues.get(route) ?? []), ...replies]);
    },
    reset() {
      requests.length = 0;
      queues.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  }) as AiStandIn;
}

function routeOf(method: string, p: string, headers: http.IncomingHttpHeaders): StandInRoute | 'unknown' {
  // Anthropic and OpenAI share `GET /v1/models`; the anthropic-version header tells them apart.
  if (method === 'GET' && p.startsWith('/v1/models') && headers['anthropic-version'] !== undefined) return 'anthropic.models';
  if (method === 'POST' && p === '/v1/chat/completions') return 'openai.chat';
  if (method === 'POST' && p === '/v1/embeddings') return 'openai.embeddings';
  if (method === 'POST' && p === '/v1/messages') return 'anthropic.messages';
  if (method === 'GET' && p.startsWith('/v1/models')) return 'openai.models';
  if (method === 'POST' && /^\/v1beta\/models\/[^/]+:(generateContent|streamGenerateContent)$/.test(p)) return 'gemini.generate';
  if (method === 'POST' && /^\/v1beta\/models\/[^/]+:(batchEmbedContents|embedContent)$/.test(p)) return 'gemini.embed';
  if (method === 'GET' && p.startsWith('/v1beta/models')) return 'gemini.models';
  if (method === 'GET' && p === '/api/tags') return 'ollama.tags';
  return 'unknown';
}

function isStream(route: StandInRoute, rec: RecordedRequest): boolean {
  if (route === 'gemini.generate') return rec.path.endsWith(':streamGenerateContent');
  const body = rec.body as { stream?: unknown } | undefined;
  return body?.stream === true;
}

async function answer(route: StandInRoute, ctx: ReplyContext): Promise<void> {
  if (route.startsWith('openai.')) return writeOpenAi(route, ctx);
  if (route.startsWith('anthropic.')) return writeAnthropic(route, ctx);
  if (route.startsWith('gemini.')) return writeGemini(route, ctx);
  // ollama.tags
  const models = ctx.reply.models ?? ['llama3.2:latest'];
  ctx.res.writeHead(200, { 'content-type': 'application/json' });
  ctx.res.end(JSON.stringify({ models: models.map((name) => ({ name, model: name, modified_at: new Date(0).toISOString(), size: 1, digest: 'stand-in', details: { family: 'llama' } })) }));
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
