/** The editor's look, from the app's theme tokens (so light and dark follow the OS). */
import { HighlightStyle } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

/** CodeMirror theme bound to the app's CSS variables. */
export const editorTheme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: 'var(--bg)', color: 'var(--fg)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--accent)', padding: '8px 0' },
  '.cm-gutters': { backgroundColor: 'var(--bg-code)', color: 'var(--fg-faint)', border: 'none', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--bg-hover)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--bg-hover)', color: 'var(--fg-muted)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': { backgroundColor: 'var(--bg-active) !important' },
  '.cm-cursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
  '.cm-tooltip': { backgroundColor: 'var(--bg-elevated)', border: '1px solid var(--border)', borderRadius: 'var(--radius)', boxShadow: 'var(--shadow-lg)', overflow: 'hidden' },
  '.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font-mono)', fontSize: '12.5px', maxHeight: '16em', minWidth: '280px' },
  '.cm-tooltip-autocomplete > ul > li': { padding: '3px 10px 3px 6px', lineHeight: '1.5' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-fg)' },
  '.cm-completionDetail': { marginLeft: '1.2em', fontStyle: 'normal', color: 'var(--fg-faint)', fontSize: '11px', float: 'right' },
  'li[aria-selected] .cm-completionDetail': { color: 'inherit', opacity: 0.85 },
  '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: 700 },
  '.cm-panels': { backgroundColor: 'var(--bg-header)', color: 'var(--fg)', borderColor: 'var(--border)' },
  '.cm-panel.cm-search': { padding: '6px 10px', fontFamily: 'var(--font-ui)' },
  '.cm-panel.cm-search input, .cm-panel.cm-search button': { fontSize: '12px', borderRadius: 'var(--radius-sm)' },
  '.cm-textfield': { backgroundColor: 'var(--bg-input)', border: '1px solid var(--border-strong)', color: 'var(--fg)' },
  '.cm-button': { backgroundImage: 'none', backgroundColor: 'var(--bg-elevated)', border: '1px solid var(--border-strong)', color: 'var(--fg)' },
  '.cm-searchMatch': { backgroundColor: 'rgba(250, 200, 60, 0.35)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--bg-active)', outline: 'none' },
});

/**
 * Syntax colours from CSS variables (editor.css sets them for light and dark), so the editor
 * follows the app theme without swapping extensions.
 */
export const sqlHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.operatorKeyword, t.modifier], color: 'var(--syn-keyword)', fontWeight: '600' },
  { tag: [t.string, t.special(t.string)], color: 'var(--syn-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--syn-number)' },
  { tag: [t.lineComment, t.blockComment, t.comment], color: 'var(--syn-comment)', fontStyle: 'italic' },
  { tag: [t.typeName, t.standard(t.name)], color: 'var(--syn-type)' },
  { tag: [t.function(t.variableName), t.function(t.name)], color: 'var(--syn-function)' },
  { tag: [t.special(t.name), t.quote], color: 'var(--syn-quoted)' },
  { tag: [t.operator, t.punctuation, t.bracket], color: 'var(--syn-punct)' },
]);
