import { describe, expect, it } from 'vitest';
import { textSimilarity } from './text-similarity';

describe('textSimilarity', () => {
  it('is 1 for the same report however punctuated, 0 for nothing in common', () => {
    expect(textSimilarity('暖气不热，室温只有十四度', '暖气不热 室温只有十四度！')).toBe(1);
    expect(textSimilarity('暖气不热', '垃圾没人清理')).toBe(0);
    expect(textSimilarity('', '')).toBe(0);
  });

  it('ranks a report about the same problem above one about another', () => {
    const report = '3号楼暖气不热，家里室温只有15度';
    const same = textSimilarity(report, '3号楼暖气一直不热，室温很低');
    const other = textSimilarity(report, '3号楼门口垃圾堆放，没人清理');
    expect(same).toBeGreaterThan(other);
    expect(same).toBeGreaterThan(0.3);
  });
});
