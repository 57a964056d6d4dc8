import { describe, expect, it } from 'vitest';
import { buildKbIndex, rankArticles } from './kb-match';

const a = (code: string, titleZh: string, bodyZh: string, category: string | null = null) => ({
  code,
  category,
  titleZh,
  titleEn: `title of ${code}`,
  bodyZh,
  bodyEn: `about ${code}`,
});
const categories = [
  { code: 'heating', zh: '供暖', en: 'Heating', parent: null },
  { code: 'heating.temperature', zh: '室温不达标', en: 'Room temperature', parent: 'heating', keywords: ['暖气不热', '温度低'] },
  { code: 'heating.season', zh: '供暖时间', en: 'Heating season', parent: 'heating', keywords: ['供暖季'] },
  { code: 'civil', zh: '民政', en: 'Civil affairs', parent: null },
  { code: 'civil.documents', zh: '户籍与证件', en: 'Documents', parent: 'civil', keywords: ['居住证'] },
];
const articles = [
  a('season', '北京市供暖季起止时间', '法定供暖期为每年11月15日至次年3月15日。', 'heating.season'),
  a('standard', '居民室温标准', '供暖期间卧室室温应不低于18℃。', 'heating.temperature'),
  a('permit', '居住证办理', '在京居住满半年可申请居住证，到派出所申请。', 'civil.documents'),
  a('station', '派出所办理时间', '工作日接待居住证和户口业务，周末休息。', 'civil.police'),
];
const codes = (query: string, category?: string) => rankArticles(buildKbIndex(articles, categories), query, category).map((x) => x.code);

describe('rankArticles', () => {
  it('finds one- and two-character Chinese queries, title over body', () => {
    expect(codes('室温')).toEqual(['standard', 'season']); // season through its category's group (供暖)
    expect(codes('派出所')).toEqual(['station', 'permit']);
    expect(codes('暖')[0]).toBe('season');
  });

  it('reaches articles through the keywords of their category and of its group', () => {
    expect(codes('暖气')).toEqual(['standard', 'season']);
    expect(codes('温度')).toEqual(['standard', 'season']);
  });

  it('looks for a short word by its characters only when no article has the pair, and never for a long one', () => {
    expect(codes('几度')).toEqual(['standard', 'season']); // 度 of 温度低
    expect(codes('没有这样的文章')).toEqual([]);
  });

  it('needs every part, and matches English and numbers by prefix', () => {
    expect(codes('供暖 18')).toEqual(['standard']);
    expect(codes('ABOUT PERM')).toEqual(['permit']);
    expect(codes('11月')).toEqual(['season']);
    expect(codes('居住证 周末')).toEqual(['station']);
  });

  it('matches pinyin initials and full pinyin at syllable starts, in titles and categories', () => {
    expect(codes('jzz')).toEqual(['permit']); // bodies are not spelled: 居住证 in the station's body does not count
    expect(codes('juzhu')).toEqual(['permit']);
    expect(codes('uzhu')).toEqual([]); // not at a syllable's start
    expect(codes('gnsj')).toEqual(['season', 'standard']); // 供暖时间 is the name of one's category and of the other's sibling
  });

  it("puts the ticket's category first among near equals, and first of all for an empty query", () => {
    expect(codes('办理')).toEqual(['permit', 'station']);
    expect(codes('办理', 'civil.police')).toEqual(['station', 'permit']);
    expect(codes('派出所', 'civil.documents')).toEqual(['station', 'permit']); // a title still counts over the category
    expect(codes('', 'heating.temperature')).toEqual(['standard', 'season', 'permit', 'station']);
    expect(codes('')).toEqual(['season', 'standard', 'permit', 'station']);
  });
});

describe("an administrator's keywords and further categories of an article", () => {
  const noise = {
    ...a('noise', '夜间施工怎么投诉', '晚上22点后施工须有许可。', 'civil.documents'),
    keywords: ['扰民', 'construction'],
    categories: ['heating.season'],
  };
  const ranked = (query: string) => rankArticles(buildKbIndex([...articles, noise], categories), query).map((x) => x.code);

  it('finds it by a keyword as by its title, and through a further category and that category’s group', () => {
    expect(ranked('扰民')).toEqual(['noise']);
    expect(ranked('construction')).toEqual(['noise']);
    expect(ranked('供暖季')).toContain('noise');
    expect(ranked('暖气')).toContain('noise');
  });

  it('is not led by them when they are not given (the pair 扰民 is in no other text: single characters answer)', () => {
    const plain = { ...noise, keywords: undefined, categories: undefined };
    const found = (query: string) => rankArticles(buildKbIndex([...articles, plain], categories), query).map((x) => x.code);
    expect(found('扰民')[0]).not.toBe('noise');
    expect(found('construction')).toEqual([]);
    expect(found('供暖季')).not.toContain('noise');
  });
});
