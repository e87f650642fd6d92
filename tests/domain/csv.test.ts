import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvDocument, csvLine } from '../../src/domain/csv';

/** A small RFC 4180 reader, written independently of the writer, to check what Excel would read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) throw new Error('file does not end with CRLF');
  return rows;
}

describe('CSV cells (RFC 4180)', () => {
  it('leaves plain text and Hangul as they are', () => {
    expect(csvCell('멸치볶음')).toBe('멸치볶음');
    expect(csvCell('2026-05-04')).toBe('2026-05-04');
    expect(csvCell('010-1234-5678')).toBe('010-1234-5678');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
  });

  it('writes numbers as numbers and nothing for null', () => {
    expect(csvCell(12000)).toBe('12000');
    expect(csvCell(-5000)).toBe('-5000');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('defuses formulas: text starting with = + - @ tab or CR gets an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil","click")')).toBe(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(csvCell('+82 10 1234 5678')).toBe("'+82 10 1234 5678");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    // Only the start matters.
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('CSV documents', () => {
  it('start with the byte-order mark, end each line with CRLF, and read back', () => {
    const doc = csvDocument(
      ['메뉴', '수량', '매출'],
      [
        ['소불고기, 500g', 3, 57000],
        ['멸치 "국물용"', 1, 5000],
      ],
    );
    expect(doc.startsWith(BOM)).toBe(true);
    expect(doc.charCodeAt(0)).toBe(0xfeff);
    // The bytes Excel sees first: EF BB BF, then UTF-8 Hangul.
    const bytes = new TextEncoder().encode(doc);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // A decoder keeps the mark only when told to: Excel reads it, then drops it.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(doc);
    expect(new TextDecoder('utf-8').decode(bytes)).toBe(doc.slice(1));
    expect(doc.endsWith('\r\n')).toBe(true);
    expect(parseCsv(doc.slice(1))).toEqual([
      ['메뉴', '수량', '매출'],
      ['소불고기, 500g', '3', '57000'],
      ['멸치 "국물용"', '1', '5000'],
    ]);
  });

  it('round-trips any text: what a reader gets back is the text, or the text behind an apostrophe', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), { maxLength: 6 }),
        (rows) => {
          const header = ['a', 'b', 'c', 'd', 'e'];
          const parsed = parseCsv(csvDocument(header, rows).slice(1));
          expect(parsed[0]).toEqual(header);
          rows.forEach((r, i) => {
            const back = parsed[i + 1]!;
            expect(back).toHaveLength(r.length);
            r.forEach((cell, j) => {
              const risky = /^[=+\-@\t\r]/.test(cell);
              expect(back[j]).toBe(risky ? `'${cell}` : cell);
              expect(/^[=+\-@\t\r]/.test(back[j]!)).toBe(false);
            });
          });
        },
      ),
    );
  });

  it('a line is its cells joined by commas', () => {
    expect(csvLine(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"');
  });
});
