/** Pure logic of the "Generate mock data" dialog: table choices, input checks, progress. */
import type { SchemaSnapshot } from '../../../shared/schema';
import type { MockPlanTable } from '../../../shared/contract';
import { cellToText, type CellValue } from '../../../shared/values';

/** A table the user can tick: `name` is what the backend takes (`schema.table` when several schemas). */
export interface MockTableChoice {
  name: string;
  label: string;
}

/** The base tables of a snapshot (no views), qualified by schema only when there are several. */
export function tableChoices(snapshot: SchemaSnapshot): MockTableChoice[] {
  const withTables = snapshot.schemas.filter((s) => s.tables.some((t) => t.kind === 'table'));
  const qualify = withTables.length > 1;
  return withTables.flatMap((s) =>
    s.tables
      .filter((t) => t.kind === 'table')
      .map((t) => {
        const name = qualify ? `${s.name}.${t.name}` : t.name;
        return { name, label: name };
      }),
  );
}

/** Adds or removes `name` from the chosen tables, keeping the choices' order. */
export function toggleTable(chosen: readonly string[], name: string, choices: readonly MockTableChoice[]): string[] {
  const set = new Set(chosen);
  if (set.has(name)) set.delete(name);
  else set.add(name);
  return choices.map((c) => c.name).filter((n) => set.has(n));
}

/** The form's inputs as typed (text fields). */
export interface MockForm {
  tables: string[];
  rows: string;
  seed: string;
  /** Row counts typed for particular tables; empty means "Rows per table". */
  tableRows?: Record<string, string>;
}

/** Valid settings, or the first problem to show. */
export type MockSettings =
  | { ok: true; tables: string[]; rows: number; seed: number | undefined; rowsPerTable: Record<string, number> }
  | { ok: false; error: string };

/** The largest row count the dialog lets one click insert. */
export const MAX_ROWS = 1_000_000;

/** Checks the form: at least one table, a whole row count in range, an optional whole seed. */
export function validateMockForm(form: MockForm): MockSettings {
  if (form.tables.length === 0) return { ok: false, error: 'Tick at least one table.' };
  const rowsText = form.rows.trim();
  const rows = Number(rowsText);
  if (!/^\d+$/.test(rowsText) || rows < 1 || rows > MAX_ROWS)
    return { ok: false, error: `Rows per table: a whole number from 1 to ${MAX_ROWS.toLocaleString('en-US')}.` };
  const rowsPerTable: Record<string, number> = {};
  for (const t of form.tables) {
    const text = form.tableRows?.[t]?.trim() ?? '';
    if (text === '') continue;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n > MAX_ROWS) return { ok: false, error: `Rows for ${t}: a whole number from 0 to ${MAX_ROWS.toLocaleString('en-US')} (or leave it empty).` };
    rowsPerTable[t] = n;
  }
  const seedText = form.seed.trim();
  if (seedText === '') return { ok: true, tables: form.tables, rows, seed: undefined, rowsPerTable };
  if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText))) return { ok: false, error: 'Seed: a whole number (or leave it empty).' };
  return { ok: true, tables: form.tables, rows, seed: Number(seedText), rowsPerTable };
}

/** Percent done (0..100, whole) of a progress event. */
export function progressPercent(rows: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((rows / total) * 100)));
}

/** "suppliers, products (auto: categories)": what the insert will touch. */
export function describePlan(plan: readonly MockPlanTable[]): string {
  const chosen = plan.filter((t) => !t.auto).map((t) => t.table);
  const auto = plan.filter((t) => t.auto).map((t) => t.table);
  return auto.length ? `${chosen.join(', ')} (auto, only if empty: ${auto.join(', ')})` : chosen.join(', ');
}

/** One preview cell as short text (NULL shown, long text cut). */
export function previewCell(value: CellValue, max = 40): string {
  if (value === null) return 'NULL';
  const text = cellToText(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A column override as the user types it (text fields; empty means "automatic"). */
export interface OverrideForm {
  generator: string;
  /** Percent of NULLs, 0..100. */
  nullPercent: string;
  min: string;
  max: string;
  distribution: '' | 'uniform' | 'normal' | 'zipf';
  /** Fixed values, comma-separated. */
  values: string;
}

/** An override as the backend takes it (`mock.preview`/`insert`/`export`). */
export interface ColumnOverrideArgs {
  generator?: string;
  nullRatio?: number;
  min?: number;
  max?: number;
  distribution?: 'uniform' | 'normal' | 'zipf';
  values?: string[];
}

/** The empty form: every column automatic. */
export const EMPTY_OVERRIDE: OverrideForm = { generator: '', nullPercent: '', min: '', max: '', distribution: '', values: '' };

/** The key the backend reads an override under: `<table choice>.<column>`. */
export function overrideKey(table: string, column: string): string {
  return `${table}.${column}`;
}

/** Checks one override form: null when everything is automatic, the override, or the problem to show. */
export function parseOverride(form: OverrideForm, generators: readonly string[]): { ok: true; value: ColumnOverrideArgs | null } | { ok: false; error: string } {
  const out: ColumnOverrideArgs = {};
  if (form.generator) {
    if (!generators.includes(form.generator)) return { ok: false, error: `Unknown generator "${form.generator}".` };
    out.generator = form.generator;
  }
  const num = (text: string): number | null | undefined => (text.trim() === '' ? undefined : Number.isFinite(Number(text)) ? Number(text) : null);
  const nulls = num(form.nullPercent);
  if (nulls === null || (nulls !== undefined && (nulls < 0 || nulls > 100))) return { ok: false, error: 'NULLs: a percentage from 0 to 100.' };
  if (nulls !== undefined) out.nullRatio = nulls / 100;
  const min = num(form.min);
  const max = num(form.max);
  if (min === null || max === null) return { ok: false, error: 'Min and max: numbers.' };
  if (min !== undefined && max !== undefined && min > max) return { ok: false, error: 'Min is larger than max.' };
  if (min !== undefined) out.min = min;
  if (max !== undefined) out.max = max;
  if (form.distribution) out.distribution = form.distribution;
  const values = form.values.split(',').map((v) => v.trim()).filter((v) => v !== '');
  if (values.length) out.values = values;
  return { ok: true, value: Object.keys(out).length ? out : null };
}

/** The overrides argument for the backend, or the first problem (with the column it is about). */
export function overridesArg(forms: Readonly<Record<string, OverrideForm>>, generators: readonly string[]): { ok: true; value: Record<string, ColumnOverrideArgs> | undefined } | { ok: false; error: string } {
  const out: Record<string, ColumnOverrideArgs> = {};
  for (const [key, form] of Object.entries(forms)) {
    const r = parseOverride(form, generators);
    if (!r.ok) return { ok: false, error: `${key}: ${r.error}` };
    if (r.value) out[key] = r.value;
  }
  return { ok: true, value: Object.keys(out).length ? out : undefined };
}
