import { describe, expect, it } from 'vitest';
import { refusalCodes } from '../../../shared/domain/refusal';
import { refusalExamples } from '../../../shared/domain/refusal-examples';
import { actions } from '../shell/actions';
import { refusalText } from '../shell/refusal-text';
import { en } from './en';
import { areaMessages, createI18n } from './index';
import { zhCN } from './zh-CN';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );

// The areas typed on their own are checked with the rest.
const allZh = { ...zhCN, ...areaMessages['zh-CN'] };
const allEn = { ...en, ...areaMessages.en };

describe('UI messages', () => {
  it('have the same keys in both languages, none empty', () => {
    const zh = leaves(allZh);
    const english = leaves(allEn);
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
    const zh = new Map(leaves(allZh));
    for (const [key, text] of leaves(allEn)) {
      expect(text, key).not.toMatch(/\p{Script=Han}/u);
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(text), key).toEqual(vars(zh.get(key)!));
    }
  });

  it('translate every refusal code in both languages, each parameter interpolated', async () => {
    expect(Object.keys(zhCN.refusals).sort()).toEqual([...refusalCodes].sort());
    for (const locale of ['zh-CN', 'en'] as const) {
      const { t } = await createI18n(locale);
      for (const refusal of refusalExamples) {
        const text = refusalText(t, refusal);
        expect(text, `${locale} ${refusal.code}`).not.toMatch(/\{\{|refusals\.|undefined/);
        if (locale === 'zh-CN') expect(text, refusal.code).toMatch(/\p{Script=Han}/u);
      }
    }
  });
});
