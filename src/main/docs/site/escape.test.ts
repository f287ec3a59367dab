import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdownText, neutraliseMarkdownHtml } from './escape';

describe('escaping', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps a Markdown table cell on one line and in its column', () => {
    const cell = escapeMarkdownText('a | b\n<img src=x> *c*');
    expect(cell).not.toContain('\n');
    expect(cell).not.toMatch(/(^|[^\\])\|/);
    expect(cell).not.toContain('<');
    expect(cell).toContain('\\*c\\*');
  });

  it('neutralises raw HTML in Markdown outside code only', () => {
    const md = 'Hi <script>x</script> and `a<b`\n```\nif a<b\n```\n<b>';
    expect(neutraliseMarkdownHtml(md)).toBe('Hi &lt;script>x&lt;/script> and `a<b`\n```\nif a<b\n```\n&lt;b>');
  });
});

describe('script links in Markdown', () => {
  it('removes the target of javascript:/vbscript:/data: links outside code', () => {
    expect(neutraliseMarkdownHtml('[a](javascript:alert(1)) [b]( VBScript:x) `[c](javascript:y)` [d](https://ok)')).toBe('[a](#unsafe-link-removed) [b](#unsafe-link-removed) `[c](javascript:y)` [d](https://ok)');
  });
});
