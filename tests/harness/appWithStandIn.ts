/** An app on a temporary data folder plus the AI stand-in server, for tests of AI-backed features. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/main/app/createApp';
import { MemorySecretStore } from '../../src/main/secrets/secretStore';
import { startAiStandIn, type AiStandIn } from './aiStandIn';

/** The running pieces. */
export interface AppWithStandIn {
  home: string;
  app: App;
  demoId: string;
  standIn: AiStandIn;
  stop(): Promise<void>;
}

/** Starts both; `stop` closes both and deletes the folder. */
export async function startAppWithStandIn(prefix: string): Promise<AppWithStandIn> {
  const standIn = await startAiStandIn();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const app = await createApp({ home, mode: 'web', secrets: new MemorySecretStore() });
  const demoId = (await app.handlers['connections.list']({})).find((c) => c.isDemo)!.id;
  return {
    home,
    app,
    demoId,
    standIn,
    async stop() {
      await app.close();
      await standIn.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
