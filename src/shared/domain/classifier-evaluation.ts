/**
 * How well the category model does on messages it has not seen, beside a plain baseline
 * (multinomial naive Bayes on character-bigram counts): k-fold cross-validation, in which each
 * fold's model runs its own cost search on its training part only, or a given test set.
 */
import type { Example } from './classifier-corpus';
import { stratifiedFolds } from './classifier-corpus';
import { compileModel, rankCategories } from './classifier-model';
import { type TrainOptions, trainCategoryModel } from './classifier-training';

/** Character bigrams, raw counts: the baseline's features. */
export function bigramFeatures(text: string): string[] {
  const chars = [...text.normalize('NFKC').replace(/\s+/g, '')];
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]!);
}

/** The baseline: multinomial naive Bayes on character bigram counts, Laplace smoothing. */
export function trainBigramBaseline(examples: readonly Example[]) {
  const classes = [...new Set(examples.map((e) => e.category))].sort();
  const counts = classes.map(() => new Map<string, number>());
  const totals = classes.map(() => 0);
  const prior = classes.map(() => 0);
  const vocabulary = new Set<string>();
  for (const e of examples) {
    const c = classes.indexOf(e.category);
    prior[c]! += 1;
    for (const g of bigramFeatures(e.text)) {
      counts[c]!.set(g, (counts[c]!.get(g) ?? 0) + 1);
      totals[c]! += 1;
      vocabulary.add(g);
    }
  }
  const v = vocabulary.size;
  return (text: string, top = 3): string[] => {
    const grams = bigramFeatures(text);
    return classes
      .map((category, c) => {
        let score = Math.log(prior[c]! / examples.length);
        for (const g of grams) score += Math.log(((counts[c]!.get(g) ?? 0) + 1) / (totals[c]! + v));
        return { category, score };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, top)
      .map((x) => x.category);
  };
}

export interface Tally {
  examples: number;
  top1: number;
  top3: number;
}

export interface Evaluation {
  examples: number;
  ours: Tally;
  baseline: Tally;
}

const rate = (hits: { top1: number; top3: number }, n: number): Tally => ({
  examples: n,
  top1: n ? hits.top1 / n : 0,
  top3: n ? hits.top3 / n : 0,
});

/** Trains both on `train` and scores both on `test`. */
export async function evaluateSplit(train: readonly Example[], test: readonly Example[], options: TrainOptions = {}): Promise<Evaluation> {
  const compiled = compileModel((await trainCategoryModel(train, options)).model);
  const baseline = trainBigramBaseline(train);
  const ours = { top1: 0, top3: 0 };
  const base = { top1: 0, top3: 0 };
  for (const e of test) {
    const ranked = rankCategories(compiled, e.text)
      .slice(0, 3)
      .map((s) => s.category);
    const guessed = baseline(e.text);
    ours.top1 += ranked[0] === e.category ? 1 : 0;
    ours.top3 += ranked.includes(e.category) ? 1 : 0;
    base.top1 += guessed[0] === e.category ? 1 : 0;
    base.top3 += guessed.includes(e.category) ? 1 : 0;
  }
  return { examples: test.length, ours: rate(ours, test.length), baseline: rate(base, test.length) };
}

/** Stratified k-fold cross-validation (a fixed shuffle, so runs compare) of both. */
export async function crossValidate(examples: readonly Example[], folds = 5, options: TrainOptions = {}): Promise<Evaluation> {
  const classes = [...new Set(examples.map((e) => e.category))].sort();
  const fold = stratifiedFolds(
    Int32Array.from(examples, (e) => classes.indexOf(e.category)),
    folds,
    options.seed ?? 42,
  );
  const ours = { top1: 0, top3: 0 };
  const base = { top1: 0, top3: 0 };
  for (let k = 0; k < folds; k++) {
    const test = examples.filter((_, i) => fold[i] === k);
    const split = await evaluateSplit(
      examples.filter((_, i) => fold[i] !== k),
      test,
      options,
    );
    ours.top1 += split.ours.top1 * test.length;
    ours.top3 += split.ours.top3 * test.length;
    base.top1 += split.baseline.top1 * test.length;
    base.top3 += split.baseline.top3 * test.length;
  }
  const n = examples.length;
  return {
    examples: n,
    ours: rate({ top1: Math.round(ours.top1), top3: Math.round(ours.top3) }, n),
    baseline: rate({ top1: Math.round(base.top1), top3: Math.round(base.top3) }, n),
  };
}
