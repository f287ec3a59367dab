/** The whole app (createApp) on a temp home, a SQLite shop database, and the AI stand-in as the provider. */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RecordedRequest } from '../harness/aiStandIn';
import { startAppWithStandIn, type AppWithStandIn } from '../harness/appWithStandIn';

/** Values that must never leave the machine unless allowed (PII: e-mail, first names). */
export const PII_VALUES = ['ann.lee@example.com', 'bo.kim@example.com', 'Annabel', 'Bohdan'];
/** Ordinary low-cardinality values (sent only with sample values on). */
export const PLAIN_VALUES = ['Lisbon', 'Trondheim', 'shipped', 'returned'];

/** Creates the shop database file. */
export function createShop(file: string): void {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE customer (customer_id INTEGER PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT, email TEXT, active INTEGER NOT NULL DEFAULT 1, city TEXT);
    CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customer(customer_id), status TEXT NOT NULL, total REAL NOT NULL);
    INSERT INTO customer VALUES (1, 'Annabel', 'Lee', 'ann.lee@example.com', 1, 'Lisbon'), (2, 'Bohdan', 'Kim', 'bo.kim@example.com', 0, 'Trondheim');
    INSERT INTO orders VALUES (1, 1, 'shipped', 10.5), (2, 1, 'returned', 3), (3, 2, 'shipped', 7);
  `);
  db.close();
}

/** The running app (with the stand-in) plus a connection to the shop and a provider at the stand-in. */
export interface TaskApp extends AppWithStandIn {
  file: string;
  connectionId: string;
  providerId: string;
  close(): Promise<void>;
}

/** Starts it. `kind` picks the protocol the stand-in speaks to the real SDK. */
export async function startTaskApp(kind: 'openai' | 'anthropic' | 'gemini' = 'openai'): Promise<TaskApp> {
  const base = await startAppWithStandIn('qg-ai-tasks-');
  const { app, standIn, home } = base;
  const file = path.join(home, 'shop.sqlite');
  createShop(file);
  const conn = await app.handlers['connections.save']({ name: 'shop', engine: 'sqlite', params: { filePath: file } });
  const baseUrl = kind === 'openai' ? standIn.openaiBaseUrl : kind === 'anthropic' ? standIn.anthropicBaseUrl : standIn.geminiBaseUrl;
  const provider = await app.handlers['ai.providers.save']({ kind, name: `Stand-in ${kind}`, baseUrl, models: ['test-model'], key: 'sk-test-SECRET-123' });
  return { ...base, file, connectionId: conn.id, providerId: provider.id, close: () => base.stop() };
}

/** A reply with one SQL block and a line. */
export const sqlReply = (sql: string, line = 'Does what you asked.'): string => `Here it is:\n\`\`\`sql\n${sql}\n\`\`\`\n${line}`;

/** Everything a captured request sent, as text (for "never appears" assertions). */
export const sent = (r: RecordedRequest): string => JSON.stringify(r.body);

/** The text of the last user message of an OpenAI chat request. */
export function lastUserText(r: RecordedRequest): string {
  const body = r.body as { messages: { role: string; content: string | { text?: string }[] }[] };
  const user = body.messages.filter((m) => m.role === 'user').at(-1);
  const c = user?.content;
  return typeof c === 'string' ? c : (c ?? []).map((p) => p.text ?? '').join('');
}
