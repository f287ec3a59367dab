/** Pure text of the status bar. */
import type { AppInfo } from '../../../shared/contract';

/** The link/mode label: what the user runs and whether it is reachable. */
export function modeLabel(
  mode: AppInfo['mode'] | undefined,
  link: 'connecting' | 'open' | 'reconnecting',
): string {
  if (link === 'reconnecting') return 'Disconnected — reconnecting…';
  if (link === 'connecting') return 'Connecting…';
  return mode === 'web' ? 'Web mode' : mode === 'electron' ? 'Desktop' : 'Ready';
}

/** "1 connection" / "3 connections". */
export function connectionCountLabel(n: number | undefined): string {
  if (n === undefined) return '';
  return `${n} connection${n === 1 ? '' : 's'}`;
}

/** A long folder path shortened in the middle, keeping its last segments readable. */
export function shortenPath(path: string, max = 48): string {
  if (path.length <= max) return path;
  const keep = max - 1;
  const tail = Math.ceil(keep * 0.65);
  return `${path.slice(0, keep - tail)}…${path.slice(path.length - tail)}`;
}
