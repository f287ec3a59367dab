/** Pure formatting for the History and Saved panels: times, durations, row counts, SQL previews. */

/** "12 ms", "1.4 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1) return '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const min = Math.floor(ms / 60_000);
  return `${min} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** "1 row", "12,345 rows", "" when unknown. */
export function formatRows(n: number | null): string {
  if (n === null) return '';
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;
}

/**
 * A compact time: "14:03:21" today, "Yesterday 09:12", else "Mar 4, 09:12" (the year when it
 * differs). `now` is a parameter so tests are deterministic.
 */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const sameDay = (a: Date, b: Date) =>
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate();
  if (sameDay(d, now)) return `${hm}:${pad(d.getSeconds())}`;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(d, yesterday)) return `Yesterday ${hm}`;
  const month = d.toLocaleString('en-US', { month: 'short' });
  const year = d.getFullYear() === now.getFullYear() ? '' : ` ${d.getFullYear()}`;
  return `${month} ${d.getDate()}${year}, ${hm}`;
}

/** The SQL collapsed to one line (comments kept), cut at `max` characters with an ellipsis. */
export function sqlPreview(sql: string, max = 160): string {
  const one = sql.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** One side-by-side row of a diff. */
export interface DiffRow {
  kind: 'context' | 'change' | 'add' | 'remove' | 'hunk';
  left: { no: number; text: string } | null;
  right: { no: number; text: string } | null;
}

/**
 * Parses a unified patch into side-by-side rows: removals and additions of one block are paired
 * line by line so a changed line shows old and new next to each other.
 */
export function patchToRows(patch: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let left = 0;
  let right = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const n = Math.max(removed.length, added.length);
    for (let i = 0; i < n; i++) {
      const l = removed[i];
      const r = added[i];
      rows.push({
        kind: l !== undefined && r !== undefined ? 'change' : l !== undefined ? 'remove' : 'add',
        left: l !== undefined ? { no: ++left, text: l } : null,
        right: r !== undefined ? { no: ++right, text: r } : null,
      });
    }
    removed = [];
    added = [];
  };
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      flush();
      left = Number(hunk[1]) - 1;
      right = Number(hunk[2]) - 1;
      rows.push({ kind: 'hunk', left: null, right: null });
    } else if (
      line.startsWith('---') ||
      line.startsWith('+++') ||
      line.startsWith('====') ||
      line.startsWith('Index:') ||
      line.startsWith('\\')
    ) {
      continue;
    } else if (line.startsWith('-')) removed.push(line.slice(1));
    else if (line.startsWith('+')) added.push(line.slice(1));
    else if (line.startsWith(' ')) {
      flush();
      rows.push({
        kind: 'context',
        left: { no: ++left, text: line.slice(1) },
        right: { no: ++right, text: line.slice(1) },
      });
    }
  }
  flush();
  return rows;
}
