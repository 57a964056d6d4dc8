import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/shared/csv';
import { type Example, stratifiedSample } from '../../src/shared/domain/classifier-corpus';
import { trainBigramBaseline } from '../../src/shared/domain/classifier-evaluation';
import { tokenize } from '../../src/shared/domain/classifier-features';
import { categoryModelSchema, compileModel, rankCategories, suggest } from '../../src/shared/domain/classifier-model';
import { trainCategoryModel } from '../../src/shared/domain/classifier-training';

/** Real citizens' messages (7 categories), kept beside the repository, not in it. */
const sharedData = path.resolve(import.meta.dirname, '../../../shared/data/zh-citizen-messages.csv');

function realMessages(): Example[] {
  if (!fs.existsSync(sharedData))
    throw new Error(`The shared data set is missing: expected ${sharedData} (../shared/data beside the repository).`);
  return parseCsv(fs.readFileSync(sharedData, 'utf8')).rows.map((r) => ({ text: r.text!, category: r.category! }));
}

/** A training sample and a disjoint held-out sample, both stratified. */
function split(trainSize: number, testSize: number) {
  const all = realMessages();
  const train = stratifiedSample(all, trainSize, 1);
  const chosen = new Set(train);
  const test = stratifiedSample(
    all.filter((e) => !chosen.has(e)),
    testSize,
    2,
  );
  return { train, test };
}

/** Training is CPU-bound: on a shared machine it takes several times longer than alone. */
const trainingTimeout = 180_000;

describe('category classifier features', () => {
  it('splits Han runs into 1- and 2-grams and keeps Latin words and digit runs (by length) apart', () => {
    expect(tokenize('暖气不热 3号楼 WiFi １２３４５')).toEqual([
      '暖',
      '暖气',
      '气',
      '气不',
      '不',
      '不热',
      '热',
      '#1',
      '号',
      '号楼',
      '楼',
      'w:wifi',
      '#5',
    ]);
    expect(tokenize('暖气不', { trigrams: true })).toContain('暖气不');
  });
});

describe('category classifier on real messages', () => {
  const { train, test } = split(1500, 600);
  const trained = trainCategoryModel(train);

  it(
    'learns from a sample of real messages and is right on held-out ones, well above the bigram baseline',
    async () => {
      const compiled = compileModel((await trained).model);
      const baseline = trainBigramBaseline(train);
      const rate = (hit: (e: Example) => boolean) => test.filter(hit).length / test.length;
      const top1 = rate((e) => rankCategories(compiled, e.text)[0]!.category === e.category);
      const top3 = rate((e) =>
        rankCategories(compiled, e.text)
          .slice(0, 3)
          .some((s) => s.category === e.category),
      );
      const baselineTop1 = rate((e) => baseline(e.text)[0] === e.category);
      console.log(
        `[classifier] trained on ${train.length} real messages, ${test.length} held out: top-1 ${(top1 * 100).toFixed(1)}% top-3 ${(top3 * 100).toFixed(1)}%; baseline top-1 ${(baselineTop1 * 100).toFixed(1)}%`,
      );
      // Floors with a margin below what this sample reaches.
      expect(top1).toBeGreaterThan(0.8);
      expect(top3).toBeGreaterThan(0.95);
      expect(top1).toBeGreaterThan(baselineTop1);
    },
    trainingTimeout,
  );

  it(
    'gives confidences that match how often it is right, and suggests nothing when unsure',
    async () => {
      const { model } = await trained;
      const compiled = compileModel(categoryModelSchema.parse(JSON.parse(JSON.stringify(model))));
      let confidence = 0;
      let right = 0;
      for (const e of test) {
        const [first] = rankCategories(compiled, e.text);
        confidence += first!.confidence;
        right += first!.category === e.category ? 1 : 0;
      }
      // Calibrated: the mean confidence of the first suggestion is close to its accuracy.
      expect(Math.abs(confidence / test.length - right / test.length)).toBeLessThan(0.06);
      const shown = suggest(compiled, test[0]!.text);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.reduce((a, s) => a + s.confidence, 0)).toBeLessThanOrEqual(1);
      // Nothing the model knows: no three guesses at a few percent each.
      expect(suggest(compiled, 'ok')).toEqual([]);
    },
    trainingTimeout,
  );

  it(
    'keeps its wire format typed: a damaged model is refused, not half-read',
    async () => {
      const { model } = await trained;
      expect(categoryModelSchema.safeParse({ ...model, bias: model.bias.slice(1) }).success).toBe(false);
      expect(categoryModelSchema.safeParse({ ...model, weights: model.weights.map((w) => [...w, 1]) }).success).toBe(false);
      expect(categoryModelSchema.safeParse({ ...model, kind: 'twcnb' }).success).toBe(false);
    },
    trainingTimeout,
  );

  it(
    'prunes the weights that matter least to a budget, and stays right',
    async () => {
      const { model } = await trainCategoryModel(train, { cost: 1, calibration: { temperature: 5, evidence: 0 }, maxWeights: 20_000 });
      expect(model.weights.reduce((a, w) => a + w.length / 2, 0)).toBeLessThanOrEqual(20_000);
      const compiled = compileModel(model);
      const right = test.filter((e) => rankCategories(compiled, e.text)[0]!.category === e.category).length;
      expect(right / test.length).toBeGreaterThan(0.75);
      // A byte budget prunes further until the model fits.
      const { model: small } = await trainCategoryModel(train, {
        cost: 1,
        calibration: { temperature: 5, evidence: 0 },
        maxBytes: 900_000,
      });
      expect(new TextEncoder().encode(JSON.stringify(small)).length).toBeLessThanOrEqual(900_000);
    },
    trainingTimeout,
  );
});
