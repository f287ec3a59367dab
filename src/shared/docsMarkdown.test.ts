import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderMarkdownInline } from './docsMarkdown';

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('**bold** and `code`\n\n- item')).toContain('<strong>bold</strong>');
    expect(renderMarkdownInline('*x*')).toBe('<em>x</em>');
  });

  it('never lets HTML from a description through', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<a href="javascript:alert(3)">x</a>');
    expect(html).not.toMatch(/<script|<img|<a /i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses script URLs in Markdown links and marks external links', () => {
    const html = renderMarkdown('[a](javascript:alert(1)) [b](vbscript:x) [c](https://example.com) [d](#local)');
    expect(html).not.toMatch(/href="(javascript|vbscript):/i);
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer">c</a>');
    expect(html).toContain('<a href="#local">d</a>');
  });
});
