import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir';
import { newCacheKey } from './cache-key';
import { readCursor } from './cursor-store';
import { openDatabase } from './database';
import { applyReferencePage, referenceBody, referenceItems, referenceStream } from './reference-store';

const general = { zh: '一般类', en: 'General', dispatchMinutes: 1440, feedbackMinutes: 10080 };
const chaoyang = { zh: '朝阳区', en: 'Chaoyang District', pinyin: 'chaoyang', initials: 'cy' };

describe('reference data pulled into the cache', () => {
  it('refuses, one by one, items this version cannot read; the rest of the page is stored and the cached versions stay in use', () => {
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite3'), newCacheKey());
    const errors: string[] = [];
    const log = { error: (message: string) => errors.push(message) };
    applyReferencePage(
      db,
      [{ kind: 'slaPolicy', code: 'general', version: 1, deleted: false, body: general }],
      1,
      '2026-12-01T09:00:00.000Z',
      log,
    );

    const result = applyReferencePage(
      db,
      [
        { kind: 'slaPolicy', code: 'general', version: 2, deleted: false, body: { ...general, dispatchMinutes: 'a day' } },
        { kind: 'weather', code: 'storm', version: 3, deleted: false, body: { zh: '暴雨' } },
        { kind: 'district', code: '110105', version: 4, deleted: false, body: chaoyang },
        { kind: 'street', code: '110105017', version: 5, deleted: false, body: { zh: '劲松街道', en: 'Jinsong' } },
      ],
      5,
      '2026-12-01T09:01:00.000Z',
      log,
    );

    expect(result.stored).toBe(1);
    expect(result.refused).toEqual([
      { kind: 'slaPolicy', code: 'general', reason: expect.stringMatching(/^body\.dispatchMinutes: .*expected number/) },
      { kind: 'weather', code: 'storm', reason: expect.stringMatching(/^kind weather is not one this version knows/) },
      { kind: 'street', code: '110105017', reason: expect.stringMatching(/body\.districtCode/) },
    ]);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^\[sync\] reference slaPolicy general version refused, the cached one stays in use/);
    expect(referenceBody(db, 'slaPolicy', 'general')).toEqual(general);
    expect(referenceItems(db, ['district', 'street'])).toEqual([{ kind: 'district', code: '110105', body: chaoyang }]);
    expect(readCursor(db, referenceStream)).toBe(5);
    db.close();
  });

  it('keeps fields this version does not read, for the version that will', () => {
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite3'), newCacheKey());
    applyReferencePage(
      db,
      [{ kind: 'district', code: '110105', version: 1, deleted: false, body: { ...chaoyang, population: 3_452_000 } }],
      1,
      '2026-12-01T09:00:00.000Z',
    );
    expect(referenceBody(db, 'district', '110105')).toEqual(chaoyang);
    const raw = db.prepare<[], { body: string }>(`SELECT body FROM reference_data WHERE code = '110105'`).get();
    expect(raw && JSON.parse(raw.body)).toMatchObject({ population: 3_452_000 });
    db.close();
  });
});
