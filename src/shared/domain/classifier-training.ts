/**
 * Training the category model on a centre's own history: one linear SVM per category against the
 * rest, the regularisation chosen by stratified k-fold cross-validation, the softmax temperature
 * fitted on the same held-out folds (so the confidences are honest about messages the model has
 * not seen), and the weights that matter least pruned to keep the shipped model small.
 */
import {
  buildCorpus,
  chooseVocabulary,
  type Corpus,
  type Documents,
  encode,
  type Example,
  stratifiedFolds,
  vectorize,
} from './classifier-corpus';
import { type CategoryModel, evidenceScale, type ModelEvaluation } from './classifier-model';
import { decision, rowNorms, type Rows, trainBinarySvm } from './classifier-svm';

export type { Example };

export interface TrainOptions {
  /** Candidate costs C for the cross-validation to choose from. */
  costs?: readonly number[];
  /** Skip the search: train with this cost (and `calibration`). */
  cost?: number;
  calibration?: { temperature: number; evidence: number };
  /** Folds of the cost search's cross-validation. */
  folds?: number;
  /** Features must occur in this many messages. */
  minDf?: number;
  maxFeatures?: number;
  /** Weights kept in the shipped model, over all classes (the largest in magnitude). */
  maxWeights?: number;
  /** The shipped model's JSON stays under this many bytes: fewer weights are kept until it does. */
  maxBytes?: number;
  trigrams?: boolean;
  /** The cross-validation runs on at most this many messages (a stratified sample). */
  tuneSample?: number;
  seed?: number;
  trainedThrough?: string | null;
  now?: () => Date;
  /** Awaited between units of work, so a server can keep answering while it trains. */
  pause?: () => Promise<void>;
}

export const defaultCosts = [1, 3] as const;
const weightScale = 10_000;

/**
 * One-vs-rest weights for each cost, ascending: each class's solution for one cost is the start
 * for the next, which costs less than starting each from nothing.
 */
async function fitOneVsRest(
  rows: Rows,
  labels: Int32Array,
  classes: number,
  costs: readonly number[],
  pause: () => Promise<void>,
): Promise<Float64Array[][]> {
  const norms = rowNorms(rows);
  const weights = costs.map((): Float64Array[] => []);
  for (let c = 0; c < classes; c++) {
    const y = Int8Array.from(labels, (l) => (l === c ? 1 : -1));
    let start: Float64Array | undefined;
    for (const [i, cost] of costs.entries()) {
      const solved = trainBinarySvm(rows, y, cost, norms, { seed: c + 1, start });
      weights[i]!.push(solved.w);
      start = solved.alpha;
      await pause();
    }
  }
  return weights;
}

/** Held-out scores, per candidate cost (ascending), with how many known features each row had. */
export interface HeldOutScores {
  labels: Int32Array;
  scores: Float64Array[][];
  known: Int32Array;
}

/**
 * Held-out scores of every sampled message for each candidate cost, and of the beginnings of
 * some (`openings`, each of the message at `owner`), which is what the agent has typed when the
 * first suggestions show: the calibration must be honest about those too.
 */
export async function crossValidatedScores(
  corpus: Corpus,
  members: Int32Array,
  costs: readonly number[],
  options: Required<Pick<TrainOptions, 'folds' | 'minDf' | 'maxFeatures' | 'seed' | 'pause'>>,
  openings: Documents & { owner: Int32Array } = { ids: [], counts: [], owner: new Int32Array(0) },
): Promise<{ full: HeldOutScores; openings: HeldOutScores }> {
  const k = corpus.classes.length;
  const labels = Int32Array.from(members, (m) => corpus.labels[m]!);
  const fold = stratifiedFolds(labels, options.folds, options.seed);
  const held = (n: number, label: (i: number) => number): HeldOutScores => ({
    labels: Int32Array.from({ length: n }, (_, i) => label(i)),
    scores: costs.map(() => Array.from({ length: n }, () => new Float64Array(k))),
    known: new Int32Array(n),
  });
  const full = held(members.length, (i) => labels[i]!);
  const opened = held(openings.owner.length, (i) => labels[openings.owner[i]!]!);
  for (let f = 0; f < options.folds; f++) {
    const trainAt = Int32Array.from(members.keys()).filter((i) => fold[i] !== f);
    const testAt = Int32Array.from(members.keys()).filter((i) => fold[i] === f);
    const openAt = Int32Array.from(openings.owner.keys()).filter((i) => fold[openings.owner[i]!] === f);
    const vocabulary = chooseVocabulary(
      corpus,
      Int32Array.from(trainAt, (i) => members[i]!),
      options.minDf,
      options.maxFeatures,
    );
    const trainRows = vectorize(
      corpus,
      Int32Array.from(trainAt, (i) => members[i]!),
      vocabulary,
    );
    const tests = [
      {
        at: testAt,
        rows: vectorize(
          corpus,
          Int32Array.from(testAt, (i) => members[i]!),
          vocabulary,
        ),
        into: full,
      },
      { at: openAt, rows: vectorize(openings, openAt, vocabulary), into: opened },
    ];
    const weights = await fitOneVsRest(
      trainRows,
      Int32Array.from(trainAt, (i) => labels[i]!),
      k,
      costs,
      options.pause,
    );
    for (const { at, rows, into } of tests) {
      at.forEach((i, r) => (into.known[i] = rows.start[r + 1]! - rows.start[r]!));
      weights.forEach((perClass, ci) => at.forEach((i, r) => perClass.forEach((w, c) => (into.scores[ci]![i]![c] = decision(w, rows, r)))));
    }
  }
  return { full, openings: opened };
}

/** Top-1 and top-3 accuracy of score rows against labels. */
export function accuracy(scores: readonly ArrayLike<number>[], labels: ArrayLike<number>): ModelEvaluation {
  let top1 = 0;
  let top3 = 0;
  scores.forEach((s, i) => {
    const mine = s[labels[i]!]!;
    let above = 0;
    for (let c = 0; c < s.length; c++) if (s[c]! > mine || (s[c] === mine && c < labels[i]!)) above++;
    if (above === 0) top1++;
    if (above < 3) top3++;
  });
  const n = scores.length;
  return { examples: n, top1: n ? top1 / n : 0, top3: n ? top3 / n : 0 };
}

/** Lengths (in characters) of the message beginnings the calibration also learns from. */
const openingLengths = [6, 20] as const;

/** log softmax(scores × temperature)[label], without allocating: the calibration evaluates it millions of times. */
function logProbability(scores: ArrayLike<number>, label: number, temperature: number): number {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) max = Math.max(max, scores[c]! * temperature);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += Math.exp(scores[c]! * temperature - max);
  return scores[label]! * temperature - max - Math.log(sum);
}

/** The temperature (scores × it) with the least log loss on held-out rows, each row's scores first multiplied by `scale(i)`. */
function fitTemperature(
  rows: HeldOutScores[],
  cost: number,
  scale: (row: HeldOutScores, i: number) => number,
): { temperature: number; loss: number } {
  const loss = (logT: number) => {
    let sum = 0;
    for (const row of rows)
      row.scores[cost]!.forEach(
        (s, i) => (sum -= Math.max(logProbability(s, row.labels[i]!, Math.exp(logT) * scale(row, i)), Math.log(1e-12))),
      );
    return sum;
  };
  let a = Math.log(0.1);
  let b = Math.log(100);
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let f1 = loss(x1);
  let f2 = loss(x2);
  for (let i = 0; i < 30; i++) {
    if (f1 < f2) {
      [b, x2, f2] = [x2, x1, f1];
      x1 = b - g * (b - a);
      f1 = loss(x1);
    } else {
      [a, x1, f1] = [x1, x2, f2];
      x2 = a + g * (b - a);
      f2 = loss(x2);
    }
  }
  const temperature = Math.round(Math.exp((a + b) / 2) * 1000) / 1000;
  return { temperature, loss: loss(Math.log(temperature)) };
}

/**
 * Temperature and evidence constant k with the least held-out log loss: a row with n known
 * features is scored at temperature × n / (n + k), so a few typed characters give modest
 * confidences and a whole message full ones.
 */
export function fitCalibration(rows: HeldOutScores[], cost: number): { temperature: number; evidence: number } {
  let best = { temperature: 1, evidence: 0, loss: Infinity };
  for (const evidence of [0, 2, 5, 10, 20, 40]) {
    const fit = fitTemperature(rows, cost, (row, i) => evidenceScale(row.known[i]!, evidence));
    if (fit.loss < best.loss) best = { ...fit, evidence };
  }
  return { temperature: best.temperature, evidence: best.evidence };
}

/** A stratified sample of at most `size` message indices (all of them if fewer). */
function sample(corpus: Corpus, size: number, seed: number): Int32Array {
  const all = Int32Array.from(corpus.labels.keys());
  if (all.length <= size) return all;
  const folds = Math.ceil(all.length / size);
  const fold = stratifiedFolds(corpus.labels, folds, seed);
  return all.filter((i) => fold[i] === 0);
}

/** Keeps the `budget` largest weights (in magnitude) over all classes, as the wire format's pairs. */
function prune(weights: Float64Array[], features: number, budget: number): number[][] {
  let threshold = 0;
  const total = weights.length * features;
  if (total > budget) {
    const magnitudes = new Float64Array(total);
    weights.forEach((w, c) => magnitudes.set(w.subarray(0, features).map(Math.abs), c * features));
    magnitudes.sort();
    threshold = magnitudes[total - budget]!;
  }
  return weights.map((w) => {
    const pairs: number[] = [];
    let last = -1;
    for (let f = 0; f < features; f++) {
      const q = Math.round(w[f]! * weightScale);
      if (q === 0 || Math.abs(w[f]!) < threshold) continue;
      pairs.push(f - last, q);
      last = f;
    }
    return pairs;
  });
}

export interface TrainedModel {
  model: CategoryModel;
  /** Per candidate cost: its held-out accuracy. */
  search: { cost: number; evaluation: ModelEvaluation }[];
}

/** Trains the model on all the examples (at least two categories). */
export async function trainCategoryModel(examples: readonly Example[], options: TrainOptions = {}): Promise<TrainedModel> {
  const settings = {
    folds: options.folds ?? 3,
    minDf: options.minDf ?? 2,
    maxFeatures: options.maxFeatures ?? 150_000,
    seed: options.seed ?? 42,
    pause: options.pause ?? (async () => {}),
  };
  const corpus = buildCorpus(examples, { trigrams: options.trigrams ?? false });
  if (corpus.classes.length < 2)
    throw new Error(`Training needs messages of at least two categories; these have ${corpus.classes.length}.`);
  const perClass = Math.min(...corpus.classes.map((_, c) => corpus.labels.filter((l) => l === c).length));
  let cost = options.cost;
  let calibration = options.calibration;
  let evaluation: ModelEvaluation = { examples: 0, top1: 0, top3: 0 };
  const search: TrainedModel['search'] = [];
  if (cost === undefined || calibration === undefined) {
    const folds = Math.max(2, Math.min(settings.folds, examples.length));
    const members = sample(corpus, options.tuneSample ?? 20_000, settings.seed);
    const costs = cost === undefined ? [...(options.costs ?? defaultCosts)].sort((a, b) => a - b) : [cost];
    const begun = openingLengths.flatMap((length) =>
      [...members.keys()]
        .filter((i) => examples[members[i]!]!.text.length > length * 1.5)
        .map((i) => ({ i, text: examples[members[i]!]!.text.slice(0, length) })),
    );
    const openings = {
      ...encode(
        corpus,
        begun.map((b) => b.text),
      ),
      owner: Int32Array.from(begun, (b) => b.i),
    };
    const held = await crossValidatedScores(
      corpus,
      members,
      costs,
      { ...settings, folds, minDf: perClass < 2 ? 1 : settings.minDf },
      openings,
    );
    costs.forEach((c, i) => search.push({ cost: c, evaluation: accuracy(held.full.scores[i]!, held.full.labels) }));
    // The best top-1, then top-3; among equals the smallest cost (the simplest model).
    const best = search.reduce((a, b) =>
      b.evaluation.top1 > a.evaluation.top1 || (b.evaluation.top1 === a.evaluation.top1 && b.evaluation.top3 > a.evaluation.top3) ? b : a,
    );
    cost = best.cost;
    evaluation = best.evaluation;
    calibration ??= fitCalibration([held.full, held.openings], search.indexOf(best));
  }
  const everyone = Int32Array.from(corpus.labels.keys());
  const vocabulary = chooseVocabulary(corpus, everyone, settings.minDf, settings.maxFeatures);
  const rows = vectorize(corpus, everyone, vocabulary);
  const [weights] = await fitOneVsRest(rows, corpus.labels, corpus.classes.length, [cost], settings.pause);
  if (!weights) throw new Error('Training fitted no weights for the chosen cost.');
  const features = vocabulary.tokens.length;
  const model: CategoryModel = {
    kind: 'linear-svm',
    classes: corpus.classes,
    trigrams: options.trigrams ?? false,
    features: Array.from(vocabulary.tokens, (id) => corpus.dictionary[id]!),
    idf: Array.from(vocabulary.idf, (x) => Math.round(x * 1000)),
    weights: [],
    bias: weights.map((w) => Math.round(w[features]! * weightScale) / weightScale),
    weightScale,
    ...calibration,
    cost,
    trainedAt: (options.now?.() ?? new Date()).toISOString(),
    trainedThrough: options.trainedThrough ?? null,
    examples: examples.length,
    evaluation,
  };
  const maxBytes = options.maxBytes ?? 4_800_000;
  for (let budget = options.maxWeights ?? 400_000; ; budget = Math.floor(budget * 0.8)) {
    model.weights = prune(weights, features, budget);
    if (budget < 1000 || new TextEncoder().encode(JSON.stringify(model)).length <= maxBytes) break;
  }
  return { search, model };
}
