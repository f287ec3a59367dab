/** HTML escaping for the static site: every name, comment and value goes through here. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Escapes text for a Markdown table cell or line: pipes, backslashes and HTML-significant
 * characters, and folds line breaks (a newline would end the table row).
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'))
    .replace(/([`*_[\]#])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

// A Markdown link to a script URL (markdown-it refuses these; other viewers may not).
const UNSAFE_LINK = /\]\(\s*<?\s*(?:javascript|vbscript|data|file):[^()]*(?:\([^()]*\)[^()]*)*/gi;

/**
 * The user's Markdown, made inert for viewers that render raw HTML (GitHub, VS Code): `<` is
 * written as `&lt;` outside code, matching what markdown-it with `html: false` shows, and links
 * to script URLs lose their target.
 */
export function neutraliseMarkdownHtml(text: string): string {
  let inFence = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return line;
      }
      if (inFence) return line;
      // Odd segments between backticks are inline code: leave them as written.
      return line
        .split('`')
        .map((part, i) => (i % 2 === 0 ? part.replace(/</g, '&lt;').replace(UNSAFE_LINK, '](#unsafe-link-removed') : part))
        .join('`');
    })
    .join('\n');
}
