import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/harness/globalSetup.ts'],
    testTimeout: 30_000,
    // UI assertions poll: a loaded machine (CI, two workers, Chromium) can take seconds to paint.
    expect: { poll: { timeout: 20_000 } },
    hookTimeout: 180_000,
    pool: 'forks',
    // Never touch a developer's real keychain entries from tests.
    env: { QG_KEYCHAIN_SERVICE: 'QueryGenie-test', QG_LOG: 'silent' },
    // Engine suites share one PostgreSQL and one MariaDB server; files run two at a time.
    maxWorkers: 2,
  },
});
