/**
 * The category classifier (issue 6): a transformed, weight-normalised complement naive Bayes over
 * character n-grams (Rennie et al., "Tackling the Poor Assumptions of Naive Bayes Text
 * Classifiers", 2003). Citizen messages are long, informal and full of place names and numbers;
 * complement counts cope with uneven categories, log term frequencies and IDF damp repeated and
 * common characters, and length normalisation keeps a long rambling call from outweighing a short
 * precise one. Pure functions: trained on the server, shipped to workstations as reference data,
 * run offline there.
 */

/** Han runs as 1-, 2- and 3-grams; Latin words whole; every digit run as one token. */
export function features(text: string): string[] {
  const out: string[] = [];
  const clean = text.normalize('NFKC').toLowerCase();
  for (const [run] of clean.matchAll(/\p{Script=Han}+|[a-z]+|\d+/gu)) {
    if (/\d/.test(run[0]!)) {
      out.push('#');
      continue;
    }
    if (!/\p{Script=Han}/u.test(run)) {
      out.push(`w:${run}`);
      continue;
    }
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      out.push(chars[i]!);
      if (i + 1 < chars.length) out.push(chars[i]! + chars[i + 1]!);
      if (i + 2 < chars.length) out.push(chars[i]! + chars[i + 1]! + chars[i + 2]!);
    }
  }
  return out;
}

/** Character bigrams only, raw counts: the plain baseline the issue asks us to beat. */
export function bigramFeatures(text: string): string[] {
  const chars = [...text.normalize('NFKC').replace(/\s+/g, '')];
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]!);
}

export interface Example {
  text: string;
  category: string;
}

export interface CategoryModel {
  kind: 'twcnb';
  classes: string[];
  /**
   * Feature → [idf, log(feature total + α), the classes that saw it as [classIndex, weight] pairs].
   * A class that never saw the feature weighs it (log(total + α) − offset[c]) / norm[c], exactly.
   */
  vocabulary: Record<string, [number, number, number[]]>;
  /** Per class: log(complement total + αV). */
  offset: number[];
  /** Per class: the sum of absolute weights the class's weights are divided by. */
  norm: number[];
  /** Softmax temperature turning scores into confidences, fitted on held-out folds. */
  temperature: number;
}

const alpha = 1;

/** Term weights of a document: log(1+tf)·idf, then unit length. */
function weighDocument(tokens: string[], idf: (t: string) => number | undefined): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  const weights = new Map<string, number>();
  let norm = 0;
  for (const [t, n] of tf) {
    const i = idf(t);
    if (i === undefined) continue;
    const w = Math.log1p(n) * i;
    weights.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of weights) weights.set(t, w / norm);
  return weights;
}

/** Trains on labelled examples. Features seen in fewer than `minDf` documents are dropped. */
export function trainClassifier(examples: readonly Example[], options: { minDf?: number; maxFeatures?: number } = {}): CategoryModel {
  const minDf = options.minDf ?? 2;
  const docs = examples.map((e) => ({ tokens: features(e.text), category: e.category }));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  let kept = [...df].filter(([, n]) => n >= minDf);
  if (options.maxFeatures && kept.length > options.maxFeatures) kept = kept.sort((a, b) => b[1] - a[1]).slice(0, options.maxFeatures);
  const idf = new Map(kept.map(([t, n]) => [t, Math.log(docs.length / n) + 1]));
  const classes = [...new Set(docs.map((d) => d.category))].sort();
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  // Per class and feature: the summed weights of the class's documents (sparse), and totals.
  const perClass = classes.map(() => new Map<string, number>());
  const classTotal = classes.map(() => 0);
  const featureTotal = new Map<string, number>();
  let total = 0;
  for (const d of docs) {
    const c = classIndex.get(d.category)!;
    for (const [t, w] of weighDocument(d.tokens, (x) => idf.get(x))) {
      perClass[c]!.set(t, (perClass[c]!.get(t) ?? 0) + w);
      featureTotal.set(t, (featureTotal.get(t) ?? 0) + w);
      classTotal[c]! += w;
      total += w;
    }
  }
  const v = idf.size;
  // Complement weights log((N~cf + α) / (N~c + αV)), then normalised by their absolute sum per class.
  const weight = (c: number, t: string) => Math.log(((featureTotal.get(t) ?? 0) - (perClass[c]!.get(t) ?? 0) + alpha) / (total - classTotal[c]! + alpha * v));
  const norms = classes.map((_, c) => {
    let sum = 0;
    for (const t of idf.keys()) sum += Math.abs(weight(c, t));
    return sum || 1;
  });
  const vocabulary: CategoryModel['vocabulary'] = {};
  for (const [t, i] of idf) {
    const pairs: number[] = [];
    classes.forEach((_, c) => {
      if (perClass[c]!.has(t)) pairs.push(c, round(weight(c, t) / norms[c]!));
    });
    vocabulary[t] = [round(i), round(Math.log((featureTotal.get(t) ?? 0) + alpha)), pairs];
  }
  const offset = classes.map((_, c) => Math.log(total - classTotal[c]! + alpha * v));
  return { kind: 'twcnb', classes, vocabulary, offset, norm: norms, temperature: 1 };
}

const round = (x: number) => Math.round(x * 1e7) / 1e7;

/** Scores per class: lower is more likely (complement naive Bayes picks the smallest). */
function scores(model: CategoryModel, text: string): number[] {
  const s = model.classes.map(() => 0);
  const weights = weighDocument(features(text), (t) => model.vocabulary[t]?.[0]);
  for (const [t, w] of weights) {
    const [, logTotal, pairs] = model.vocabulary[t]!;
    const unseen = (c: number) => (logTotal - model.offset[c]!) / model.norm[c]!;
    for (let c = 0; c < s.length; c++) s[c]! += w * unseen(c);
    for (let i = 0; i < pairs.length; i += 2) s[pairs[i]!]! += w * (pairs[i + 1]! - unseen(pairs[i]!));
  }
  return s;
}

/** The most likely categories with a confidence each (softmax of the scores), best first. */
export function classify(model: CategoryModel, text: string, top = 3): { category: string; confidence: number }[] {
  const s = scores(model, text);
  const z = s.map((x) => -x * model.temperature);
  const max = Math.max(...z);
  const exp = z.map((x) => Math.exp(x - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return model.classes
    .map((category, i) => ({ category, confidence: exp[i]! / sum }))
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, top);
}

/** Picks the temperature that makes held-out confidences honest (least log loss). */
export function fitTemperature(model: CategoryModel, heldOut: readonly Example[]): number {
  const candidates = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
  let best = 1;
  let bestLoss = Infinity;
  const all = heldOut.map((e) => ({ s: scores(model, e.text), label: model.classes.indexOf(e.category) })).filter((x) => x.label >= 0);
  for (const temperature of candidates) {
    let loss = 0;
    for (const { s, label } of all) {
      const z = s.map((x) => -x * temperature);
      const max = Math.max(...z);
      const logSum = max + Math.log(z.reduce((a, x) => a + Math.exp(x - max), 0));
      loss += logSum - z[label]!;
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = temperature;
    }
  }
  return best;
}

/** The plain baseline: multinomial naive Bayes on character bigram counts, Laplace smoothing. */
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
  return (text: string, top = 3): string[] =>
    classes
      .map((category, c) => {
        let score = Math.log(prior[c]! / examples.length);
        for (const g of bigramFeatures(text)) score += Math.log(((counts[c]!.get(g) ?? 0) + 1) / (totals[c]! + v));
        return { category, score };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, top)
      .map((x) => x.category);
}

/**
 * k-fold cross-validation (folds by a fixed shuffle, so runs compare): top-1 and top-3 accuracy
 * of our classifier and of the bigram baseline on the same folds.
 */
export function crossValidate(examples: readonly Example[], folds = 5, seed = 42) {
  const order = examples.map((_, i) => i);
  let state = seed >>> 0;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const tally = { ours: { top1: 0, top3: 0 }, baseline: { top1: 0, top3: 0 }, n: 0 };
  for (let k = 0; k < folds; k++) {
    const test = order.filter((_, i) => i % folds === k).map((i) => examples[i]!);
    const train = order.filter((_, i) => i % folds !== k).map((i) => examples[i]!);
    const model = trainClassifier(train);
    const baseline = trainBigramBaseline(train);
    for (const e of test) {
      const ours = classify(model, e.text).map((x) => x.category);
      const base = baseline(e.text);
      tally.ours.top1 += ours[0] === e.category ? 1 : 0;
      tally.ours.top3 += ours.includes(e.category) ? 1 : 0;
      tally.baseline.top1 += base[0] === e.category ? 1 : 0;
      tally.baseline.top3 += base.includes(e.category) ? 1 : 0;
      tally.n += 1;
    }
  }
  const rate = (x: number) => (tally.n ? x / tally.n : 0);
  return {
    examples: tally.n,
    ours: { top1: rate(tally.ours.top1), top3: rate(tally.ours.top3) },
    baseline: { top1: rate(tally.baseline.top1), top3: rate(tally.baseline.top3) },
  };
}
