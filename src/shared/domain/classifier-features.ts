/**
 * What the category classifier reads in a message: runs of Han characters as character 1- and
 * 2-grams (Chinese words are mostly one or two characters, and no word segmenter is needed),
 * words of Latin script whole, and digit runs by their length only (a phone number, a year and a
 * house number say different things; their exact digits say nothing about the category). Weighed
 * as sublinear TF-IDF with unit length, the usual input of a linear text classifier.
 */

export interface FeatureOptions {
  /** Also Han 3-grams: more features, rarely better on a few thousand messages. */
  trigrams?: boolean;
}

/** The tokens of a text, in order, with repeats. */
export function tokenize(text: string, options: FeatureOptions = {}): string[] {
  const out: string[] = [];
  const clean = text.normalize('NFKC').toLowerCase();
  for (const [run] of clean.matchAll(/\p{Script=Han}+|[a-z]+|\d+/gu)) {
    const first = run.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      out.push(`#${Math.min(run.length, 12)}`);
    } else if (first < 128) {
      out.push(`w:${run}`);
    } else {
      const chars = [...run];
      for (let i = 0; i < chars.length; i++) {
        out.push(chars[i]!);
        if (i + 1 < chars.length) out.push(chars[i]! + chars[i + 1]!);
        if (options.trigrams && i + 2 < chars.length) out.push(chars[i]! + chars[i + 1]! + chars[i + 2]!);
      }
    }
  }
  return out;
}

/** A document as sorted feature indices and their weights (unit length). */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** Token counts of a text against a token → index table; tokens not in it are skipped. */
export function countTokens(tokens: readonly string[], index: (token: string) => number | undefined): Map<number, number> {
  const counts = new Map<number, number>();
  for (const t of tokens) {
    const i = index(t);
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  return counts;
}

/** (1 + log tf) · idf, then divided by the vector's length. */
export function weigh(counts: ReadonlyMap<number, number>, idf: ArrayLike<number>): SparseVector {
  const indices = Int32Array.from(counts.keys()).sort();
  const values = new Float64Array(indices.length);
  let norm = 0;
  for (let k = 0; k < indices.length; k++) {
    const v = (1 + Math.log(counts.get(indices[k]!)!)) * idf[indices[k]!]!;
    values[k] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < values.length; k++) values[k]! /= norm;
  return { indices, values };
}

/**
 * Inverse document frequency log(N/df), smoothed as if one more message held every feature.
 * Without scikit-learn's "+ 1", a character found in most messages weighs next to nothing, which
 * cross-validation on real messages preferred; the floor keeps every weight positive.
 */
export const inverseDocumentFrequency = (documents: number, df: number) => Math.max(Math.log((1 + documents) / (1 + df)), 0.001);
