/**
 * Builds the messages of each task from a target, the privacy settings and the thread — the same
 * code for a real send and for "preview the exact prompt", so the preview cannot drift.
 */
import type { AiContextInfo, AiPrivacySettings } from '../../../shared/contracts/ai';
import { AppError } from '../../../shared/errors';
import type { SchemaSnapshot } from '../../../shared/schema';
import type { CellValue } from '../../../shared/values';
import { assembleContext, estimateTokens, type PromptContext } from '../../retrieval/contextBuilder';
import type { ChatMessage } from '../types';
import { checkNames } from './names';
import { allowedResultRows, buildSchemaBlock, exampleForPrompt, sampleableColumns } from './privacy';
import { askPrompt, describePrompt, explainPrompt, fixPrompt, type PromptBase } from './prompts';
import { parseRefs } from './sqlRefs';
import type { TaskTarget } from './types';

/** A prompt ready to send, with what grounded it. */
export interface PreparedPrompt {
  messages: ChatMessage[];
  context: AiContextInfo;
  snapshot: SchemaSnapshot;
}

/** What every task passes in. */
export interface PrepareInput {
  target: TaskTarget;
  privacy: AiPrivacySettings;
  turns?: ChatMessage[];
  include?: string[];
  exclude?: string[];
  signal?: AbortSignal;
}

/** The prompt base (schema block, examples, glossary) for a question or a statement. */
async function base(input: PrepareInput, question: string, extraInclude: string[] = []): Promise<{ base: PromptBase; ctx: PromptContext; snapshot: SchemaSnapshot }> {
  const snapshot = await input.target.snapshot();
  const include = [...new Set([...(input.include ?? []), ...extraInclude])].filter((t) => !(input.exclude ?? []).includes(t));
  const ctx = await contextOrFallback(input, snapshot, question, include);
  const wanted = sampleableColumns(input.privacy, snapshot, ctx.tables);
  const samples = wanted.length && input.target.samples ? await input.target.samples(wanted, input.signal) : undefined;
  const schema = buildSchemaBlock({ snapshot, tables: ctx.tables, settings: input.privacy, descriptions: input.target.descriptions(), samples });
  const examples = ctx.examples.map((e) => exampleForPrompt(input.privacy, e));
  return { base: { engine: input.target.engine, schema, examples, glossary: glossaryFor(input.target, question, ctx.text), turns: input.turns }, ctx, snapshot };
}

/**
 * The retrieval context; when retrieval itself fails (index damaged, embedder unavailable) the
 * tables are taken in schema order within the budget, so asking still works, and the reason says so.
 */
async function contextOrFallback(input: PrepareInput, snapshot: SchemaSnapshot, question: string, include: string[]): Promise<PromptContext> {
  try {
    return await input.target.context(question, { include, exclude: input.exclude, signal: input.signal });
  } catch (err) {
    if (input.signal?.aborted) throw err;
    const all = snapshot.schemas.flatMap((s) => s.tables.map((t) => `${s.name}.${t.name}`));
    const ctx = assembleContext({ snapshot, tables: [...include, ...all.filter((t) => !include.includes(t))], exclude: new Set(input.exclude ?? []) });
    return { ...ctx, reasons: [`retrieval was unavailable (${err instanceof Error ? err.message : String(err)}); tables taken in schema order`, ...ctx.reasons] };
  }
}

/** Glossary lines: those retrieval matched, plus terms the question names literally. */
function glossaryFor(target: TaskTarget, question: string, contextText: string): string[] {
  const lines = contextText.split('\n').filter((l) => l.startsWith('-- glossary: ')).map((l) => l.slice('-- glossary: '.length));
  const q = question.toLowerCase();
  for (const g of target.glossary()) {
    if (!q.includes(g.term.toLowerCase()) || lines.some((l) => l.toLowerCase().startsWith(g.term.toLowerCase()))) continue;
    lines.push(`${g.term}: ${g.definition.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  return lines.slice(0, 10);
}

function contextInfo(ctx: PromptContext, messages: ChatMessage[]): AiContextInfo {
  // Tokens of what is actually sent as context (schema + guidance), not of the retrieval draft.
  const tokens = estimateTokens(messages.slice(0, 2).map((m) => m.content).join('\n'));
  return { tables: ctx.tables, examples: ctx.examples, tokens, reasons: ctx.reasons };
}

/** Tables a statement names (for the context of explain/fix/optimise). */
export function tablesOf(sql: string, target: TaskTarget, snapshot: SchemaSnapshot): string[] {
  const parsed = parseRefs(sql, target.engine);
  return parsed.ok ? checkNames(parsed.refs, snapshot).tablesUsed : [];
}

/** Ask: question → messages. */
export async function prepareAsk(input: PrepareInput, question: string): Promise<PreparedPrompt> {
  const { base: b, ctx, snapshot } = await base(input, question);
  const messages = askPrompt(b, question);
  return { messages, context: contextInfo(ctx, messages), snapshot };
}

/** Explain: SQL (+ result rows when allowed) → messages. */
export async function prepareExplain(input: PrepareInput, sql: string, rows?: { columns: string[]; rows: CellValue[][] }): Promise<PreparedPrompt> {
  const tables = tablesOf(sql, input.target, await input.target.snapshot());
  const { base: b, ctx, snapshot } = await base(input, sql, tables);
  const messages = explainPrompt(b, sql, allowedResultRows(input.privacy, rows));
  return { messages, context: contextInfo(ctx, messages), snapshot };
}

/** Fix: failed SQL + error → messages. */
export async function prepareFix(input: PrepareInput, sql: string, error: string): Promise<PreparedPrompt> {
  const tables = tablesOf(sql, input.target, await input.target.snapshot());
  const { base: b, ctx, snapshot } = await base(input, `${sql}\n${error}`, tables);
  const messages = fixPrompt(b, sql, error);
  return { messages, context: contextInfo(ctx, messages), snapshot };
}

/** The base of an optimise prompt (its plan is added by the caller, which has run EXPLAIN). */
export async function prepareOptimiseBase(input: PrepareInput, sql: string): Promise<{ base: PromptBase; ctx: PromptContext; snapshot: SchemaSnapshot }> {
  const tables = tablesOf(sql, input.target, await input.target.snapshot());
  return base(input, sql, tables);
}

/** Describe: one table (and its foreign-key neighbours for meaning) → messages. */
export async function prepareDescribe(input: PrepareInput, table: string): Promise<PreparedPrompt & { columns: string[] }> {
  const snapshot = await input.target.snapshot();
  const found = findTable(snapshot, table);
  const ref = `${found.schema}.${found.table.name}`;
  const neighbours = new Set<string>();
  for (const fk of found.table.foreignKeys) neighbours.add(`${fk.refSchema}.${fk.refTable}`);
  for (const s of snapshot.schemas)
    for (const t of s.tables) if (t.foreignKeys.some((fk) => `${fk.refSchema}.${fk.refTable}` === ref)) neighbours.add(`${s.name}.${t.name}`);
  neighbours.delete(ref);
  const tables = [ref, ...[...neighbours].slice(0, 8)];
  const wanted = sampleableColumns(input.privacy, snapshot, [ref]);
  const samples = wanted.length && input.target.samples ? await input.target.samples(wanted, input.signal) : undefined;
  const schema = buildSchemaBlock({ snapshot, tables, settings: input.privacy, descriptions: input.target.descriptions(), samples });
  const columns = found.table.columns.map((c) => c.name);
  const messages = describePrompt({ engine: input.target.engine, schema, glossary: input.target.glossary().slice(0, 10).map((g) => `${g.term}: ${g.definition.replace(/\s+/g, ' ').slice(0, 200)}`) }, ref, columns);
  const ctx: PromptContext = { text: schema, tables, examples: [], tokens: estimateTokens(schema), reasons: [`${ref} and the tables its foreign keys connect it to`] };
  return { messages, context: contextInfo(ctx, messages), snapshot, columns };
}

/** Finds `schema.table` or a bare table name in the snapshot. */
export function findTable(snapshot: SchemaSnapshot, table: string): { schema: string; table: SchemaSnapshot['schemas'][number]['tables'][number] } {
  const dot = table.lastIndexOf('.');
  const [schema, name] = dot > 0 ? [table.slice(0, dot), table.slice(dot + 1)] : [undefined, table];
  for (const s of snapshot.schemas) {
    if (schema && s.name !== schema) continue;
    const t = s.tables.find((x) => x.name === name) ?? s.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (t) return { schema: s.name, table: t };
  }
  throw new AppError('NOT_FOUND', `There is no table "${table}" in this connection's schema. Refresh the schema or pick another table.`);
}
