import { describe, expect, it } from 'vitest';
import { normalizeFolder, normalizeTags, tagsFromText, tagsToText } from './savedModel';

describe('saved query folders and tags', () => {
  it('cleans folder paths so the same folder is never listed twice', () => {
    expect(normalizeFolder(' /reports//monthly/ ')).toBe('reports/monthly');
    expect(normalizeFolder(undefined)).toBe('');
    expect(normalizeFolder('/')).toBe('');
  });

  it('normalises tags to unique lower-case words', () => {
    expect(normalizeTags(['Finance', ' finance ', '#Monthly report', ''])).toEqual([
      'finance',
      'monthly-report',
    ]);
    expect(tagsFromText(tagsToText(['a', 'b']))).toEqual(['a', 'b']);
    expect(tagsFromText('')).toEqual([]);
  });
});
