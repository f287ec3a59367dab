/** Makes sure the built-in demo database and its "Demo (SQLite)" connection exist. */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { ConnectionStore } from '../connections/store';
import { generateDemoDatabase } from './generateDemo';

/** The demo connection's name. */
export const DEMO_CONNECTION_NAME = 'Demo (SQLite)';

/**
 * Adds the demo connection on first start only (a user who removed it does not get it back), and
 * (re)generates the demo file whenever the demo connection exists but its file does not.
 */
export async function ensureDemo(store: ConnectionStore, db: Database.Database, demoFile: string): Promise<void> {
  const added = db.prepare("SELECT 1 FROM settings WHERE key = 'demo.added'").get();
  if (!added) {
    db.prepare("INSERT INTO settings (key, value) VALUES ('demo.added', '1')").run();
    if (!store.list().some((c) => c.isDemo)) {
      store.create({
        name: DEMO_CONNECTION_NAME,
        engine: 'sqlite',
        params: { engine: 'sqlite', filePath: demoFile },
        color: '#2f80ed',
        environment: 'local',
        readOnly: false,
        isDemo: true,
      });
    }
  }
  if (store.list().some((c) => c.isDemo) && !fs.existsSync(demoFile)) await generateDemoDatabase(demoFile);
}
