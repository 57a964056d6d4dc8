import { pinyin } from 'pinyin-pro';

/** Full pinyin and initials, for matching `chaoyang` and `cy` to 朝阳区 (the suffix 区/街道 is left out). */
export function spellings(name: string): { pinyin: string; initials: string } {
  const core = name.replace(/(区|街道|地区|镇|乡)$/, '') || name;
  return {
    pinyin: pinyin(core, { toneType: 'none', separator: '', v: true }).toLowerCase(),
    initials: pinyin(core, { pattern: 'first', toneType: 'none', separator: '' }).toLowerCase(),
  };
}
