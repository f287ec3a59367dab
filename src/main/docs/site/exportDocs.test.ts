import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocs } from './exportDocs';
import { checkSiteLinks } from './links';
import { SEARCH_SCRIPT } from './siteAssets';
import { bundleOf, snapshot, table } from './testSnapshot';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-docs-export-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const EVIL = '<script>alert(1)</script>';
const snap = snapshot({
  public: [
    table('users', ['email']),
    table('Users', [EVIL]),
    table('orders', ['user_id'], [{ column: 'user_id', refTable: 'users' }]),
    table('a/b c', ['order_id'], [{ column: 'order_id', refTable: 'orders' }]),
  ],
  [EVIL]: [table('x', ['user_id'], [{ column: 'user_id', refTable: 'users' }])],
});
snap.schemas[0]!.tables[0]!.comment = `Comment ${EVIL}`;
const bundle = bundleOf(snap, {
  'public.users': `**Bold** ${EVIL} [x](javascript:alert(1))`,
  'public.users.email': 'Where `receipts` go | pipes',
});
bundle.glossary = [{ term: `GMV ${EVIL}`, definition: `Gross *merchandise* ${EVIL}` }];
bundle.lint = [{ rule: 'no-primary-key', severity: 'warning', target: 'public.a/b c', message: `No key on ${EVIL}` }];

function readAll(dir: string): string {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else out.push(fs.readFileSync(path.join(d, e.name), 'utf8'));
    }
  };
  walk(dir);
  return out.join('\n');
}

describe('exportDocs', () => {
  it('writes an HTML site where nothing from the database or the user appears as raw HTML', async () => {
    const out = path.join(tmp, 'html');
    const progress: number[] = [];
    const r = await exportDocs(bundle, { format: 'html', out, onProgress: (p) => progress.push(p.done) });
    expect(r.tablePages).toBe(5);
    expect(progress.at(-1)).toBe(5);
    expect(fs.readdirSync(path.join(out, 'tables'))).toHaveLength(5);
    const all = readAll(out);
    expect(all).not.toContain(EVIL);
    expect(all).not.toMatch(/href="javascript:/i);
    // The only script is the index's filter, allowed by its hash.
    const scripts = [...all.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual([SEARCH_SCRIPT]);
    expect(all).toContain('<strong>Bold</strong>');
    expect(checkSiteLinks(out)).toEqual([]);
  });

  it('links foreign keys and referenced-by both ways', async () => {
    const out = path.join(tmp, 'links');
    await exportDocs(bundle, { format: 'html', out, diagrams: false });
    const users = fs.readFileSync(path.join(out, 'tables', 'public.users-' + (await import('./names')).shortHash('public.users') + '.html'), 'utf8');
    expect(users).toContain('href="public.orders.html"');
    expect(users).toMatch(/href="[^"]+\.x-[0-9a-f]{8}\.html"/);
    const orders = fs.readFileSync(path.join(out, 'tables', 'public.orders.html'), 'utf8');
    expect(orders).toMatch(/References[\s\S]*href="public\.users-[0-9a-f]{8}\.html"/);
  });

  it('writes Markdown with Mermaid neighbour diagrams and escaped cells', async () => {
    const out = path.join(tmp, 'md');
    await exportDocs(bundle, { format: 'md', out });
    const orders = fs.readFileSync(path.join(out, 'tables', 'public.orders.md'), 'utf8');
    const mermaid = /```mermaid\n([\s\S]*?)```/.exec(orders)?.[1] ?? '';
    expect(mermaid.startsWith('erDiagram\n')).toBe(true);
    expect(mermaid).toMatch(/public__orders \}o--(\|\||o\|) public__users/);
    expect(mermaid).not.toMatch(/[<>]/);
    // Outside code (where viewers show text literally) nothing is raw HTML.
    const prose = readAll(out).replace(/```[\s\S]*?```/g, '').replace(/(`+)[^`]*?\1/g, '');
    expect(prose).not.toContain('<script');
    expect(readAll(out)).toContain('`<script>alert(1)</script>`');
    expect(checkSiteLinks(out)).toEqual([]);
  });

  it('writes the bundle as JSON with the snapshot inside', async () => {
    const r = await exportDocs(bundle, { format: 'json', out: path.join(tmp, 'j', 'docs.json') });
    const back = JSON.parse(fs.readFileSync(r.path, 'utf8')) as typeof bundle;
    expect(back.snapshot.schemas[0]!.tables.map((t) => t.name)).toEqual(['users', 'Users', 'orders', 'a/b c']);
    expect(back.descriptions['public.users.email']).toBe('Where `receipts` go | pipes');
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const out = path.join(tmp, 'abort');
    const run = exportDocs(bundle, { format: 'html', out, signal: controller.signal, diagrams: false, onProgress: (p) => p.done === 2 && controller.abort() });
    await expect(run).rejects.toMatchObject({ code: 'QUERY_CANCELLED' });
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});
