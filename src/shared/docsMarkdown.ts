/**
 * Markdown rendering of the user's descriptions, shared by the HTML exporter and the Docs view.
 * markdown-it with `html: false`: raw HTML in a description is shown as text, never run, and
 * its link validator refuses `javascript:`/`vbscript:`/`data:` (except images) URLs.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

// Links open outside the page they sit in and carry no referrer; relative links stay untouched.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = token.attrGet('href') ?? '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(String(href))) token.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders Markdown to safe HTML (block level). */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** Renders Markdown to safe inline HTML (no surrounding paragraph), for table cells. */
export function renderMarkdownInline(text: string): string {
  return md.renderInline(text);
}
