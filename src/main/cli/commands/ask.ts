/**
 * `querygenie ask`: a question → validated SQL for a database, from the terminal. The same
 * pipeline as the app (retrieval context, privacy builder, prompts, validation with EXPLAIN and
 * at most two repair rounds) on one driver connection and the local index file. The target is
 * opened read-only unless `--allow-writes`, so even `--run` cannot change data by accident.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { AiPrivacySettings } from '../../../shared/contracts/ai';
import type { SchemaSnapshot } from '../../../shared/schema';
import { AppError } from '../../../shared/errors';
import { openAppDatabase } from '../../app/appDb';
import { appPaths, defaultHome } from '../../app/paths';
import { createRouter, ENV_KEY_NAMES, type AiRouterService, type ProviderConfig } from '../../ai/router';
import { generateSql, type GeneratedSql } from '../../ai/tasks/ask';
import { prepareAsk } from '../../ai/tasks/prepare';
import { defaultPrivacy, PrivacyStore } from '../../ai/tasks/privacy';
import { sampleColumns } from '../../ai/tasks/samples';
import type { TaskTarget } from '../../ai/tasks/types';
import type { ProviderKind } from '../../ai/types';
import { ConnectionStore } from '../../connections/store';
import { DocsStore } from '../../docs/store';
import type { DriverConnection } from '../../drivers/types';
import { runScript } from '../../query/runScript';
import { MemoryBudget, type ResultSpool } from '../../query/spool';
import { buildPromptContext } from '../../retrieval/contextBuilder';
import { createEmbedder } from '../../retrieval/embedders/registry';
import type { RetrievalIndex } from '../../retrieval/index';
import { indexConnection, indexFilePath, openIndex, storedSnapshot } from '../../retrieval/service';
import { chooseSecretStore } from '../../secrets/chooseSecretStore';
import { cellToJson, resultToTable, type PrintedResult } from '../format';
import { EXIT, reportError, UsageError, write } from '../io';
import { openTarget, resolveTarget, type TargetOptions } from '../target';

interface AskOptions extends TargetOptions {
  provider?: string;
  model?: string;
  baseUrl?: string;
  json?: boolean;
  run?: boolean;
  allowWrites?: boolean;
  reindex?: boolean;
}

const KINDS: ProviderKind[] = ['openai', 'anthropic', 'gemini', 'openai-compatible'];
/** A sensible model per provider when `--model` is not given (compatible servers need one). */
const DEFAULT_MODELS: Partial<Record<ProviderKind, string>> = { openai: 'gpt-4o-mini', anthropic: 'claude-3-5-haiku-latest', gemini: 'gemini-2.0-flash' };

/** Registers the command. */
export function registerAsk(program: Command, setExit: (code: number) => void): void {
  program
    .command('ask')
    .description('Ask a question in plain words; prints validated SQL for the database (nothing runs without --run)')
    .argument('<question...>', 'the question')
    .option('--url <url>', 'connection URL or SQLite file path')
    .option('--conn <name>', 'a saved connection')
    .option('--provider <kind>', `AI provider: ${KINDS.join('|')} (default: the app's AI settings, else the first key found in the environment)`)
    .option('--model <model>', 'model name (default: the provider default)')
    .option('--base-url <url>', "point the provider's SDK at another address (proxy, gateway, local server)")
    .option('--json', 'print {"sql","tables","repairs","tokens","cost","valid","problems"} (and "columns","rows" with --run)')
    .option('--run', 'run the validated SQL and print the result (read-only unless --allow-writes)')
    .option('--allow-writes', 'open the database writable, so a write answer may run with --run')
    .option('--reindex', 'bring the local retrieval index up to date first')
    .action(async (words: string[], opts: AskOptions) => setExit(await ask(words.join(' '), opts)));
}

async function ask(question: string, opts: AskOptions): Promise<number> {
  try {
    if (opts.provider && !KINDS.includes(opts.provider as ProviderKind)) throw new UsageError(`Unknown --provider "${opts.provider}". Use one of: ${KINDS.join(', ')}.`);
    const params = await resolveTarget({ url: opts.url, conn: opts.conn, readOnly: opts.allowWrites !== true });
    const { db } = openAppDatabase(appPaths(defaultHome()).appDb);
    let conn: DriverConnection | undefined;
    let index: RetrievalIndex | undefined;
    try {
      const connectionId = opts.conn ? new ConnectionStore(db).get(opts.conn).id : undefined;
      const privacy: AiPrivacySettings = connectionId ? new PrivacyStore(db).get(connectionId) : defaultPrivacy('cli');
      const { store: secrets } = await chooseSecretStore({ service: process.env.QG_KEYCHAIN_SERVICE });
      const router = createRouter({ db, secrets, env: process.env, extraProviders: [] });
      const choice = await chooseProvider(router, opts);
      const routerForCall = choice.extra ? createRouter({ db, secrets, env: process.env, extraProviders: [choice.extra] }) : router;

      conn = await openTarget(params);
      index = openIndex(indexFilePath(defaultHome(), { connectionId, params }), createEmbedder('builtin'));
      let snapshot = storedSnapshot(index);
      if (opts.reindex || !index.isBuilt() || !snapshot) snapshot = (await indexConnection(conn, index)).snapshot;
      // A saved connection brings the user's descriptions and glossary, as in the app.
      const docs = connectionId ? new DocsStore(db) : undefined;
      const target = cliTarget(conn, index, snapshot, params.readOnly === true, {
        descriptions: () => (connectionId && docs ? docs.descriptions(connectionId) : new Map()),
        glossary: () => (connectionId && docs ? docs.glossary(connectionId) : []),
      });
      const prepared = await prepareAsk({ target, privacy }, question);
      const gen = await generateSql({
        router: routerForCall,
        task: 'ask',
        messages: prepared.messages,
        target,
        snapshot,
        options: { provider: choice.provider, model: choice.model },
        reporter: { status: (phase, detail) => process.stderr.isTTY && process.stderr.write(`\r${phase}: ${detail}\x1b[K`) },
      });
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      const ran = opts.run ? await runAnswer(conn, gen, params.readOnly === true) : undefined;
      await print(gen, opts.json === true, ran);
      return gen.valid ? EXIT.ok : EXIT.error;
    } finally {
      index?.close();
      await conn?.close().catch(() => undefined);
      db.close();
    }
  } catch (err) {
    return reportError(err);
  }
}

/** Which provider answers: `--provider` (a stored one of that kind keeps its keychain key), else the app's settings, else the environment. */
async function chooseProvider(router: AiRouterService, opts: AskOptions): Promise<{ provider?: string; model?: string; extra?: ProviderConfig }> {
  const stored = (await router.providers()).filter((p) => p.enabled);
  const kind = opts.provider as ProviderKind | undefined;
  if (kind) {
    const same = stored.find((p) => p.kind === kind && (!opts.baseUrl || p.baseUrl === opts.baseUrl));
    if (same && (opts.model || same.models[0])) return { provider: same.id, model: opts.model ?? same.models[0] };
    return { ...extraProvider(kind, opts), provider: `cli-${kind}`, model: modelFor(kind, opts) };
  }
  if (stored.length && !opts.baseUrl) return { model: opts.model };
  const fromEnv = (['openai', 'anthropic', 'gemini'] as const).find((k) => ENV_KEY_NAMES[k].some((n) => process.env[n]));
  const k: ProviderKind | undefined = fromEnv ?? (opts.baseUrl ? 'openai-compatible' : undefined);
  if (!k) throw new AppError('AI_NO_PROVIDER', 'No AI provider: pass --provider (with OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY set), or add one in the app under Settings → AI.');
  return { ...extraProvider(k, opts), provider: `cli-${k}`, model: modelFor(k, opts) };
}

function modelFor(kind: ProviderKind, opts: AskOptions): string {
  const model = opts.model ?? DEFAULT_MODELS[kind];
  if (!model) throw new UsageError(`--provider ${kind} needs --model (the name the server knows the model by).`);
  return model;
}

function extraProvider(kind: ProviderKind, opts: AskOptions): { extra: ProviderConfig } {
  return { extra: { id: `cli-${kind}`, kind, name: `${kind} (command line)`, baseUrl: opts.baseUrl ?? null, enabled: true, models: [modelFor(kind, opts)] } };
}

/** One driver connection and the index file as a task target. */
function cliTarget(conn: DriverConnection, index: RetrievalIndex, snapshot: SchemaSnapshot, readOnly: boolean, docs: Pick<TaskTarget, 'descriptions' | 'glossary'>): TaskTarget {
  let current = snapshot;
  return {
    engine: conn.dialect.engine,
    readOnly,
    snapshot: async (refresh) => (refresh ? (current = await conn.introspect()) : current),
    explain: (sql) => conn.explain(sql, { analyze: false }),
    context: (question, o) => buildPromptContext(index, current, question, { include: o?.include, exclude: o?.exclude, budget: o?.budgetTokens }),
    descriptions: docs.descriptions,
    glossary: docs.glossary,
    samples: (columns, signal) => sampleColumns(conn, current, columns, signal),
  };
}

interface RanResult {
  result: PrintedResult | null;
}

/** Runs a valid answer through the same script runner as `querygenie query` (read-only enforced there too). */
async function runAnswer(conn: DriverConnection, gen: GeneratedSql, readOnly: boolean): Promise<RanResult> {
  if (!gen.valid) throw new AppError('QUERY_ERROR', `Not run: the SQL did not pass validation (${gen.problems.find((p) => p.severity === 'error')?.message ?? 'see problems'}).`);
  if (gen.refused) throw new AppError('READ_ONLY_VIOLATION', 'Not run: the answer changes data and the database is open read-only. Add --allow-writes to run it.');
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'querygenie-ask-'));
  const spools: ResultSpool[] = [];
  try {
    const outcome = await runScript(conn, gen.sql, { readOnly, budget: new MemoryBudget(64 * 1024 * 1024), tempDir, onResultSet: (_i, s) => void spools.push(s) });
    const st = outcome.statements[0];
    if (st?.error) throw AppError.fromData(st.error);
    const rs = st?.resultSets[0];
    const spool = spools[0];
    if (!rs || !spool) return { result: { columns: [], rows: [], rowCount: 0, rowsAffected: st?.rowsAffected ?? null, truncated: false } };
    const max = 1000;
    return { result: { columns: rs.columns, rows: await spool.read(0, Math.min(spool.total, max)), rowCount: spool.total, rowsAffected: st.rowsAffected, truncated: spool.total > max } };
  } finally {
    await Promise.all(spools.map((s) => s.close()));
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

async function print(gen: GeneratedSql, json: boolean, ran: RanResult | undefined): Promise<void> {
  const usage = gen.usage.toUsage();
  if (json) {
    const doc = { sql: gen.sql, tables: gen.tablesUsed, repairs: gen.repairs, tokens: usage.tokens, cost: usage.costUsd, valid: gen.valid, problems: gen.problems, provider: usage.provider, model: usage.model };
    let text = JSON.stringify(doc);
    if (ran?.result) {
      const cols = JSON.stringify(ran.result.columns.map((c) => c.name));
      const rows = ran.result.rows.map((r) => `[${r.map(cellToJson).join(',')}]`).join(',');
      text = `${text.slice(0, -1)},"columns":${cols},"rows":[${rows}]}`;
    }
    await write(`${text}\n`);
    return;
  }
  await write(`${gen.sql}\n`);
  const line = gen.prose.split('\n').find((l) => l.trim());
  if (line) process.stderr.write(`-- ${line.trim()}\n`);
  for (const p of gen.problems) process.stderr.write(`${p.severity}: ${p.message}\n`);
  process.stderr.write(`-- ${usage.provider}/${usage.model}: ${usage.tokens.input} in, ${usage.tokens.output} out, $${usage.costUsd.toFixed(4)}, ${gen.repairs} repair round(s)\n`);
  if (ran?.result) await write(`\n${resultToTable(ran.result)}`);
}
