import { describe, expect, it } from 'vitest';
import { msUntil } from '../../src/server/classifier/nightly';
import { buildModel, compareWithCurrent, type DatedExample } from '../../src/server/classifier/training';
import { categoriesWithText, describeProblem } from '../support/templated-text';
import { seededRandom } from '../../src/server/seed/random';

/** Demo messages a minute apart from `from`; `scrambled` files each under a wrong category. */
function history(count: number, seed: number, from: number, scrambled = false): DatedExample[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const category = random.pick(categoriesWithText);
    const filed = scrambled ? random.pick(categoriesWithText) : category;
    return {
      text: describeProblem(random, category, random.pick(['劲松小区', '望京西园'])),
      category: filed,
      createdAt: new Date(from + i * 60_000).toISOString(),
    };
  });
}

const day = Date.UTC(2026, 0, 1);
const options = { costs: [1], folds: 3 };

/** Training is CPU-bound: on a shared machine it takes several times longer than alone. */
const trainingTimeout = 180_000;

describe('retraining publishes only a model that is not worse on held-out messages', () => {
  it(
    'judges on messages newer than the model in use, which neither model learned from',
    async () => {
      const older = history(300, 1, day);
      const newer = history(60, 2, day + 86_400_000);
      const { model: sloppy } = await buildModel(history(300, 1, day, true), options);
      const { model: candidate } = await buildModel([...older, ...newer], options);
      const better = await compareWithCurrent(candidate, sloppy, [...older, ...newer], options);
      expect(better.publish).toBe(true);
      expect(better.reason).toMatch(/on 60 messages newer/);
      // The other way round: a model trained on scrambled history does not replace a good one.
      const { model: good } = await buildModel(older, options);
      const { model: scrambled } = await buildModel([...history(300, 1, day, true), ...history(60, 2, day + 86_400_000, true)], options);
      const worse = await compareWithCurrent(scrambled, good, [...history(300, 1, day, true), ...newer], options);
      expect(worse.publish).toBe(false);
    },
    trainingTimeout,
  );

  it(
    'falls back to the cross-validated figures when nothing new came in, and publishes when no model is in use',
    async () => {
      const examples = history(300, 3, day);
      const { model: good } = await buildModel(examples, options);
      const { model: scrambled } = await buildModel(history(300, 3, day, true), options);
      expect((await compareWithCurrent(scrambled, good, examples, options)).publish).toBe(false);
      expect((await compareWithCurrent(good, scrambled, examples, options)).publish).toBe(true);
      expect(await compareWithCurrent(good, null, examples, options)).toEqual({ publish: true, reason: 'no model in use' });
    },
    trainingTimeout,
  );
});

describe('nightly training time', () => {
  it('waits until the next HH:MM on the centre clock', () => {
    // 01:00 in Shanghai is 17:00 UTC the day before.
    expect(msUntil('02:30', 'Asia/Shanghai', new Date('2026-03-01T17:00:00Z'))).toBe(90 * 60_000);
    // Just after today's run: tomorrow's.
    expect(msUntil('02:30', 'Asia/Shanghai', new Date('2026-03-01T18:30:00.250Z'))).toBe(86_400_000 - 250);
    expect(msUntil('00:00', 'UTC', new Date('2026-03-01T23:59:00Z'))).toBe(60_000);
  });
});
