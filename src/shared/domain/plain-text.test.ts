import { describe, expect, it } from 'vitest';
import { findUnsafeCharacter, findUnsafeString, plainText } from './plain-text';

describe('findUnsafeCharacter', () => {
  it.each([
    ['Chinese and punctuation', '楼内停水一天，家里有老人！'],
    ['tab, line feed and carriage return', 'a\tb\nc\r\nd'],
    ['an emoji (a surrogate pair)', '暖气不热 🥶'],
    ['the characters next to the refused ranges', '\u007E\u00A0\uFDCF\uFDF0\uFFFD\u{1FFFD}\u{10FFFD}'],
    ['the empty string', ''],
  ])('accepts %s', (_, text) => {
    expect(findUnsafeCharacter(text)).toBeNull();
  });

  it.each([
    ['NUL', 'ab\u0000', 2, 'U+0000', 'control character'],
    ['U+0001', '\u0001', 0, 'U+0001', 'control character'],
    ['a vertical tab', 'a\u000Bb', 1, 'U+000B', 'control character'],
    ['escape', '\u001B[31m', 0, 'U+001B', 'control character'],
    ['DEL', 'x\u007F', 1, 'U+007F', 'control character'],
    ['a C1 control', '\u0085', 0, 'U+0085', 'control character'],
    ['the last C1 control', '\u009F', 0, 'U+009F', 'control character'],
    ['a lone high surrogate at the end', '停水\uD800', 2, 'U+D800', 'lone surrogate'],
    ['a high surrogate followed by a letter', '\uDBFFa', 0, 'U+DBFF', 'lone surrogate'],
    ['a lone low surrogate', 'a\uDC00', 1, 'U+DC00', 'lone surrogate'],
    ['two surrogates the wrong way round', '\uDFFF\uD800', 0, 'U+DFFF', 'lone surrogate'],
    ['U+FFFE', '好\uFFFE', 1, 'U+FFFE', 'noncharacter'],
    ['U+FFFF', '\uFFFF', 0, 'U+FFFF', 'noncharacter'],
    ['U+FDD0', '\uFDD0', 0, 'U+FDD0', 'noncharacter'],
    ['U+FDEF', '\uFDEF', 0, 'U+FDEF', 'noncharacter'],
    ['U+1FFFE', 'a\u{1FFFE}', 1, 'U+1FFFE', 'noncharacter'],
    ['U+10FFFF', '\u{10FFFF}', 0, 'U+10FFFF', 'noncharacter'],
  ])('refuses %s, naming it and where it is', (_, text, index, codePoint, kind) => {
    expect(findUnsafeCharacter(text)).toEqual({ index, codePoint, kind });
  });
});

describe('plainText', () => {
  const schema = plainText(10).min(1, 'required');

  it('trims, and keeps the length and minimum checks', () => {
    expect(schema.parse('  停水  ')).toBe('停水');
    expect(schema.safeParse('   ').error?.issues[0]?.message).toBe('required');
    expect(schema.safeParse('x'.repeat(11)).success).toBe(false);
  });

  it('says which character is refused, where, and what to do', () => {
    expect(schema.safeParse('停水\u0000了').error?.issues.map((i) => i.message)).toEqual([
      'contains a control character (U+0000) at position 3, which cannot be stored; delete it (it often comes with pasted text) and send again',
    ]);
  });
});

describe('findUnsafeString', () => {
  it('finds a refused character in any string or key, with its path', () => {
    expect(findUnsafeString({ a: [1, 'ok', { b: 'x\uFFFE' }] })).toMatchObject({
      path: 'a.2.b',
      problem: expect.stringContaining('U+FFFE'),
    });
    expect(findUnsafeString({ ['k\u0000']: 1 })).toMatchObject({ path: '(a key)', problem: expect.stringContaining('U+0000') });
    expect(findUnsafeString({ a: ['楼内停水', null, 3, true], b: { c: 'line\nbreak' } })).toBeNull();
  });
});
