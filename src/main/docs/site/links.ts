/**
 * Link integrity of an exported docs folder: every relative link (`href`, `src`, Markdown
 * `](…)`) must point at a file that exists inside the folder, with its `#fragment` present; any
 * absolute URL is reported too, because the site must work offline.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One problem link. */
export interface BrokenLink {
  /** The file holding the link, relative to the folder. */
  file: string;
  link: string;
  reason: 'missing-file' | 'missing-anchor' | 'outside-folder' | 'external';
}

const HTML_LINK = /\b(?:href|src)="([^"]*)"/g;
// A `\]` is an escaped bracket, not the end of a link text.
const MD_LINK = /(?<!\\)\]\(([^)\s]+)\)/g;

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

const decodeEntities = (s: string): string => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Checks every HTML and Markdown file of `dir`; returns the broken links (empty when all resolve). */
export function checkSiteLinks(dir: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const root = path.resolve(dir);
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let set = ids.get(file);
    if (!set) {
      const text = fs.readFileSync(file, 'utf8');
      set = new Set([...text.matchAll(/\bid="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)));
      ids.set(file, set);
    }
    return set;
  };
  for (const rel of listFiles(root)) {
    const isHtml = rel.endsWith('.html');
    if (!isHtml && !rel.endsWith('.md')) continue;
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    // Code blocks in Markdown (Mermaid, DDL) hold no links.
    const scanned = isHtml ? text : text.replace(/```[\s\S]*?```/g, '');
    for (const m of scanned.matchAll(isHtml ? HTML_LINK : MD_LINK)) {
      const link = isHtml ? decodeEntities(m[1]!) : m[1]!;
      if (link.startsWith('data:')) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) {
        broken.push({ file: rel, link, reason: 'external' });
        continue;
      }
      const [target = '', fragment] = link.split('#', 2);
      const file = target ? path.resolve(root, path.dirname(rel), decodeURI(target)) : path.join(root, rel);
      if (!file.startsWith(root + path.sep)) broken.push({ file: rel, link, reason: 'outside-folder' });
      else if (!fs.existsSync(file) || !fs.statSync(file).isFile()) broken.push({ file: rel, link, reason: 'missing-file' });
      else if (fragment && isHtml && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(fragment))) broken.push({ file: rel, link, reason: 'missing-anchor' });
    }
  }
  return broken;
}
