/** Pure helpers for showing connection profiles in the sidebar. */
import type { ConnectionSummary } from '../../../shared/contract';
import type { Engine } from '../../../shared/connection';

/** Display names of the engines. */
export const ENGINE_LABELS: Record<Engine, string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
  mssql: 'SQL Server',
};

/** Short badge text per engine, sized for a 3-4 letter pill. */
export const ENGINE_BADGES: Record<Engine, string> = {
  sqlite: 'SQLite',
  postgres: 'PG',
  mysql: 'MySQL',
  mssql: 'MSSQL',
};

/** Two-letter monogram per engine, for the square icon in front of a connection. */
export const ENGINE_MONOGRAMS: Record<Engine, string> = {
  sqlite: 'SL',
  postgres: 'PG',
  mysql: 'My',
  mssql: 'MS',
};

/** Human label of an environment tag. */
export function environmentLabel(env: ConnectionSummary['environment']): string | null {
  switch (env) {
    case 'local':
      return 'Local';
    case 'dev':
      return 'Dev';
    case 'staging':
      return 'Staging';
    case 'prod':
      return 'Production';
    default:
      return null;
  }
}

/** Demo first, then by name (case-insensitive, numeric-aware), so the list is stable. */
export function sortConnections(list: readonly ConnectionSummary[]): ConnectionSummary[] {
  return [...list].sort((a, b) => {
    if (a.isDemo !== b.isDemo) return a.isDemo ? -1 : 1;
    return a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });
  });
}

/** Connections whose name, engine or target contain every word of `query`. */
export function filterConnections(
  list: readonly ConnectionSummary[],
  query: string,
): ConnectionSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...list];
  return list.filter((c) => {
    const hay =
      `${c.name} ${ENGINE_LABELS[c.engine]} ${c.target} ${c.environment ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** A CSS colour for a profile's accent, or null when the user chose none (theme default). */
export function accentColor(color: string | null): string | null {
  if (!color) return null;
  // Only plain hex or named colours reach the style attribute: never arbitrary CSS.
  return /^#[0-9a-f]{3,8}$/i.test(color) || /^[a-z]{3,20}$/i.test(color) ? color : null;
}

/** The demo connection, if the list has one. */
export function findDemo(list: readonly ConnectionSummary[]): ConnectionSummary | undefined {
  return list.find((c) => c.isDemo);
}
