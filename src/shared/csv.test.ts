import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quotes, escaped quotes, commas and line breaks inside fields, CRLF and a BOM', () => {
    const text = '\uFEFFtext,category\r\n"暖气不热，""急""\r\n第二行",heating.temperature\r\n楼道灯坏了,urban.lighting\n';
    expect(parseCsv(text)).toEqual({
      columns: ['text', 'category'],
      rows: [
        { text: '暖气不热，"急"\r\n第二行', category: 'heating.temperature' },
        { text: '楼道灯坏了', category: 'urban.lighting' },
      ],
      // The second record starts on line 4: the first one's text holds a line break.
      lines: [2, 4],
    });
  });

  it('names the line of a malformed record', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow('CSV line 3: 1 fields, but the header has 2.');
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow('CSV line 2: a quoted field is never closed.');
    expect(() => parseCsv('')).toThrow('empty');
  });
});
