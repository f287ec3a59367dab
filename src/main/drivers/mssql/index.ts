/** The SQL Server driver: mssql (tedious) with streamed rows and TDS-attention cancel. */
import type { Driver } from '../types';
import { MssqlConnection } from './connection';
import { mssqlDialect } from './dialect';

/** The SQL Server driver. */
export const mssqlDriver: Driver = {
  dialect: mssqlDialect,
  connect: (params) => MssqlConnection.open(params),
};

export { mssqlDialect } from './dialect';
