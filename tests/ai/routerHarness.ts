/** A router on a fresh app database and memory keychain, with recorded (instant) retry sleeps. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openAppDatabase } from '../../src/main/app/appDb';
import { AI_MIGRATION } from '../../src/main/ai/migration';
import { createRouter, type AiRouterService, type RouterDeps } from '../../src/main/ai/router';
import { MemorySecretStore } from '../../src/main/secrets/secretStore';

/** What a test gets. */
export interface RouterFixture {
  router: AiRouterService;
  db: Database.Database;
  secrets: MemorySecretStore;
  file: string;
  /** Delays the router asked to sleep between retries. */
  sleeps: number[];
  close(): void;
}

/** Builds a router; `sleep` records the delay and returns at once (unless the signal is aborted). */
export function routerFixture(extra: Partial<RouterDeps> = {}): RouterFixture {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-ai-router-'));
  const file = path.join(dir, 'app.db');
  // Only this feature's migration: the test does not depend on other features' tables.
  const { db } = openAppDatabase(file, [AI_MIGRATION]);
  const secrets = new MemorySecretStore();
  const sleeps: number[] = [];
  const router = createRouter({
    db,
    secrets,
    random: () => 0.5,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      signal?.throwIfAborted();
    },
    ...extra,
  });
  return {
    router, db, secrets, file, sleeps,
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
