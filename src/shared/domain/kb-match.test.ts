import { describe, expect, it } from 'vitest';
import { rankArticles } from './kb-match';

const a = (code: string, titleZh: string, bodyZh: string, category: string | null = null) => ({
  code,
  category,
  titleZh,
  titleEn: code,
  bodyZh,
  bodyEn: `about ${code}`,
});
const articles = [
  a('season', '北京市供暖季起止时间', '法定供暖期为每年11月15日至次年3月15日。', 'heating.season'),
  a('standard', '居民室温标准', '供暖期间卧室室温应不低于18℃。', 'heating.temperature'),
  a('permit', '居住证办理', '在京居住满半年可申请居住证。'),
];

describe('rankArticles', () => {
  it('finds one- and two-character Chinese queries, titles first', () => {
    expect(rankArticles(articles, '暖').map((x) => x.code)).toEqual(['season', 'standard']);
    expect(rankArticles(articles, '室温').map((x) => x.code)).toEqual(['standard']);
    expect(rankArticles(articles, '居').map((x) => x.code)).toEqual(['standard', 'permit']);
  });

  it('needs every word, matches English, and prefers the ticket category among equals', () => {
    expect(rankArticles(articles, '供暖 18').map((x) => x.code)).toEqual(['standard']);
    expect(rankArticles(articles, 'ABOUT PERMIT').map((x) => x.code)).toEqual(['permit']);
    expect(rankArticles(articles, '供暖', 'heating.temperature').map((x) => x.code)).toEqual(['season', 'standard']);
    expect(rankArticles(articles, '期', 'heating.temperature').map((x) => x.code)).toEqual(['standard', 'season']);
    expect(rankArticles(articles, '').map((x) => x.code)).toEqual(['season', 'standard', 'permit']);
  });
});
