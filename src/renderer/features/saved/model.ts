/** The Saved panel's pure model: a folder tree from folder paths, and tag parsing. */
import type { SavedQuery } from '../../../shared/history';

/** A folder with its sub-folders and queries. */
export interface FolderNode {
  name: string;
  /** Full path, '' for the root. */
  path: string;
  folders: FolderNode[];
  queries: SavedQuery[];
}

/** Groups queries by their folder paths into a tree; folders and queries sorted by name. */
export function buildFolderTree(queries: readonly SavedQuery[]): FolderNode {
  const root: FolderNode = { name: '', path: '', folders: [], queries: [] };
  for (const q of queries) {
    let node = root;
    for (const part of q.folder.split('/').filter(Boolean)) {
      const path = node.path ? `${node.path}/${part}` : part;
      let child = node.folders.find((f) => f.name === part);
      if (!child) {
        child = { name: part, path, folders: [], queries: [] };
        node.folders.push(child);
      }
      node = child;
    }
    node.queries.push(q);
  }
  const sort = (n: FolderNode) => {
    n.folders.sort((a, b) => a.name.localeCompare(b.name));
    n.queries.sort((a, b) => a.name.localeCompare(b.name));
    n.folders.forEach(sort);
  };
  sort(root);
  return root;
}

/** How many queries a folder holds, sub-folders included. */
export function countQueries(node: FolderNode): number {
  return node.queries.length + node.folders.reduce((n, f) => n + countQueries(f), 0);
}

/** "finance, monthly report" or "#finance #monthly" → ['finance', 'monthly', 'report'…] as typed words. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((t) => t.replace(/^#/, '').trim())
    .filter(Boolean);
}

/** Every folder path in use (for the folder field's suggestions). */
export function folderPaths(queries: readonly SavedQuery[]): string[] {
  const set = new Set<string>();
  for (const q of queries) {
    const parts = q.folder.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) set.add(parts.slice(0, i).join('/'));
  }
  return [...set].sort();
}
