import { describe, expect, it } from 'vitest';
import type { SavedQuery } from '../../../shared/history';
import { buildFolderTree, countQueries, folderPaths, parseTags } from './model';

const q = (name: string, folder: string): SavedQuery => ({
  id: name,
  name,
  folder,
  description: '',
  tags: [],
  connectionId: null,
  sql: 'SELECT 1',
  version: 1,
  createdAt: '',
  updatedAt: '',
});

describe('saved queries model', () => {
  it('builds a folder tree from folder paths', () => {
    const root = buildFolderTree([
      q('b', 'reports/monthly'),
      q('a', 'reports'),
      q('top', ''),
      q('c', 'ops'),
    ]);
    expect(root.queries.map((x) => x.name)).toEqual(['top']);
    expect(root.folders.map((f) => f.name)).toEqual(['ops', 'reports']);
    const reports = root.folders[1]!;
    expect(reports.queries.map((x) => x.name)).toEqual(['a']);
    expect(reports.folders[0]!.path).toBe('reports/monthly');
    expect(countQueries(reports)).toBe(2);
    expect(countQueries(root)).toBe(4);
  });

  it('lists folder paths with their parents for suggestions', () => {
    expect(folderPaths([q('b', 'reports/monthly'), q('c', 'ops')])).toEqual([
      'ops',
      'reports',
      'reports/monthly',
    ]);
  });

  it('parses tags typed with commas, spaces or hashes', () => {
    expect(parseTags('#finance, monthly  kpi')).toEqual(['finance', 'monthly', 'kpi']);
    expect(parseTags('  ')).toEqual([]);
  });
});
