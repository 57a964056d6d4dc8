import { describe, expect, it } from 'vitest';
import { type Matchable, matchScore, rankMatches } from './reference-match';

const chaoyang: Matchable = { zh: '朝阳区', en: 'Chaoyang District', pinyin: 'chaoyang', initials: 'cy' };
const changping: Matchable = { zh: '昌平区', en: 'Changping District', pinyin: 'changping', initials: 'cp' };
const heating: Matchable = {
  zh: '室温不达标',
  en: 'Room temperature below standard',
  pinyin: 'shiwenbudabiao',
  initials: 'swbdb',
  keywords: ['暖气不热', '室温'],
};

describe('matchScore', () => {
  it('matches Chinese, pinyin, initials, English and keywords', () => {
    for (const query of ['朝阳', '朝阳区', 'cy', 'chaoyang', 'chao', 'Chaoyang District', 'CY'])
      expect(matchScore(chaoyang, query), query).not.toBeNull();
    expect(matchScore(heating, '暖气')).not.toBeNull();
    expect(matchScore(heating, '家里暖气不热')).not.toBeNull();
    expect(matchScore(heating, 'temperature')).not.toBeNull();
    expect(matchScore(chaoyang, 'hd')).toBeNull();
    expect(matchScore(chaoyang, '海淀')).toBeNull();
  });
});

describe('rankMatches', () => {
  it('puts exact initials before pinyin prefixes of other names', () => {
    const items = [changping, chaoyang];
    expect(rankMatches(items, 'c', (i) => i).map((i) => i.zh)).toEqual(['昌平区', '朝阳区']);
    expect(rankMatches(items, 'cy', (i) => i).map((i) => i.zh)).toEqual(['朝阳区']);
    expect(rankMatches(items, 'ch', (i) => i).map((i) => i.zh)).toEqual(['昌平区', '朝阳区']);
    expect(rankMatches(items, '', (i) => i, 1).map((i) => i.zh)).toEqual(['昌平区']);
  });
});
