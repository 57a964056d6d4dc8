import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir';
import { newCacheKey } from './cache-key';
import { classifierStore } from './classifier-store';
import { openDatabase } from './database';
import { applyReferencePage } from './reference-store';

const group = { zh: '动物管理', en: 'Animals', parent: null };
const stray = { zh: '流浪动物', en: 'Stray animals', parent: 'animals', sla: 'general' as const, keywords: ['流浪猫', '流浪狗'] };

describe("the workstation's category suggestions", () => {
  it('suggests a category no model has learned by its keywords, follows a change of them and drops it once retired', () => {
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite3'), newCacheKey());
    const store = classifierStore(db);
    const at = '2026-12-02T09:00:00.000Z';
    applyReferencePage(
      db,
      [
        { kind: 'category', code: 'animals', version: 1, deleted: false, body: group },
        { kind: 'category', code: 'animals.stray', version: 2, deleted: false, body: stray },
      ],
      2,
      at,
    );
    expect(store.suggest('小区里流浪猫越来越多')).toEqual([{ category: 'animals.stray', confidence: null }]);
    expect(store.suggest('动物')).toEqual([]);

    applyReferencePage(
      db,
      [{ kind: 'category', code: 'animals.stray', version: 3, deleted: false, body: { ...stray, keywords: ['野猫'] } }],
      3,
      at,
    );
    expect(store.suggest('小区里流浪猫越来越多')).toEqual([]);
    expect(store.suggest('楼道里有野猫')).toEqual([{ category: 'animals.stray', confidence: null }]);

    applyReferencePage(
      db,
      [{ kind: 'category', code: 'animals.stray', version: 4, deleted: false, body: { ...stray, keywords: ['野猫'], active: false } }],
      4,
      at,
    );
    expect(store.suggest('楼道里有野猫')).toEqual([]);
  });
});
