/**
 * Privacy: the ONE place that decides which facts about a database leave the machine. By default
 * only names, types, keys, comments and the user's descriptions; sample values and result rows
 * only when the connection allows them, and never for columns that look personal unless the
 * user allowed that column by name.
 */
import type Database from 'better-sqlite3';
import type { AiPrivacySettings, PiiColumn } from '../../../shared/contracts/ai';
import type { SchemaSnapshot, TableInfo } from '../../../shared/schema';
import type { CellValue } from '../../../shared/values';
import { compactDdl } from '../../retrieval/contextBuilder';
import { nameTokens } from './nearest';
import type { ColumnSamples } from './types';

/** The defaults: nothing but structure leaves the machine. */
export function defaultPrivacy(connectionId: string): AiPrivacySettings {
  return { connectionId, allowSampleValues: false, allowResultRows: false, columns: {} };
}

// Word patterns over the column's name tokens (joined with '_'), why each is personal.
const PII_RULES: [RegExp, string][] = [
  [/(^|_)(e_?mail|email_address|mail)($|_)/, 'e-mail address'],
  [/(^|_)(phone|mobile|cell|telephone|tel|fax|msisdn)($|_)/, 'phone number'],
  [/(^|_)(first|last|full|middle|given|family|maiden|sur|nick|display|contact|customer|user)_?name($|_)|(^|_)(firstname|lastname|fullname|surname|username|forename)($|_)/, 'personal name'],
  [/(^|_)(address|addr|street|address1|address2|zip|zipcode|zip_code|postal|postcode|post_code)($|_)/, 'postal address'],
  [/(^|_)(birth|birthday|birthdate|dob|date_of_birth|born)($|_)/, 'date of birth'],
  [/(^|_)(ssn|social_security|national_id|nationalid|nin|passport|tax_id|taxid|driver_licen[cs]e|id_card|personal_id)($|_)/, 'national or identity number'],
  [/(^|_)(card|credit_card|card_number|cc|ccnum|cc_number|pan|iban|bic|swift|account_number|acct|acct_no|bank_account|routing|cvv|cvc)($|_)/, 'card or account number'],
  [/(^|_)(ip|ip_addr|ip_address|mac_address|geo|latitude|longitude|lat|lng|lon)($|_)/, 'network address or location'],
  [/(^|_)(password|passwd|pwd|secret|token|api_key|apikey|salt|hash)($|_)/, 'secret'],
];
// A bare `name` is personal on tables of people.
const PERSON_TABLE = /(^|_)(customers?|users?|persons?|people|employees?|staff|members?|patients?|contacts?|clients?|students?|authors?|actors?|accounts?|guests?|drivers?)($|_)/;
const PII_TYPES: [RegExp, string][] = [[/^(inet|cidr|macaddr8?)\b/i, 'network address']];

/** Why a column looks personal, or null. */
export function piiReason(table: string, column: string, dataType = ''): string | null {
  const key = nameTokens(column).join('_');
  for (const [re, why] of PII_RULES) if (re.test(key)) return why;
  if (key === 'name' && PERSON_TABLE.test(nameTokens(table).join('_'))) return 'personal name';
  for (const [re, why] of PII_TYPES) if (re.test(dataType)) return why;
  return null;
}

/** Every column of the snapshot that looks personal (`schema.table.column`). */
export function detectPii(snapshot: SchemaSnapshot): PiiColumn[] {
  const out: PiiColumn[] = [];
  for (const s of snapshot.schemas)
    for (const t of s.tables)
      for (const c of t.columns) {
        const reason = piiReason(t.name, c.name, c.dataType);
        if (reason) out.push({ column: `${s.name}.${t.name}.${c.name}`, reason });
      }
  return out;
}

/** May values of this column leave the machine? Only with sample values on, and per-column rules. */
export function valuesAllowed(settings: AiPrivacySettings, schema: string, table: TableInfo, column: string, dataType = ''): boolean {
  if (!settings.allowSampleValues) return false;
  const rule = settings.columns[`${schema}.${table.name}.${column}`];
  if (rule) return rule === 'allow';
  return piiReason(table.name, column, dataType) === null;
}

/** The columns (`schema.table.column`) of `tables` whose values may be sampled. */
export function sampleableColumns(settings: AiPrivacySettings, snapshot: SchemaSnapshot, tables: string[]): string[] {
  if (!settings.allowSampleValues) return [];
  const wanted = new Set(tables);
  const out: string[] = [];
  for (const s of snapshot.schemas)
    for (const t of s.tables) {
      if (!wanted.has(`${s.name}.${t.name}`)) continue;
      for (const c of t.columns) if (valuesAllowed(settings, s.name, t, c.name, c.dataType)) out.push(`${s.name}.${t.name}.${c.name}`);
    }
  return out;
}

/** Inputs of the schema block. */
export interface SchemaBlockInput {
  snapshot: SchemaSnapshot;
  /** Tables to describe (`schema.table`), in order. */
  tables: string[];
  settings: AiPrivacySettings;
  descriptions: Map<string, string>;
  /** Sampled values; any column privacy does not allow is dropped here again. */
  samples?: ColumnSamples;
}

/** The schema part of a prompt: compact DDL, the user's descriptions and (only when allowed) sample values. */
export function buildSchemaBlock(input: SchemaBlockInput): string {
  const lines: string[] = [];
  const byRef = new Map<string, { schema: string; table: TableInfo }>();
  for (const s of input.snapshot.schemas) for (const t of s.tables) byRef.set(`${s.name}.${t.name}`, { schema: s.name, table: t });
  for (const ref of input.tables) {
    const found = byRef.get(ref);
    if (!found) continue;
    const { schema, table } = found;
    lines.push(compactDdl(schema, table));
    const own = input.descriptions.get(ref);
    if (own) lines.push(`  -- ${ref}: ${flat(own)}`);
    for (const c of table.columns) {
      const d = input.descriptions.get(`${ref}.${c.name}`);
      if (d) lines.push(`  -- ${ref}.${c.name}: ${flat(d)}`);
      const values = input.samples?.get(`${ref}.${c.name}`);
      if (values?.length && valuesAllowed(input.settings, schema, table, c.name, c.dataType)) {
        lines.push(`  -- values of ${c.name}: ${values.slice(0, 20).map((v) => `'${v.slice(0, 60).replace(/'/g, "''")}'`).join(', ')}`);
      }
    }
  }
  return lines.join('\n');
}

const flat = (s: string): string => s.replace(/\s+/g, ' ').trim().slice(0, 500);

/**
 * An example query as it may be sent: string literals become '…' unless sample values are
 * allowed (saved queries often hold real values: an e-mail in a WHERE clause).
 */
export function exampleForPrompt<E extends { sql: string }>(settings: AiPrivacySettings, example: E): E {
  if (settings.allowSampleValues) return example;
  return { ...example, sql: example.sql.replace(/'(?:[^']|'')*'/g, "'…'") };
}

/** Result rows for an explanation, or null when not allowed; personal columns (by name) are dropped unless allowed. */
export function allowedResultRows(settings: AiPrivacySettings, data: { columns: string[]; rows: CellValue[][] } | undefined): { columns: string[]; rows: CellValue[][] } | null {
  if (!settings.allowResultRows || !data) return null;
  const rules = Object.entries(settings.columns);
  const keep = data.columns.map((name) => {
    const rule = rules.find(([k]) => k.toLowerCase().endsWith(`.${name.toLowerCase()}`))?.[1];
    if (rule) return rule === 'allow';
    return piiReason('', name) === null;
  });
  const columns = data.columns.filter((_, i) => keep[i]);
  if (!columns.length) return null;
  return { columns, rows: data.rows.slice(0, 20).map((r) => r.filter((_, i) => keep[i])) };
}

/** Per-connection privacy settings in the app database. */
export class PrivacyStore {
  constructor(private readonly db: Database.Database) {}

  /** The settings of a connection (the defaults when never saved). */
  get(connectionId: string): AiPrivacySettings {
    const row = this.db.prepare('SELECT allow_sample_values, allow_result_rows, columns_json FROM ai_privacy WHERE connection_id = ?').get(connectionId) as
      | { allow_sample_values: number; allow_result_rows: number; columns_json: string }
      | undefined;
    if (!row) return defaultPrivacy(connectionId);
    return { connectionId, allowSampleValues: row.allow_sample_values === 1, allowResultRows: row.allow_result_rows === 1, columns: JSON.parse(row.columns_json) as AiPrivacySettings['columns'] };
  }

  /** Saves the settings of a connection. */
  save(s: AiPrivacySettings): AiPrivacySettings {
    this.db
      .prepare(
        `INSERT INTO ai_privacy (connection_id, allow_sample_values, allow_result_rows, columns_json, updated_at)
         VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
         ON CONFLICT(connection_id) DO UPDATE SET allow_sample_values = excluded.allow_sample_values,
           allow_result_rows = excluded.allow_result_rows, columns_json = excluded.columns_json, updated_at = excluded.updated_at`,
      )
      .run(s.connectionId, s.allowSampleValues ? 1 : 0, s.allowResultRows ? 1 : 0, JSON.stringify(s.columns));
    return this.get(s.connectionId);
  }
}
