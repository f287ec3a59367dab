/** Mermaid and DBML outputs: every line has a shape the grammars accept, and nothing is lost. */
import { describe, expect, it } from 'vitest';
import { chainSnapshot } from '../../../tests/erd/syntheticSchema';
import type { SchemaSnapshot } from '../schema';
import { renderDbml } from './dbml';
import { buildErGraph } from './graph';
import { renderMermaid } from './mermaid';

const WORD = '[A-Za-z_][A-Za-z0-9_]*';
const MERMAID_LINE = [
  new RegExp(`^  ${WORD} \\{$`),
  new RegExp(`^    ${WORD} ${WORD}( PK| FK| PK, FK)?( "[^"\\n]*")?$`),
  /^ {2}\}$/,
  new RegExp(`^  ${WORD} \\}o--(\\|\\||o\\|) ${WORD} : "[^"\\n]*"$`),
  new RegExp(`^  ${WORD}$`),
];

/** A snapshot with hostile names: spaces, quotes, `<a&b>`, parentheses in types, a composite FK. */
function oddSnapshot(): SchemaSnapshot {
  const snap = chainSnapshot();
  snap.schemas[0]!.tables.push(
    {
      name: '<a&b>',
      kind: 'table',
      comment: "it's odd",
      rowEstimate: null,
      columns: [
        { name: 'k 1', dataType: 'numeric(10, 2)', nullable: false, default: '0', comment: 'first "key"', ordinal: 1 },
        { name: 'k2', dataType: 'character varying(20)', nullable: false, default: "'x'::character varying", comment: null, ordinal: 2 },
        { name: '2nd', dataType: 'timestamp with time zone', nullable: true, default: 'now()', comment: null, ordinal: 3 },
      ],
      primaryKey: ['k 1', 'k2'],
      foreignKeys: [],
      indexes: [],
      constraints: [],
    },
    {
      name: 'child table',
      kind: 'table',
      comment: null,
      rowEstimate: null,
      columns: [
        { name: 'p1', dataType: 'numeric(10, 2)', nullable: false, default: null, comment: null, ordinal: 1 },
        { name: 'p2', dataType: 'varchar(20)', nullable: false, default: null, comment: null, ordinal: 2 },
      ],
      primaryKey: [],
      foreignKeys: [{ name: 'fk "odd"', columns: ['p1', 'p2'], refSchema: 'app', refTable: '<a&b>', refColumns: ['k 1', 'k2'], onDelete: 'SET NULL', onUpdate: 'CASCADE' }],
      indexes: [],
      constraints: [],
    },
  );
  return snap;
}

describe('renderMermaid', () => {
  it('writes only lines of the erDiagram grammar', () => {
    const text = renderMermaid(buildErGraph(oddSnapshot()));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('erDiagram');
    for (const line of lines.slice(1)) expect(MERMAID_LINE.some((re) => re.test(line)), line).toBe(true);
  });

  it('has an entity per table and a relationship per foreign key, schema-prefixed', () => {
    const g = buildErGraph(oddSnapshot());
    const text = renderMermaid(g);
    expect(text.match(/^ {2}\w+ \{$/gm)).toHaveLength(g.nodes.length);
    expect(text.match(/ \}o--/g)).toHaveLength(g.edges.length);
    expect(text).toContain('app__a_b {');
    expect(text).toContain('app__child_table }o--|| app__a_b : "fk \'odd\'"');
    expect(text).toContain('numeric_10_2 k_1 PK "k 1 numeric(10, 2)"');
    expect(text).toMatch(/app__d \}o--o\| app__c/);
  });
});

const NAME = '(?:\\w+|"[^"]+")';
const COL = `${NAME}\\.${NAME}\\.(?:${NAME}|\\(${NAME}(?:, ${NAME})*\\))`;

describe('renderDbml', () => {
  it('writes Table blocks, settings and Ref lines DBML accepts', () => {
    const g = buildErGraph(oddSnapshot());
    const text = renderDbml(g);
    const allowed = [
      /^Table (\w+|"[^"]+")\.(\w+|"[^"]+") \{$/,
      /^ {2}(\w+|"(?:[^"\\]|\\.)+") (\w+(\([0-9, ]*\))?|"[^"]+")( \[[^\]]+\])?$/,
      /^ {2}indexes \{$/,
      /^ {4}\(.+\) \[pk\]$/,
      /^ {2}\}$/,
      /^ {2}Note: '(?:[^'\\]|\\.)*'$/,
      /^\}$/,
      /^$/,
      new RegExp(`^Ref \\w+: ${COL} > ${COL}( \\[(delete|update): [a-z ]+(, update: [a-z ]+)?\\])?$`),
    ];
    for (const line of text.trimEnd().split('\n')) expect(allowed.some((re) => re.test(line)), line).toBe(true);
    expect(text.match(/^Table /gm)).toHaveLength(g.nodes.length);
    expect(text.match(/^Ref /gm)).toHaveLength(g.edges.length);
  });

  it('quotes odd names and types, keeps composite keys, notes and actions', () => {
    const text = renderDbml(buildErGraph(oddSnapshot()));
    expect(text).toContain('Table app."<a&b>" {');
    expect(text).toContain(`"k 1" numeric(10,2) [not null, default: 0, note: 'first "key"']`);
    expect(text).toContain('"2nd" "timestamp with time zone" [default: `now()`]');
    expect(text).toContain('("k 1", k2) [pk]');
    expect(text).toContain("Note: 'it\\'s odd'");
    expect(text).toContain('Ref fk_odd_: app."child table".(p1, p2) > app."<a&b>".("k 1", k2) [delete: set null, update: cascade]');
    expect(text).toContain('Ref b_a_id_fkey: app.b.a_id > app.a.id [delete: cascade]');
    expect(renderDbml(buildErGraph(chainSnapshot()), { project: 'my shop.db' })).toMatch(/^Project my_shop_db \{\n {2}Note: 'my shop\.db, exported by QueryGenie'\n\}\n/);
  });
});
