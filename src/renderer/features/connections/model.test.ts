import { describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../../../shared/contract';
import {
  accentColor,
  environmentLabel,
  filterConnections,
  findDemo,
  sortConnections,
} from './model';

const conn = (over: Partial<ConnectionSummary>): ConnectionSummary => ({
  id: over.name ?? 'id',
  name: 'x',
  engine: 'postgres',
  target: 'postgres app@localhost:5432/app',
  readOnly: false,
  color: null,
  environment: null,
  hasSecret: false,
  isDemo: false,
  ...over,
});

describe('connections model', () => {
  const list = [
    conn({ name: 'warehouse 10', engine: 'mysql', environment: 'prod' }),
    conn({ name: 'Analytics', target: 'postgres ro@db.internal:5432/analytics' }),
    conn({ name: 'warehouse 9', engine: 'mysql' }),
    conn({ name: 'Demo (SQLite)', engine: 'sqlite', isDemo: true, target: 'SQLite file demo.db' }),
  ];

  it('lists the demo first, then names in natural order', () => {
    expect(sortConnections(list).map((c) => c.name)).toEqual([
      'Demo (SQLite)',
      'Analytics',
      'warehouse 9',
      'warehouse 10',
    ]);
  });

  it('filters by name, engine label, target and environment', () => {
    expect(filterConnections(list, 'sqlite').map((c) => c.name)).toEqual(['Demo (SQLite)']);
    expect(filterConnections(list, 'MySQL prod').map((c) => c.name)).toEqual(['warehouse 10']);
    expect(filterConnections(list, 'db.internal').map((c) => c.name)).toEqual(['Analytics']);
    expect(filterConnections(list, '  ')).toHaveLength(4);
  });

  it('accepts only safe colour values for inline styles', () => {
    expect(accentColor('#3b82f6')).toBe('#3b82f6');
    expect(accentColor('teal')).toBe('teal');
    expect(accentColor('red; background: url(x)')).toBeNull();
    expect(accentColor(null)).toBeNull();
  });

  it('labels environments and finds the demo', () => {
    expect(environmentLabel('prod')).toBe('Production');
    expect(environmentLabel(null)).toBeNull();
    expect(findDemo(list)?.name).toBe('Demo (SQLite)');
  });
});
