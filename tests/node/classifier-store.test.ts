import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifierStore } from '../../src/main/store/classifier-store';
import { newCacheKey } from '../../src/main/store/cache-key';
import { openDatabase } from '../../src/main/store/database';
import { applyReferencePage } from '../../src/main/store/reference-store';
import type { CategoryModel } from '../../src/shared/domain/classifier-model';
import { tempDir } from '../support/temp-dir';

/** A model that files every text with 暖 or 气 under its first class. */
const modelFor = (first: string, second: string): CategoryModel => ({
  kind: 'linear-svm',
  classes: [first, second],
  trigrams: false,
  features: ['暖', '气'],
  idf: [1000, 1000],
  weights: [[1, 5000, 1, 5000], []],
  bias: [0, 0],
  weightScale: 1000,
  temperature: 5,
  evidence: 0,
  cost: 1,
  trainedAt: '2026-12-01T00:00:00.000Z',
  trainedThrough: null,
  examples: 10,
  evaluation: { examples: 10, top1: 1, top3: 1 },
});

const cache = () => openDatabase(path.join(tempDir(), 'cache.sqlite3'), newCacheKey());
const pullModel = (db: ReturnType<typeof cache>, version: number, body: unknown) =>
  applyReferencePage(
    db,
    [{ kind: 'model', code: 'category-classifier', version, deleted: false, body }],
    version,
    new Date().toISOString(),
  );
const top = (store: ReturnType<typeof classifierStore>) => store.suggest('暖气不热')[0]?.category;

describe("a workstation core's category model", () => {
  it('is its own: two cores in one process, each with its model at the same version, each suggest from theirs', () => {
    const [a, b] = [cache(), cache()];
    pullModel(a, 1, modelFor('heating', 'water'));
    pullModel(b, 1, modelFor('water', 'heating'));
    const [first, second] = [classifierStore(a), classifierStore(b)];
    expect(top(first)).toBe('heating');
    expect(top(second)).toBe('water');
    expect(top(first)).toBe('heating');
    a.close();
    b.close();
  });

  it('stays in use when a later version in the cache cannot be read, and says why once', () => {
    const db = cache();
    const errors: string[] = [];
    const store = classifierStore(db, { error: (message: string) => errors.push(message) });
    pullModel(db, 1, modelFor('heating', 'water'));
    expect(top(store)).toBe('heating');
    // As a cache written before items were checked on pull could hold it.
    db.prepare(`UPDATE reference_data SET version = 2, body = ? WHERE kind = 'model'`).run(
      JSON.stringify({ ...modelFor('water', 'heating'), bias: [0] }),
    );
    expect(top(store)).toBe('heating');
    expect(top(store)).toBe('heating');
    expect(errors).toEqual([
      expect.stringMatching(
        /^\[classifier\] model version 2 cannot be read \(.*weights or bias do not match the classes.*\); the previous model stays in use\.$/,
      ),
    ]);
    db.close();
  });

  it('is refused on pull when it does not pass its schema, and the model in use stays', () => {
    const db = cache();
    const store = classifierStore(db);
    pullModel(db, 1, modelFor('heating', 'water'));
    const { refused } = applyReferencePage(
      db,
      [{ kind: 'model', code: 'category-classifier', version: 2, deleted: false, body: { kind: 'linear-svm' } }],
      2,
      new Date().toISOString(),
      { error: () => {} },
    );
    expect(refused).toEqual([{ kind: 'model', code: 'category-classifier', reason: expect.stringContaining('body.classes') }]);
    expect(top(store)).toBe('heating');
    db.close();
  });
});
