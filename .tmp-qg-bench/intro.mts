import pg from 'pg';
import mysql from 'mysql2/promise';
import { startPostgres } from '../tests/harness/startPostgres';
import { startMariadb } from '../tests/harness/startMariadb';
import { postgresDriver } from '../src/main/drivers/postgres/index';
import { mysqlDriver } from '../src/main/drivers/mysql/index';
import { parseConnectionUrl } from '../src/shared/connection';
import { snapshotCounts } from '../src/shared/schema';

const N = 2000;
function ddl(i: number, q: string): string {
  const cols = Array.from({ length: 8 }, (_, c) => `c${c} ${c % 2 ? 'varchar(50)' : 'int'}`).join(', ');
  const fk = i > 0 ? `, parent_id int REFERENCES t${i - 1}(id)` : ', parent_id int';
  return `CREATE TABLE ${q}t${i}${q} (id int PRIMARY KEY${fk}, ${cols})`;
}
const [pgs, my] = await Promise.all([startPostgres(), startMariadb()]);
const SKIP_PG = true;
try {
  if (!SKIP_PG) {
  const c = new pg.Client({ connectionString: pgs.url });
  await c.connect();
  let t = performance.now();
  const stmts = Array.from({ length: N }, (_, i) => ddl(i, ''));
  for (let i = 0; i < N; i += 200) await c.query(stmts.slice(i, i + 200).join(';'));
  console.log('pg create', Math.round(performance.now() - t));
  await c.end();
  const pc = await postgresDriver.connect(parseConnectionUrl(pgs.url));
  for (let r = 0; r < 2; r++) {
    t = performance.now();
    const snap = await pc.introspect();
    console.log('pg introspect', Math.round(performance.now() - t), snapshotCounts(snap));
  }
  await pc.close();
  }
  const stmts = Array.from({ length: N }, (_, i) => ddl(i, ""));

  const m = await mysql.createConnection({ uri: my.url, multipleStatements: true });
  await m.query('CREATE DATABASE big; USE big');
  t = performance.now();
  for (let i = 0; i < N; i += 100) await m.query(stmts.slice(i, i + 100).map((s) => s.replace('REFERENCES', ', FOREIGN KEY (parent_id) REFERENCES').replace('parent_id int , FOREIGN', 'parent_id int, FOREIGN')).join(';'));
  console.log('my create', Math.round(performance.now() - t));
  await m.end();
  const mc = await mysqlDriver.connect(parseConnectionUrl(my.url.replace('/mysql', '/big')));
  for (let r = 0; r < 2; r++) {
    t = performance.now();
    const snap = await mc.introspect();
    console.log('my introspect', Math.round(performance.now() - t), snapshotCounts(snap));
  }
  await mc.close();
} finally {
  await Promise.all([pgs.stop(), my.stop()]);
}
