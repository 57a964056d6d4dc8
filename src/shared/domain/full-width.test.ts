import { describe, expect, it } from 'vitest';
import { halfWidth, halfWidthAlphanumerics } from './full-width';

describe('full-width text', () => {
  it('reads full-width digits, letters, signs and the ideographic space as ASCII', () => {
    expect(halfWidth('＋８６　１３８（０１０）－＃Ａｚ')).toBe('+86 138(010)-#Az');
  });

  it('leaves Chinese punctuation in free text as typed', () => {
    expect(halfWidthAlphanumerics('３号楼Ｂ座，暖气不热（１６度）？')).toBe('3号楼B座，暖气不热（16度）？');
  });

  it('changes nothing already in ASCII or in Han', () => {
    expect(halfWidth('朝阳区 3-101')).toBe('朝阳区 3-101');
  });
});
