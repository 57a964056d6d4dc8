/**
 * Labelled messages made ready for training: each tokenised once, its tokens counted against one
 * dictionary, so every fold of a cross-validation can choose its own vocabulary (from its training
 * part only) and build its vectors without reading the text again.
 */
import { type FeatureOptions, inverseDocumentFrequency, tokenize } from './classifier-features';
import type { Rows } from './classifier-svm';

export interface Example {
  text: string;
  category: string;
}

/** Messages (or parts of them) as distinct token ids, ascending, and how often each occurs. */
export interface Documents {
  ids: Int32Array[];
  counts: Uint16Array[];
}

export interface Corpus extends Documents {
  dictionary: string[];
  lookup: Map<string, number>;
  options: FeatureOptions;
  /** Per message: the index of its category in `classes`. */
  labels: Int32Array;
  classes: string[];
}

export function buildCorpus(examples: readonly Example[], options: FeatureOptions): Corpus {
  const classes = [...new Set(examples.map((e) => e.category))].sort();
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const corpus: Corpus = {
    dictionary: [],
    lookup: new Map(),
    options,
    ids: [],
    counts: [],
    labels: Int32Array.from(examples, (e) => classIndex.get(e.category)!),
    classes,
  };
  const encoded = encode(
    corpus,
    examples.map((e) => e.text),
  );
  corpus.ids = encoded.ids;
  corpus.counts = encoded.counts;
  return corpus;
}

/** Texts as documents over the corpus's dictionary (which grows by the tokens it had not seen). */
export function encode(corpus: Corpus, texts: readonly string[]): Documents {
  const ids: Int32Array[] = [];
  const counts: Uint16Array[] = [];
  // One tally array reused for every text (reset through the ids it touched): a Map per text cost most of the encoding.
  let tally = new Uint32Array(Math.max(1024, corpus.dictionary.length * 2));
  const touched: number[] = [];
  for (const text of texts) {
    for (const token of tokenize(text, corpus.options)) {
      let id = corpus.lookup.get(token);
      if (id === undefined) {
        id = corpus.dictionary.length;
        corpus.lookup.set(token, id);
        corpus.dictionary.push(token);
        if (id >= tally.length) {
          const grown = new Uint32Array(tally.length * 2);
          grown.set(tally);
          tally = grown;
        }
      }
      if (tally[id]!++ === 0) touched.push(id);
    }
    const sorted = Int32Array.from(touched).sort();
    ids.push(sorted);
    counts.push(Uint16Array.from(sorted, (id) => Math.min(tally[id]!, 65_535)));
    for (const id of touched) tally[id] = 0;
    touched.length = 0;
  }
  return { ids, counts };
}

/** Stored to three decimals, so the vectors built in training are the ones the shipped model builds. */
export const roundIdf = (x: number) => Math.round(x * 1000) / 1000;

export interface Vocabulary {
  /** Dictionary id of each feature. */
  tokens: Int32Array;
  idf: Float64Array;
  /** Dictionary id → feature index, or −1. */
  featureOf: Int32Array;
}

/**
 * The features of a model trained on `members`: tokens in at least `minDf` of them, the
 * `maxFeatures` most frequent if there are more.
 */
export function chooseVocabulary(corpus: Corpus, members: ArrayLike<number>, minDf: number, maxFeatures: number): Vocabulary {
  const df = new Int32Array(corpus.dictionary.length);
  for (let m = 0; m < members.length; m++) for (const id of corpus.ids[members[m]!]!) df[id]! += 1;
  let kept: number[] = [];
  for (let id = 0; id < df.length; id++) if (df[id]! >= minDf) kept.push(id);
  if (kept.length > maxFeatures)
    kept = kept
      .sort((a, b) => df[b]! - df[a]! || a - b)
      .slice(0, maxFeatures)
      .sort((a, b) => a - b);
  const featureOf = new Int32Array(df.length).fill(-1);
  // Feature order follows dictionary order, so rows built from sorted token ids come out sorted.
  kept.forEach((id, f) => (featureOf[id] = f));
  const tokens = Int32Array.from(kept);
  return { tokens, idf: Float64Array.from(kept, (id) => roundIdf(inverseDocumentFrequency(members.length, df[id]!))), featureOf };
}

/** Sublinear TF-IDF rows of unit length for the given documents over a vocabulary. */
export function vectorize(corpus: Documents, members: ArrayLike<number>, vocabulary: Vocabulary): Rows {
  const start = new Int32Array(members.length + 1);
  for (let m = 0; m < members.length; m++) {
    let n = 0;
    for (const id of corpus.ids[members[m]!]!) if ((vocabulary.featureOf[id] ?? -1) >= 0) n++;
    start[m + 1] = start[m]! + n;
  }
  const indices = new Int32Array(start[members.length]!);
  const values = new Float64Array(indices.length);
  for (let m = 0; m < members.length; m++) {
    const ids = corpus.ids[members[m]!]!;
    const counts = corpus.counts[members[m]!]!;
    let k = start[m]!;
    let norm = 0;
    for (let j = 0; j < ids.length; j++) {
      const f = vocabulary.featureOf[ids[j]!] ?? -1;
      if (f < 0) continue;
      const v = (1 + Math.log(counts[j]!)) * vocabulary.idf[f]!;
      indices[k] = f;
      values[k] = v;
      norm += v * v;
      k++;
    }
    norm = Math.sqrt(norm) || 1;
    for (let j = start[m]!; j < k; j++) values[j]! /= norm;
  }
  return { start, indices, values, features: vocabulary.tokens.length };
}

/** Message indices shuffled (seeded) and then grouped by category, each group still shuffled. */
function byCategoryShuffled(labels: ArrayLike<number>, seed: number): number[] {
  let state = seed >>> 0;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const order = Array.from({ length: labels.length }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.sort((a, b) => labels[a]! - labels[b]!);
}

/**
 * Fold of each message for k-fold cross-validation, stratified (each category spread evenly over
 * the folds) after a seeded shuffle, so runs compare.
 */
export function stratifiedFolds(labels: ArrayLike<number>, folds: number, seed: number): Int32Array {
  const fold = new Int32Array(labels.length);
  byCategoryShuffled(labels, seed).forEach((i, rank) => (fold[i] = rank % folds));
  return fold;
}

/** Exactly `size` of the examples (all if fewer), each category in proportion, in their original order. */
export function stratifiedSample<T extends Example>(examples: readonly T[], size: number, seed = 7): T[] {
  if (examples.length <= size) return [...examples];
  const classes = [...new Set(examples.map((e) => e.category))].sort();
  const order = byCategoryShuffled(
    Int32Array.from(examples, (e) => classes.indexOf(e.category)),
    seed,
  );
  const n = examples.length;
  const picked = order.filter((_, rank) => Math.floor(((rank + 1) * size) / n) > Math.floor((rank * size) / n));
  return picked.sort((a, b) => a - b).map((i) => examples[i]!);
}
