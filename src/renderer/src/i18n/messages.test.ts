import { describe, expect, it } from 'vitest';
import { actions } from '../shell/actions';
import { en } from './en';
import { zhCN } from './zh-CN';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );

describe('UI messages', () => {
  it('have the same keys in both languages, none empty', () => {
    const zh = leaves(zhCN);
    const english = leaves(en);
    expect(english.map(([key]) => key)).toEqual(zh.map(([key]) => key));
    for (const [key, text] of [...zh, ...english]) expect(text.trim(), key).not.toBe('');
  });

  it('translate every action', () => {
    for (const { id } of actions) {
      expect(zhCN.actions[id].label).toMatch(/\p{Script=Han}/u);
      expect(en.actions[id].label).toMatch(/^[\x20-\x7e…]+$/);
    }
  });

  it('keep Chinese out of the English text and keep interpolations alike', () => {
    const zh = new Map(leaves(zhCN));
    for (const [key, text] of leaves(en)) {
      expect(text, key).not.toMatch(/\p{Script=Han}/u);
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(text), key).toEqual(vars(zh.get(key)!));
    }
  });
});
