import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, toCsv } from '../../shared/csv/rfc4180';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('RFC 4180 CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(fields('a,b\r\n"x, y","she said ""no""\r\nthen left"\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'she said "no"\r\nthen left'],
    ]);
  });

  it('keeps empty cells, drops a byte order mark and blank lines, and accepts LF endings', () => {
    expect(fields('\uFEFFa,,c\n\n1,2,\n')).toEqual([
      ['a', '', 'c'],
      ['1', '2', ''],
    ]);
  });

  it('numbers records by the line they start on', () => {
    expect(parseCsv('h\n"two\nlines"\nthree').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('reads names in any script', () => {
    expect(fields('name\nمحمد حداد\nዳዊት ተስፋዬ\nNguyễn Thảo')).toEqual([
      ['name'],
      ['محمد حداد'],
      ['ዳዊት ተስፋዬ'],
      ['Nguyễn Thảo'],
    ]);
  });

  it('rejects a quote that is never closed or stray text after a closing quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('"a"b,c')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('ab"c,d')).toThrow(CsvSyntaxError);
  });

  it('writes what it reads back unchanged', () => {
    const rows = [
      ['ref', 'note'],
      ['R-1', 'comma, "quote" and\nnewline'],
      ['R-2', ' padded '],
    ];
    expect(fields(toCsv(rows))).toEqual(rows);
  });
});
