import Database from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchColumns, searchMatch } from './search-text';

describe('searchColumns', () => {
  it('splits Han text into characters and pairs, and keeps words and numbers', () => {
    expect(searchColumns(['朝阳区 暖气不热', 'Room 302, tel 13800138000'])).toEqual({
      words: 'room 302 tel 13800138000',
      uni: '朝 阳 区 暖 气 不 热',
      bi: '朝阳 阳区 0 暖气 气不 不热',
    });
  });

  it('folds full-width forms', () => {
    expect(searchColumns(['１３８ＡＢＣ']).words).toBe('138abc');
  });
});

describe('searchMatch', () => {
  it('quotes every token so query text is never FTS5 syntax', () => {
    expect(searchMatch('暖')).toBe('uni : "暖"');
    expect(searchMatch('暖气')).toBe('bi : "暖气"');
    expect(searchMatch('暖气不热')).toBe('bi : "暖气 气不 不热"');
    expect(searchMatch('138 OR x')).toBe('words : "138" * AND words : "or" * AND words : "x" *');
    expect(searchMatch('"*:() -')).toBeNull();
  });
});

describe('in an FTS5 table', () => {
  const docs = ['朝阳区酒仙桥街道 暖气不热', '海淀区 小区门口 垃圾没人清理', '朝阳, 阳光小区 噪音', 'caller 13800138000 noise at night'];
  const db = new Database(':memory:');
  beforeAll(() => {
    db.exec(`CREATE VIRTUAL TABLE s USING fts5(words, uni, bi, content='', contentless_delete=1)`);
    const insert = db.prepare('INSERT INTO s (rowid, words, uni, bi) VALUES (?, @words, @uni, @bi)');
    docs.forEach((doc, i) => insert.run(i + 1, searchColumns([doc])));
  });
  const find = (query: string) =>
    db
      .prepare<[string], { rowid: number }>('SELECT rowid FROM s WHERE s MATCH ? ORDER BY rowid')
      .all(searchMatch(query)!)
      .map((r) => r.rowid);

  it('finds one- and two-character Chinese queries', () => {
    expect(find('暖')).toEqual([1]);
    expect(find('区')).toEqual([1, 2, 3]);
    expect(find('小区')).toEqual([2, 3]);
  });

  it('finds longer Chinese only where the characters stand together', () => {
    expect(find('酒仙桥')).toEqual([1]);
    expect(find('暖气不热')).toEqual([1]);
    expect(find('气热')).toEqual([]);
    // 朝阳 and 阳光 are adjacent pairs in the index, but "朝阳光" is not in the text.
    expect(find('朝阳光')).toEqual([]);
  });

  it('finds numbers by prefix and words in any case', () => {
    expect(find('1380013')).toEqual([4]);
    expect(find('NOISE')).toEqual([4]);
    expect(find('朝阳 暖气')).toEqual([1]);
  });
});
