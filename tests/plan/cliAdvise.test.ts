/** `querygenie explain --advise` on a SQLite file: findings with the node they cite and the fix SQL. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDriver } from '../../src/main/drivers/registry';
import { runCli } from '../harness/cli';
import { createShop, QUERIES } from './fixture';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-cli-plan-'));
const file = path.join(dir, 'shop.sqlite');
const env = { QG_HOME: path.join(dir, 'home') };
beforeAll(async () => {
  const conn = await (await getDriver('sqlite')).connect({ engine: 'sqlite', filePath: file });
  await createShop(conn, 'sqlite');
  await conn.close();
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('querygenie explain --advise', () => {
  it('prints the plan, then each finding with its node and the CREATE/DROP INDEX', { timeout: 60_000 }, async () => {
    const r = await runCli(['explain', '--url', file, '--advise', QUERIES.fkJoin], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/-> SCAN\s+\(on o\)|SCAN/);
    expect(r.stdout).toMatch(/\[warning\] fk-without-index — node 0\.\d+: SCAN on o/);
    expect(r.stdout).toContain('Apply: CREATE INDEX idx_orders_customer_id ON orders (customer_id);');
    expect(r.stdout).toContain('Undo:  DROP INDEX idx_orders_customer_id;');
  });

  it('says so when there is nothing to report, and --json carries the findings', { timeout: 60_000 }, async () => {
    const none = await runCli(['explain', '--url', file, '--advise', 'SELECT id FROM orders WHERE id = 5'], { env });
    expect(none.stdout).toContain('Advisor: no findings.');
    const json = await runCli(['explain', '--url', file, '--advise', '--json', QUERIES.seqScan], { env });
    const doc = JSON.parse(json.stdout) as { findings: Array<{ rule: string; nodePath: string }> };
    expect(doc.findings.map((f) => f.rule)).toContain('seq-scan-selective');
  });
});
