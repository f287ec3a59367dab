/**
 * The static site's one stylesheet and its one script (the index page's table filter). The
 * script is inlined and allowed by its SHA-256 in the page's Content-Security-Policy, so pages
 * work from `file://` with no network and nothing else can run.
 */
import { createHash } from 'node:crypto';

/** The index page's filter: hides table rows that do not contain the typed text. */
export const SEARCH_SCRIPT = `(function () {
  var q = document.getElementById('q');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#tables tbody tr'));
  var count = document.getElementById('count');
  function filter() {
    var v = q.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (r) {
      var ok = !v || (r.getAttribute('data-search') || '').indexOf(v) >= 0;
      r.hidden = !ok;
      if (ok) n++;
    });
    count.textContent = n + ' of ' + rows.length + ' tables';
  }
  q.addEventListener('input', filter);
  filter();
})();`;

/** The CSP source that allows exactly SEARCH_SCRIPT. */
export const SEARCH_SCRIPT_HASH = `'sha256-${createHash('sha256').update(SEARCH_SCRIPT, 'utf8').digest('base64')}'`;

/** The Content-Security-Policy of a page: no network, no script but the filter (index only). */
export function contentSecurityPolicy(withScript: boolean): string {
  return [
    "default-src 'none'",
    "style-src 'self' file:",
    "img-src 'self' file: data:",
    `script-src ${withScript ? SEARCH_SCRIPT_HASH : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** style.css: the app's look (same tokens as the desktop theme), light and dark. */
export const SITE_CSS = `:root {
  color-scheme: light dark;
  --font-ui: -apple-system, BlinkMacSystemFont, 'Segoe UI', 'Inter', 'Noto Sans', 'DejaVu Sans', sans-serif;
  --font-mono: 'JetBrains Mono', 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace;
  --bg: #ffffff; --bg-app: #f5f6f8; --bg-header: #f7f8fa; --bg-code: #fbfbfc; --bg-stripe: #fafbfc;
  --fg: #1c2230; --fg-muted: #5d6677; --fg-faint: #8b93a3; --border: #dde1e7;
  --accent: #2f6feb; --warn: #a8620a; --warn-bg: #fff5e0; --ok: #1d8a4d; --danger: #d1303f;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #1b1d23; --bg-app: #16181d; --bg-header: #21242b; --bg-code: #17191e; --bg-stripe: #1e2026;
    --fg: #e4e7ee; --fg-muted: #a0a7b5; --fg-faint: #6f7686; --border: #2e323b;
    --accent: #5891ff; --warn: #f2b55a; --warn-bg: rgba(242,181,90,.12); --ok: #5fd08e; --danger: #ff6b78;
  }
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 var(--font-ui); color: var(--fg); background: var(--bg-app); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { display: flex; gap: 20px; align-items: baseline; padding: 10px 24px; background: var(--bg); border-bottom: 1px solid var(--border); position: sticky; top: 0; z-index: 1; }
header.top .home { font-weight: 600; color: var(--fg); }
header.top nav { display: flex; gap: 14px; font-size: 13px; }
main { max-width: 1200px; margin: 0 auto; padding: 20px 24px 48px; }
h1 { font-size: 22px; margin: 4px 0 6px; word-break: break-word; }
h2 { font-size: 16px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--border); }
.muted { color: var(--fg-muted); }
.faint { color: var(--fg-faint); }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 11px; font-weight: 600; border: 1px solid var(--border); background: var(--bg); color: var(--fg-muted); vertical-align: middle; }
.badge.pk { color: var(--warn); border-color: var(--warn); }
.badge.fk { color: var(--accent); border-color: var(--accent); }
.badge.uq { color: var(--ok); border-color: var(--ok); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 12px; margin: 12px 0; }
.card { background: var(--bg); border: 1px solid var(--border); border-radius: 8px; padding: 10px 14px; }
.card .n { font-size: 20px; font-weight: 600; }
.card .l { font-size: 12px; color: var(--fg-muted); }
meter { width: 100%; height: 10px; }
table.grid { border-collapse: collapse; width: 100%; background: var(--bg); border: 1px solid var(--border); font-size: 13px; }
table.grid th, table.grid td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--border); }
table.grid th { background: var(--bg-header); font-weight: 600; font-size: 12px; color: var(--fg-muted); position: sticky; top: 45px; }
table.grid tbody tr:nth-child(even) { background: var(--bg-stripe); }
table.grid td.mono, .mono { font-family: var(--font-mono); font-size: 12px; }
table.grid td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.grid tr.schema-row td { background: var(--bg-header); font-weight: 600; }
.desc p { margin: 0 0 6px; }
.desc p:last-child { margin-bottom: 0; }
.desc code, td code { font-family: var(--font-mono); font-size: 12px; background: var(--bg-code); padding: 0 3px; border-radius: 3px; }
.description { background: var(--bg); border: 1px solid var(--border); border-left: 3px solid var(--accent); border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
pre.ddl { background: var(--bg-code); border: 1px solid var(--border); border-radius: 6px; padding: 12px; overflow: auto; font: 12px/1.45 var(--font-mono); }
figure.diagram { margin: 0; background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 8px; overflow: auto; }
figure.diagram img { max-width: 100%; height: auto; display: block; }
.search { display: flex; gap: 12px; align-items: center; margin: 8px 0 10px; }
.search input { flex: 0 1 360px; padding: 6px 10px; font: inherit; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--fg); }
ul.schemas { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; }
ul.schemas li { background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 4px 10px; }
.lint-warning { color: var(--warn); }
dl.glossary dt { font-weight: 600; margin-top: 14px; }
dl.glossary dd { margin: 4px 0 0 0; }
footer { max-width: 1200px; margin: 0 auto; padding: 12px 24px 32px; font-size: 12px; color: var(--fg-faint); }
.empty { color: var(--fg-faint); font-style: italic; }
`;
