/**
 * Per-column value generators: chosen from the column's name and type (faker for realistic
 * text, the seeded PRNG for numbers and dates), narrowed by CHECK constraints and user overrides.
 */
import type { Faker } from '@faker-js/faker';
import type { ColumnInfo } from '../../shared/schema';
import { Decimal, type CellValue } from '../../shared/values';
import type { ColumnCheck } from './checks';
import type { ColumnType } from './columnType';
import type { Prng } from './prng';
import type { ColumnOverride, Distribution } from './types';

/** What generators draw from. */
export interface GenContext {
  faker: Faker;
  prng: Prng;
  /** Faker-made values per kind, drawn once and then sampled (faker per cell is too slow for millions of rows). */
  pools?: Map<string, string[]>;
}

/** Makes one value (never null: nulls are decided by the caller). */
export type ValueGen = () => CellValue;

type TextGen = (c: GenContext) => string;

const POOL_SIZE = 500;

/** A value from the pool `key`, filling the pool with `make` on first use. */
function fromPool(c: GenContext, key: string, make: (f: Faker) => string): string {
  const pools = (c.pools ??= new Map());
  let pool = pools.get(key);
  if (!pool) {
    pool = Array.from({ length: POOL_SIZE }, () => make(c.faker));
    pools.set(key, pool);
  }
  return pool[Math.floor(c.prng.next() * pool.length)]!;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz';
function alnum(c: GenContext, n: number, upper = false): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALNUM[Math.floor(c.prng.next() * (upper ? 36 : 62))];
  return s;
}
function letters(c: GenContext, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALNUM[Math.floor(c.prng.next() * 26)];
  return s;
}
function digits(c: GenContext, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(c.prng.next() * 10);
  return s;
}
const first = (c: GenContext): string => fromPool(c, 'first', (f) => f.person.firstName());
const last = (c: GenContext): string => fromPool(c, 'last', (f) => f.person.lastName());
const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');
const domain = (c: GenContext): string => fromPool(c, 'domain', (f) => (f.datatype.boolean() ? f.internet.domainName() : f.helpers.arrayElement(['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'example.com'])));

/** Named text generators, usable as overrides (`generator: 'email'`). */
export const TEXT_GENERATORS: Record<string, TextGen> = {
  email: (c) => `${slug(first(c))}.${slug(last(c))}${c.prng.int(1, 999)}@${domain(c)}`,
  firstName: first,
  lastName: last,
  fullName: (c) => `${first(c)} ${last(c)}`,
  phone: (c) => `+1-${digits(c, 3)}-${digits(c, 3)}-${digits(c, 4)}`,
  address: (c) => `${c.prng.int(1, 9999)} ${fromPool(c, 'street', (f) => f.location.street())}`,
  city: (c) => fromPool(c, 'city', (f) => f.location.city()),
  country: (c) => fromPool(c, 'country', (f) => f.location.country()),
  countryCode: (c) => fromPool(c, 'countryCode', (f) => f.location.countryCode()),
  state: (c) => fromPool(c, 'state', (f) => f.location.state()),
  zip: (c) => digits(c, 5),
  company: (c) => fromPool(c, 'company', (f) => f.company.name()),
  product: (c) => fromPool(c, 'product', (f) => f.commerce.productName()),
  url: (c) => `https://${domain(c)}/${fromPool(c, 'word', (f) => f.lorem.word())}`,
  username: (c) => `${slug(first(c))}${c.prng.int(1, 9999)}`,
  password: (c) => alnum(c, 24),
  sentence: (c) => fromPool(c, 'sentence', (f) => f.lorem.sentence()),
  words: (c) => fromPool(c, 'words', (f) => f.lorem.words(2)),
  title: (c) => fromPool(c, 'title', (f) => f.lorem.words(3)),
  color: (c) => fromPool(c, 'color', (f) => f.color.human()),
  code: (c) => alnum(c, 8, true),
  currency: (c) => fromPool(c, 'currency', (f) => f.finance.currencyCode()),
  ip: (c) => `${c.prng.int(1, 254)}.${c.prng.int(0, 255)}.${c.prng.int(0, 255)}.${c.prng.int(1, 254)}`,
  uuid: (c) => {
    const h = alnumHex(c, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[c.prng.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`;
  },
};

function alnumHex(c: GenContext, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(c.prng.next() * 16).toString(16);
  return s;
}

/** Every generator name an override may use. */
export const GENERATOR_NAMES = [...Object.keys(TEXT_GENERATORS), 'int', 'decimal', 'float', 'bool', 'date', 'timestamp', 'json'];

const TEXT_BY_NAME: [RegExp, string][] = [
  [/e_?mail/, 'email'],
  [/^(first_?name|given_?name|forename)$/, 'firstName'],
  [/^(last_?name|surname|family_?name)$/, 'lastName'],
  [/^(full_?name|(customer|person|user|author|employee|contact)_?name|name)$/, 'fullName'],
  [/phone|mobile|^tel|fax/, 'phone'],
  [/address|street/, 'address'],
  [/city|town/, 'city'],
  [/country_?code/, 'countryCode'],
  [/country/, 'country'],
  [/^(state|region|province)$/, 'state'],
  [/zip|postal|postcode/, 'zip'],
  [/company|organi[sz]ation|employer|vendor|supplier/, 'company'],
  [/product|item_?name/, 'product'],
  [/url|website|homepage|link/, 'url'],
  [/user_?name|login|handle/, 'username'],
  [/password|hash|token|secret/, 'password'],
  [/desc|comment|note|bio|body|text|message|summary/, 'sentence'],
  [/title|subject|headline/, 'title'],
  [/colou?r/, 'color'],
  [/sku|code|ref/, 'code'],
  [/currency/, 'currency'],
  [/^ip|ip_?addr/, 'ip'],
  [/uuid|guid/, 'uuid'],
];

const NUMBER_BY_NAME: [RegExp, number, number][] = [
  [/price|amount|cost|total|salary|balance|fee|revenue/, 1, 1000],
  [/qty|quantity|count|stock|units/, 1, 100],
  [/^age$/, 18, 90],
  [/rating|stars|score/, 1, 5],
  [/year/, 1990, 2026],
  [/percent|discount|pct/, 0, 100],
  [/^lat/, -90, 90],
  [/^(lng|lon)/, -180, 180],
];

const DAY = 86_400_000;
const TS_FROM = Date.UTC(2020, 0, 1);
const TS_TO = Date.UTC(2026, 0, 1);

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}
/** `YYYY-MM-DD HH:MM:SS` (UTC), a literal every engine reads. */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function numberRange(name: string, type: ColumnType, check: ColumnCheck | undefined, o: ColumnOverride | undefined): [number, number] {
  let lo = type.min ?? -1e9;
  let hi = type.max ?? 1e9;
  const hint = NUMBER_BY_NAME.find(([re]) => re.test(name));
  let wantLo = hint ? hint[1] : type.kind === 'int' ? 1 : 0;
  let wantHi = hint ? hint[2] : type.kind === 'int' ? 10_000 : 1000;
  if (check?.min !== undefined) wantLo = Math.max(check.min, wantLo > check.min && (check.max === undefined || wantLo <= check.max) ? wantLo : check.min);
  if (check?.max !== undefined) wantHi = Math.min(check.max, wantHi < check.max && wantHi >= wantLo ? wantHi : check.max);
  if (o?.min !== undefined) wantLo = o.min;
  if (o?.max !== undefined) wantHi = o.max;
  const step = type.kind === 'int' ? 1 : 10 ** -(type.scale ?? 2);
  if (check?.minExclusive && wantLo === check.min) wantLo += step;
  if (check?.maxExclusive && wantHi === check.max) wantHi -= step;
  lo = Math.max(lo, wantLo);
  hi = Math.min(hi, wantHi);
  return hi < lo ? [lo, lo] : [lo, hi];
}

/** What a bare `name` column holds, judged from its table's name. */
const NAME_BY_TABLE: [RegExp, string][] = [
  [/product|item|article/, 'product'],
  [/compan|supplier|vendor|organi[sz]ation|brand|publisher/, 'company'],
  [/city|town|region|warehouse|store|shop|location|branch/, 'city'],
  [/countr/, 'country'],
  [/categor|tag|genre|group|type|kind|label/, 'words'],
];

function textFor(col: ColumnInfo, type: ColumnType, check: ColumnCheck | undefined, c: GenContext, name?: string, table = ''): ValueGen {
  const max = Math.min(type.length ?? Infinity, check?.maxLength ?? Infinity);
  const colName = col.name.toLowerCase();
  const byTable = colName === 'name' || colName === 'title' ? NAME_BY_TABLE.find(([re]) => re.test(table.toLowerCase()))?.[1] : undefined;
  const key = name ?? byTable ?? TEXT_BY_NAME.find(([re]) => re.test(colName))?.[1] ?? 'words';
  const gen = TEXT_GENERATORS[key] ?? TEXT_GENERATORS.words!;
  // Very short columns (char(2), varchar(3)) get letters, not truncated words.
  if (max <= 3) return () => letters(c, max);
  return Number.isFinite(max) ? () => gen(c).slice(0, max) : () => gen(c);
}

/** Builds the generator for one column. */
export function columnGenerator(col: ColumnInfo, type: ColumnType, check: ColumnCheck | undefined, o: ColumnOverride | undefined, c: GenContext, table = ''): ValueGen {
  const { prng } = c;
  const list = o?.values ?? check?.values ?? (type.kind === 'enum' ? type.values : undefined);
  if (list && list.length) return () => prng.pick(list);
  const name = col.name.toLowerCase();
  const g = o?.generator;
  const dist: Distribution = o?.distribution ?? 'uniform';
  if (g && TEXT_GENERATORS[g]) return textFor(col, type.kind === 'text' ? type : { kind: 'text' }, check, c, g);
  const kind = g === 'int' || g === 'decimal' || g === 'float' || g === 'bool' || g === 'date' || g === 'timestamp' || g === 'json' ? g : type.kind;
  switch (kind) {
    case 'int': {
      const [lo, hi] = numberRange(name, type, check, o);
      return () => Math.min(hi, Math.floor(lo + prng.fraction(dist) * (hi - lo + 1)));
    }
    case 'decimal':
    case 'float': {
      const [lo, hi] = numberRange(name, type, check, o);
      const scale = type.scale ?? 2;
      return () => new Decimal(Math.min(hi, lo + prng.fraction(dist) * (hi - lo)).toFixed(scale));
    }
    case 'bool':
      return () => prng.chance(0.5);
    case 'date':
    case 'timestamp':
    case 'time':
    case 'year': {
      const birth = /birth|dob/.test(name);
      const lo = o?.min ?? (birth ? Date.UTC(1950, 0, 1) : TS_FROM);
      const hi = o?.max ?? (birth ? Date.UTC(2005, 0, 1) : TS_TO);
      const ms = (): number => lo + Math.floor(prng.fraction(dist) * (hi - lo));
      if (kind === 'date') return () => formatTimestamp(Math.floor(ms() / DAY) * DAY).slice(0, 10);
      if (kind === 'time') return () => formatTimestamp(ms()).slice(11);
      if (kind === 'year') return () => new Date(ms()).getUTCFullYear();
      return () => formatTimestamp(Math.floor(ms() / 1000) * 1000);
    }
    case 'uuid':
      return () => TEXT_GENERATORS.uuid!(c);
    case 'json':
      return () => JSON.stringify({ id: prng.int(1, 1_000_000), tag: fromPool(c, 'word', (f) => f.lorem.word()), active: prng.chance(0.5) });
    case 'binary': {
      const n = Math.min(type.length ?? 16, 16);
      return () => Buffer.from(Array.from({ length: n }, () => prng.int(0, 255)));
    }
    case 'inet':
      return () => TEXT_GENERATORS.ip!(c);
    case 'interval':
      return () => `${prng.int(1, 90)} days`;
    case 'text':
    case 'unknown':
    default:
      return textFor(col, type.kind === 'text' ? type : { kind: 'text', length: type.length }, check, c, undefined, table);
  }
}
