import { describe, expect, it } from 'vitest';
import { keywordSuggestions } from './keyword-suggestions';

const categories = [
  { code: 'pets.stray', keywords: ['流浪猫', '流浪狗', '野猫'] },
  { code: 'pets.noise', keywords: ['狗叫', '猫'] },
  { code: 'heating.temperature', keywords: ['暖气不热'] },
  { code: 'net.wifi', keywords: ['WiFi 信号'] },
];
const known = new Set(['heating.temperature']);

describe('keyword suggestions for categories the model does not know yet', () => {
  it('finds a category whose keyword occurs in the description, the longest match first', () => {
    expect(keywordSuggestions(categories, known, '小区里有很多流浪猫，晚上狗叫')).toEqual(['pets.stray', 'pets.noise']);
  });

  it('leaves the categories the model knows to the model', () => {
    expect(keywordSuggestions(categories, known, '家里暖气不热')).toEqual([]);
  });

  it('ignores one-character keywords, and case, width and spaces in both', () => {
    expect(keywordSuggestions(categories, known, '楼下有只猫')).toEqual([]);
    expect(keywordSuggestions(categories, known, '图书馆ｗｉｆｉ信号很差')).toEqual(['net.wifi']);
  });

  it('answers nothing for a description too short to match', () => {
    expect(keywordSuggestions(categories, known, ' 猫 ')).toEqual([]);
    expect(keywordSuggestions(categories, new Set(), '')).toEqual([]);
  });
});
