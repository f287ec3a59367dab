import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSiteLinks } from './links';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-links-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function site(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(dir, 's-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('checkSiteLinks', () => {
  it('accepts a site whose relative links and anchors all resolve', () => {
    const root = site({
      'index.html': '<a href="tables/a.html">a</a><a href="#top">t</a><p id="top"></p><link href="style.css"><img src="data:image/svg+xml;base64,AA">',
      'style.css': '',
      'tables/a.html': '<a href="../index.html#top">home</a><a href="b%20c.html">b</a>',
      'tables/b c.html': '',
      'README.md': '[a](tables/a.md)\n```mermaid\n  x ||--o{ y : "](nowhere)"\n```',
      'tables/a.md': '[back](../README.md)',
    });
    expect(checkSiteLinks(root)).toEqual([]);
  });

  it('reports missing files, missing anchors, escapes from the folder and network URLs', () => {
    const root = site({
      'index.html': '<a href="tables/gone.html">x</a><a href="index.html#nope">y</a><a href="../../etc/passwd">z</a><script src="https://cdn.example/x.js"></script>',
      'README.md': '[gone](tables/gone.md)',
    });
    const reasons = checkSiteLinks(root).map((b) => `${b.file}:${b.reason}`).sort();
    expect(reasons).toEqual(['README.md:missing-file', 'index.html:external', 'index.html:missing-anchor', 'index.html:missing-file', 'index.html:outside-folder']);
  });
});
