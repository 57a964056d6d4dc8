/**
 * The category model as it travels (reference data, kind `model`) and as the workstation runs it:
 * one linear scorer per category over the message's TF-IDF features, and a softmax at a fitted
 * temperature turning the scores into probabilities that add up to 1 over all categories.
 */
import { z } from 'zod';
import { countTokens, tokenize, weigh } from './classifier-features';

export const modelEvaluationSchema = z.object({
  /** Messages the figures were measured on, each by a model that had not seen it. */
  examples: z.number().int().nonnegative(),
  top1: z.number().min(0).max(1),
  top3: z.number().min(0).max(1),
});
export type ModelEvaluation = z.infer<typeof modelEvaluationSchema>;

export const categoryModelSchema = z
  .object({
    kind: z.literal('linear-svm'),
    classes: z.array(z.string().min(1)).min(2),
    trigrams: z.boolean(),
    features: z.array(z.string().min(1)),
    /** Inverse document frequency of each feature, × 1000. */
    idf: z.array(z.number().int().positive()),
    /** Per class: (feature index − the previous pair's, weight × weightScale) pairs, ascending; features left out weigh 0. */
    weights: z.array(z.array(z.number().int())),
    bias: z.array(z.number()),
    weightScale: z.number().positive(),
    /** Scores are multiplied by temperature × n / (n + evidence) before the softmax, n being the text's known features (both fitted on held-out folds). */
    temperature: z.number().positive(),
    evidence: z.number().nonnegative(),
    /** The regularisation chosen by cross-validation. */
    cost: z.number().positive(),
    trainedAt: z.string(),
    /** When the newest message it learned from was created, if known: later ones are new to it. */
    trainedThrough: z.string().nullable(),
    examples: z.number().int().positive(),
    evaluation: modelEvaluationSchema,
  })
  .superRefine((m, ctx) => {
    if (m.idf.length !== m.features.length) ctx.addIssue({ code: 'custom', message: 'idf and features differ in length' });
    if (m.weights.length !== m.classes.length || m.bias.length !== m.classes.length)
      ctx.addIssue({ code: 'custom', message: 'weights or bias do not match the classes' });
    m.weights.forEach((pairs, c) => {
      let f = -1;
      for (let k = 0; k < pairs.length; k += 2) f += pairs[k]!;
      if (pairs.length % 2 !== 0 || f >= m.features.length || pairs.some((x, k) => k % 2 === 0 && x < 1))
        ctx.addIssue({ code: 'custom', message: `weights of class ${c} are not ascending feature pairs` });
    });
  });
export type CategoryModel = z.infer<typeof categoryModelSchema>;

/** A model ready to score: features by name, and per feature the classes that weigh it. */
export interface CompiledModel {
  model: CategoryModel;
  featureIndex: Map<string, number>;
  idf: Float64Array;
  postingStart: Int32Array;
  postingClass: Int32Array;
  postingWeight: Float64Array;
}

export function compileModel(model: CategoryModel): CompiledModel {
  const f = model.features.length;
  const postingStart = new Int32Array(f + 1);
  const decoded = model.weights.map((pairs) => {
    const out: [number, number][] = [];
    let feature = -1;
    for (let k = 0; k < pairs.length; k += 2) out.push([(feature += pairs[k]!), pairs[k + 1]! / model.weightScale]);
    return out;
  });
  for (const pairs of decoded) for (const [feature] of pairs) postingStart[feature + 1]! += 1;
  for (let i = 0; i < f; i++) postingStart[i + 1]! += postingStart[i]!;
  const fill = postingStart.slice(0, f);
  const postingClass = new Int32Array(postingStart[f]!);
  const postingWeight = new Float64Array(postingStart[f]!);
  decoded.forEach((pairs, c) => {
    for (const [feature, w] of pairs) {
      const at = fill[feature]!++;
      postingClass[at] = c;
      postingWeight[at] = w;
    }
  });
  return {
    model,
    featureIndex: new Map(model.features.map((t, i) => [t, i])),
    idf: Float64Array.from(model.idf, (x) => x / 1000),
    postingStart,
    postingClass,
    postingWeight,
  };
}

const vectorOf = (compiled: CompiledModel, text: string) =>
  weigh(
    countTokens(tokenize(text, { trigrams: compiled.model.trigrams }), (t) => compiled.featureIndex.get(t)),
    compiled.idf,
  );

/** The linear score of each class for a text. */
export function scoreText(compiled: CompiledModel, text: string, vector = vectorOf(compiled, text)): Float64Array {
  const { model, postingStart, postingClass, postingWeight } = compiled;
  const scores = Float64Array.from(model.bias);
  for (let k = 0; k < vector.indices.length; k++) {
    const f = vector.indices[k]!;
    for (let p = postingStart[f]!; p < postingStart[f + 1]!; p++) scores[postingClass[p]!]! += postingWeight[p]! * vector.values[k]!;
  }
  return scores;
}

/** How far a text with `known` features is trusted: a few characters are weak evidence. */
export const evidenceScale = (known: number, evidence: number) => (known === 0 ? 0 : known / (known + evidence));

/** Softmax of scores × temperature. */
export function probabilities(scores: ArrayLike<number>, temperature: number): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) max = Math.max(max, scores[c]! * temperature);
  const out = Float64Array.from(scores, (s) => Math.exp(s * temperature - max));
  const sum = out.reduce((a, b) => a + b, 0);
  return out.map((p) => p / sum);
}

export interface Suggestion {
  category: string;
  /** Calibrated probability that this is the category. */
  confidence: number;
}

/** Every category with its probability, likeliest first. */
export function rankCategories(compiled: CompiledModel, text: string, vector = vectorOf(compiled, text)): Suggestion[] {
  const { temperature, evidence } = compiled.model;
  const p = probabilities(scoreText(compiled, text, vector), temperature * evidenceScale(vector.indices.length, evidence));
  return compiled.model.classes.map((category, c) => ({ category, confidence: p[c]! })).sort((a, b) => b.confidence - a.confidence);
}

/** Below this the likeliest category is a guess, and no suggestion beats none. */
export const minTopConfidence = 0.35;
/** A second or third suggestion this unlikely only distracts. */
export const minOtherConfidence = 0.05;

/**
 * Up to `top` suggestions the agent can trust: nothing for a text with no feature the model knows
 * (its scores would be the categories' base rates) or when the likeliest is under
 * `minTopConfidence`, and none under `minOtherConfidence`. They add up to at most 1.
 */
export function suggest(compiled: CompiledModel, text: string, top = 3): Suggestion[] {
  const vector = vectorOf(compiled, text);
  if (vector.indices.length === 0) return [];
  const ranked = rankCategories(compiled, text, vector);
  if (ranked[0]!.confidence < minTopConfidence) return [];
  return ranked.slice(0, top).filter((s) => s.confidence >= minOtherConfidence);
}
