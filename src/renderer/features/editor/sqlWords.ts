/** Keywords and built-in functions offered by completion, per dialect (data, declared once). */
import type { Engine } from '../../../shared/connection';

const COMMON_KEYWORDS =
  'select from where join inner left right full outer cross on using group by order having limit offset ' +
  'insert into values update set delete create table view index drop alter add column primary key ' +
  'foreign references unique not null default check distinct as and or in is between like exists case ' +
  'when then else end union all intersect except with asc desc begin commit rollback transaction ' +
  'explain analyze returning over partition window cast true false';

const DIALECT_KEYWORDS: Record<Engine, string> = {
  sqlite: 'pragma vacuum attach detach glob autoincrement without rowid replace conflict ignore',
  postgres: 'ilike returning lateral materialized schema sequence serial jsonb fetch first rows only nulls filter',
  mysql: 'show databases tables describe auto_increment engine straight_join ignore replace duplicate',
  mssql: 'top go exec declare nvarchar identity output merge pivot unpivot apply nolock',
};

const COMMON_FUNCTIONS =
  'count sum avg min max coalesce nullif abs round lower upper length trim substr replace ' +
  'row_number rank dense_rank lag lead first_value last_value';

const DIALECT_FUNCTIONS: Record<Engine, string> = {
  sqlite: 'ifnull date time datetime julianday strftime printf instr json_extract json_object group_concat total typeof random',
  postgres:
    'now current_date current_timestamp date_trunc extract to_char to_date string_agg array_agg ' +
    'jsonb_build_object json_agg generate_series greatest least concat split_part regexp_replace age',
  mysql:
    'now curdate date_format date_add datediff ifnull concat concat_ws group_concat json_extract ' +
    'json_object greatest least if str_to_date',
  mssql: 'getdate dateadd datediff isnull len convert format string_agg newid iif charindex',
};

/** Keywords of a dialect, uppercase, sorted. */
export function keywordsOf(engine: Engine): string[] {
  return words(`${COMMON_KEYWORDS} ${DIALECT_KEYWORDS[engine]}`).map((w) => w.toUpperCase());
}

/** Built-in functions of a dialect, lowercase, sorted. */
export function functionsOf(engine: Engine): string[] {
  return words(`${COMMON_FUNCTIONS} ${DIALECT_FUNCTIONS[engine]}`);
}

function words(s: string): string[] {
  return [...new Set(s.split(/\s+/).filter(Boolean))].sort();
}
