/**
 * Engine → driver. Native modules are loaded lazily: importing this file loads no driver.
 */
import type { Engine } from '../../shared/connection';
import type { Driver } from './types';

const loaders: Record<Engine, () => Promise<Driver>> = {
  sqlite: async () => (await import('./sqlite/index')).sqliteDriver,
  postgres: async () => (await import('./postgres/index')).postgresDriver,
  mysql: async () => (await import('./mysql/index')).mysqlDriver,
  mssql: async () => (await import('./mssql/index')).mssqlDriver,
};

const cache = new Map<Engine, Promise<Driver>>();

/** The driver for an engine (loaded on first use). */
export function getDriver(engine: Engine): Promise<Driver> {
  let d = cache.get(engine);
  if (!d) {
    d = loaders[engine]();
    cache.set(engine, d);
  }
  return d;
}
