/** `querygenie index` and `querygenie search`: the local retrieval index of a database. */
import type { Command } from 'commander';
import { openAppDatabase } from '../../app/appDb';
import { appPaths, defaultHome } from '../../app/paths';
import { ConnectionStore } from '../../connections/store';
import { createRouter } from '../../ai/router';
import type { ProviderKind } from '../../ai/types';
import { BuiltinEmbedder } from '../../retrieval/embedders/builtin';
import { createProviderEmbedder } from '../../retrieval/embedders/provider';
import type { Embedder } from '../../retrieval/embedders/types';
import { chooseSecretStore } from '../../secrets/chooseSecretStore';
import type { RetrievalIndex } from '../../retrieval/index';
import { expandAlongForeignKeys, hybridSearch } from '../../retrieval/search';
import { indexConnection, indexFilePath, openIndex, storedSnapshot } from '../../retrieval/service';
import { EXIT, reportError, UsageError, write } from '../io';
import { openTarget, resolveTarget, type TargetOptions } from '../target';

interface IndexOptions extends TargetOptions {
  embedder?: string;
  embeddingModel?: string;
  baseUrl?: string;
  valueSamples?: boolean;
}

/** The provider embedders `--embedder` offers, with their default model and address. */
const PROVIDER_EMBEDDERS: Record<string, { kind: ProviderKind; model: string; baseUrl: string | null }> = {
  openai: { kind: 'openai', model: 'text-embedding-3-small', baseUrl: null },
  gemini: { kind: 'gemini', model: 'gemini-embedding-001', baseUrl: null },
  // No address: the Ollama endpoint of Settings → AI (or QG_OLLAMA_URL), /v1.
  ollama: { kind: 'openai-compatible', model: 'nomic-embed-text', baseUrl: null },
};

/**
 * The embedder named by `--embedder`: the built-in one, or a provider through the AI router
 * (keys from the keychain or OPENAI_API_KEY / GEMINI_API_KEY; `--base-url` points it elsewhere).
 */
async function cliEmbedder(opts: IndexOptions, db: import('better-sqlite3').Database): Promise<Embedder> {
  const name = opts.embedder ?? 'builtin';
  if (name === 'builtin') return new BuiltinEmbedder();
  const preset = PROVIDER_EMBEDDERS[name];
  if (!preset) throw new UsageError(`Unknown embedder "${name}". Use one of: builtin, ${Object.keys(PROVIDER_EMBEDDERS).join(', ')}.`);
  const model = opts.embeddingModel ?? preset.model;
  const id = `cli-${name}`;
  const { store } = await chooseSecretStore({ service: process.env.QG_KEYCHAIN_SERVICE });
  const router = createRouter({ db, secrets: store, env: process.env, extraProviders: [{ id, kind: preset.kind, name, baseUrl: opts.baseUrl ?? preset.baseUrl, enabled: true, models: [model] }] });
  return createProviderEmbedder(router, id, model);
}

interface SearchOptions extends TargetOptions {
  embedder?: string;
  reindex?: boolean;
  k?: string;
  json?: boolean;
  expand?: boolean;
}

/** Opens the index of `--url`/`--conn`; (re)builds it from the database when asked or missing. */
async function withIndex<T>(opts: IndexOptions, rebuild: boolean, fn: (index: RetrievalIndex) => Promise<T>): Promise<T> {
  const params = await resolveTarget(opts);
  // The app database: saved connections, and the AI settings and request log of provider embedders.
  const { db } = openAppDatabase(appPaths(defaultHome()).appDb);
  let index: RetrievalIndex;
  try {
    const connectionId = opts.conn ? new ConnectionStore(db).get(opts.conn).id : undefined;
    index = openIndex(indexFilePath(defaultHome(), { connectionId, params }), await cliEmbedder(opts, db));
  } catch (err) {
    db.close();
    throw err;
  }
  try {
    if (rebuild || !index.isBuilt()) {
      const conn = await openTarget(params);
      try {
        const { stats } = await indexConnection(conn, index, {
          valueSamples: opts.valueSamples === true,
          onProgress: (p) => process.stderr.isTTY && process.stderr.write(`\r${p.phase} ${p.done}/${p.total}   `),
        });
        if (process.stderr.isTTY) process.stderr.write('\r');
        process.stderr.write(`indexed ${stats.total} chunks (${stats.embedded} embedded, ${stats.unchanged} unchanged, ${stats.removed} removed${stats.rebuilt ? ', full rebuild' : ''})\n`);
      } finally {
        await conn.close().catch(() => undefined);
      }
    }
    return await fn(index);
  } finally {
    index.close();
    db.close();
  }
}

/** Registers both commands. */
export function registerRetrieval(program: Command, setExit: (code: number) => void): void {
  program
    .command('index')
    .description('Build or update the local retrieval index of a database (offline; used by search and AI)')
    .option('--url <url>', 'connection URL or SQLite file path')
    .option('--conn <name>', 'a saved connection')
    .option('--embedder <name>', 'embedder: builtin (offline default), openai, gemini or ollama', 'builtin')
    .option('--embedding-model <model>', 'the provider model (default: text-embedding-3-small, gemini-embedding-001, nomic-embed-text)')
    .option('--base-url <url>', "the provider's address (a proxy, a gateway, a local server)")
    .option('--value-samples', 'also index distinct values of low-cardinality text columns (off by default)')
    .action(async (opts: IndexOptions) => {
      try {
        await withIndex(opts, true, () => Promise.resolve());
        setExit(EXIT.ok);
      } catch (err) {
        setExit(reportError(err));
      }
    });

  program
    .command('search')
    .description('Rank the tables of a database for a question (hybrid vector + keyword search)')
    .argument('<question...>', 'the question, in plain words')
    .option('--url <url>', 'connection URL or SQLite file path')
    .option('--conn <name>', 'a saved connection')
    .option('--embedder <name>', 'embedder: builtin (offline default), openai, gemini or ollama', 'builtin')
    .option('--embedding-model <model>', 'the provider model')
    .option('--base-url <url>', "the provider's address")
    .option('--k <n>', 'number of tables', '10')
    .option('--json', 'print a JSON array of {"table","score"}, best first')
    .option('--expand', 'add bridge tables on foreign-key paths between the ranked tables')
    .option('--reindex', 'bring the index up to date with the database first (only changed tables are re-embedded)')
    .action(async (words: string[], opts: SearchOptions) => {
      try {
        const k = Number(opts.k);
        if (!Number.isInteger(k) || k < 1) throw new UsageError('--k takes a positive whole number, e.g. --k 10.');
        await withIndex(opts, opts.reindex === true, async (index) => {
          const result = await hybridSearch(index, words.join(' '), { k });
          let rows = result.tables.map((t) => ({ table: t.table, score: Number(t.score.toFixed(6)), why: t.chunks[0]?.via.join('+') ?? '' }));
          if (opts.expand) {
            const snapshot = storedSnapshot(index);
            const examples = result.chunks.filter((c) => c.sql).slice(0, 3).map((c) => c.sql!);
            if (snapshot) {
              const { added } = expandAlongForeignKeys(rows.map((r) => r.table), snapshot, { exampleSql: examples });
              rows = [...rows, ...added.map((a) => ({ table: a.table, score: 0, why: a.reason }))];
            }
          }
          if (opts.json) await write(`${JSON.stringify(rows.map((r) => ({ table: r.table, score: r.score })))}\n`);
          else await write(`${rows.map((r, i) => `${String(i + 1).padStart(3)}. ${r.table}  ${r.score.toFixed(4)}  (${r.why})`).join('\n')}\n`);
        });
        setExit(EXIT.ok);
      } catch (err) {
        setExit(reportError(err));
      }
    });
}
