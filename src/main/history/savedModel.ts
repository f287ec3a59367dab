/** Pure normalisation of saved-query folders and tags, shared by the service and its tests. */

/** `' /reports//monthly/ '` → `'reports/monthly'`; '' is the root folder. */
export function normalizeFolder(folder: string | undefined): string {
  return (folder ?? '')
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join('/');
}

/** Lower-case, trimmed, de-duplicated tags; inner spaces become dashes so tags stay one word. */
export function normalizeTags(tags: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const raw of tags ?? []) {
    const tag = raw.trim().replace(/^#/, '').toLowerCase().replace(/\s+/g, '-');
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out.sort();
}

/** Tags as stored (space-separated, so FTS5 indexes each one). */
export function tagsToText(tags: readonly string[]): string {
  return tags.join(' ');
}

/** Tags from their stored text. */
export function tagsFromText(text: string): string[] {
  return text.split(' ').filter((t) => t.length > 0);
}
