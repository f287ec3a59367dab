import { describe, expect, it } from 'vitest';
import { Decimal, type Row } from '../../../shared/values';
import { displayCell, formatRows, hexDump, viewerText } from './model';

const cols = [
  { name: 'id', type: 'int8' },
  { name: 'price', type: 'numeric' },
  { name: 'note', type: 'text' },
  { name: 'blob', type: 'bytea' },
];
const rows: Row[] = [
  [9007199254740993n, new Decimal('12.50'), 'a, "quoted"\nline', new Uint8Array([0xde, 0xad])],
  [2n, null, '', null],
];

describe('copying a selection', () => {
  it('TSV escapes tabs and newlines and shows NULL', () => {
    expect(formatRows('tsv', cols, rows)).toBe(
      'id\tprice\tnote\tblob\n9007199254740993\t12.50\ta, "quoted"\\nline\tdead\n2\tNULL\t\tNULL',
    );
  });

  it('CSV quotes per RFC 4180 and keeps NULL distinct from the empty string', () => {
    expect(formatRows('csv', cols, rows)).toBe(
      'id,price,note,blob\n9007199254740993,12.50,"a, ""quoted""\nline",dead\n2,,"",',
    );
  });

  it('JSON keeps 64-bit and exact numbers digit for digit', () => {
    const text = formatRows('json', cols, rows);
    expect(text).toContain('"id": 9007199254740993');
    expect(text).toContain('"price": 12.50');
    expect(text).toContain('"blob": "\\\\xdead"');
    expect(text).toContain('"price": null');
    expect(JSON.parse(text)).toHaveLength(2);
  });

  it('JSON keeps both columns when names repeat', () => {
    const text = formatRows('json', [{ name: 'id', type: '' }, { name: 'id', type: '' }], [[1, 2]]);
    expect(JSON.parse(text)).toEqual([{ id: 1, id_2: 2 }]);
  });

  it('Markdown escapes pipes, right-aligns numeric columns and italicises NULL', () => {
    const text = formatRows('markdown', [{ name: 'n', type: '' }, { name: 's', type: '' }], [
      [1, 'a|b'],
      [null, 'x\ny'],
    ]);
    expect(text).toBe('| n | s |\n| ---: | --- |\n| 1 | a\\|b |\n| *NULL* | x<br>y |');
  });
});

describe('cells', () => {
  it('shows NULL distinctly from an empty string', () => {
    expect(displayCell(null)).toEqual({ text: 'NULL', kind: 'null' });
    expect(displayCell('')).toEqual({ text: '', kind: 'text' });
  });

  it('pretty-prints JSON text in the viewer, and leaves non-JSON alone', () => {
    expect(viewerText('{"a":[1,2]}')).toEqual({ text: '{\n  "a": [\n    1,\n    2\n  ]\n}', mode: 'json' });
    expect(viewerText('{not json')).toEqual({ text: '{not json', mode: 'text' });
  });

  it('hex-dumps binary with offsets and printable ASCII', () => {
    const dump = hexDump(new TextEncoder().encode('Hello, world!\n\x00ABC'));
    expect(dump.split('\n')[0]).toBe('00000000  48 65 6c 6c 6f 2c 20 77 6f 72 6c 64 21 0a 00 41  Hello, world!..A');
    expect(dump.split('\n')[1]).toMatch(/^00000010 {2}42 43 +BC$/);
  });
});
