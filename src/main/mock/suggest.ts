/**
 * AI suggestions of generators per column (issue 9): the model sees only table and column names,
 * types and comments — never a value — and answers with a JSON object; every suggestion is
 * checked against the real columns and the generator list, and shown to the user for review
 * (nothing is applied here).
 */
import { AppError } from '../../shared/errors';
import type { SchemaSnapshot, TableInfo } from '../../shared/schema';
import type { AiRouter, ChatMessage } from '../ai/types';
import { GENERATOR_NAMES } from './generators';

/** One suggestion for a column, keyed like an override (`<table>.<column>`). */
export interface GeneratorSuggestion {
  key: string;
  generator: string;
  /** Why (from the model), short. */
  reason: string;
}

/** The tables (dialog names: `table` or `schema.table`) found in the snapshot. */
function resolveTables(snapshot: SchemaSnapshot, names: string[]): Array<{ name: string; table: TableInfo }> {
  const out: Array<{ name: string; table: TableInfo }> = [];
  for (const name of names) {
    for (const s of snapshot.schemas)
      for (const t of s.tables) if (t.name === name || `${s.name}.${t.name}` === name) out.push({ name, table: t });
  }
  return out;
}

/** The prompt: schema first (cacheable), then the task with the allowed generator names. */
export function suggestionPrompt(tables: Array<{ name: string; table: TableInfo }>): ChatMessage[] {
  const schema = tables
    .map(({ name, table }) => `${name}(${table.columns.filter((c) => !c.generated).map((c) => `${c.name} ${c.dataType}${c.comment ? ` -- ${c.comment}` : ''}`).join(', ')})`)
    .join('\n');
  return [
    { role: 'system', content: `Tables to fill with realistic test data:\n${schema}`, cacheable: true },
    {
      role: 'user',
      content:
        `For each column whose meaning is clear from its name, type or comment, choose the best generator from this list: ${GENERATOR_NAMES.join(', ')}.\n` +
        'Skip key columns and columns where no generator fits. Answer with only a JSON object: ' +
        '{"suggestions":[{"table":"<table as written above>","column":"<column>","generator":"<name>","reason":"<few words>"}]}',
    },
  ];
}

/** The JSON object in a reply (fenced or bare). */
function parseJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  const body = (fenced?.[1] ?? text).trim();
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end <= start) throw new AppError('AI_UNAVAILABLE', 'The model did not answer with JSON; try again or pick generators by hand.');
  try {
    return JSON.parse(body.slice(start, end + 1));
  } catch {
    throw new AppError('AI_UNAVAILABLE', 'The model answered with broken JSON; try again or pick generators by hand.');
  }
}

/** Keeps only suggestions for real, non-generated columns and known generators. */
export function checkSuggestions(reply: string, tables: Array<{ name: string; table: TableInfo }>): { suggestions: GeneratorSuggestion[]; dropped: number } {
  const parsed = parseJson(reply) as { suggestions?: unknown };
  const list = Array.isArray(parsed.suggestions) ? parsed.suggestions : [];
  const known = new Set(GENERATOR_NAMES);
  const out = new Map<string, GeneratorSuggestion>();
  let dropped = 0;
  for (const item of list as Array<Record<string, unknown>>) {
    const t = tables.find((x) => x.name === item.table || x.table.name === item.table);
    const col = t?.table.columns.find((c) => c.name === item.column && !c.generated);
    const generator = typeof item.generator === 'string' ? item.generator : '';
    if (!t || !col || !known.has(generator)) {
      dropped++;
      continue;
    }
    out.set(`${t.name}.${col.name}`, { key: `${t.name}.${col.name}`, generator, reason: typeof item.reason === 'string' ? item.reason.slice(0, 200) : '' });
  }
  return { suggestions: [...out.values()], dropped };
}

/** Asks the router for generator suggestions for `tableNames` of `snapshot`. */
export async function suggestGenerators(router: AiRouter, snapshot: SchemaSnapshot, tableNames: string[], connectionId: string, signal?: AbortSignal): Promise<{ suggestions: GeneratorSuggestion[]; dropped: number; provider: string; model: string; costUsd: number }> {
  const tables = resolveTables(snapshot, tableNames);
  if (!tables.length) throw new AppError('NOT_FOUND', 'None of the chosen tables exist any more; refresh the schema.');
  const result = await router.complete({ task: 'mock', messages: suggestionPrompt(tables), temperature: 0, connectionId, ...(signal ? { signal } : {}) });
  return { ...checkSuggestions(result.text, tables), provider: result.provider, model: result.model, costUsd: result.costUsd };
}
