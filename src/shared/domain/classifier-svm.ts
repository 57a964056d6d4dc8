/**
 * A linear support vector machine, L2-regularised with the squared hinge loss, solved in the dual
 * by coordinate descent with shrinking (Hsieh et al., "A Dual Coordinate Descent Method for
 * Large-scale Linear SVM", ICML 2008; the method of LIBLINEAR's default solver). Each pass visits
 * the examples in a seeded random order and moves one dual variable to its optimum; examples that
 * sit well outside the margin are set aside until the end, which is what makes a one-vs-rest model
 * over hundreds of categories affordable.
 */

/** Rows of sparse, unit-length document vectors, stored end to end (compressed sparse rows). */
export interface Rows {
  /** Row r holds entries start[r] .. start[r + 1] − 1. */
  start: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Number of features; the bias is one more, at index `features`. */
  features: number;
}

export interface SvmOptions {
  /** Stopping tolerance on the projected gradient's spread (LIBLINEAR's default for this solver). */
  tolerance?: number;
  maxPasses?: number;
  seed?: number;
  /** Dual variables to start from: the solution for a smaller cost is a good start for a larger one. */
  start?: Float64Array;
}

/** Bias feature value: a constant 1 appended to every row, so the hyperplane need not pass through 0. */
const bias = 1;

/** The squared norm of each row, plus the bias's. */
export function rowNorms(rows: Rows): Float64Array {
  const n = rows.start.length - 1;
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let s = bias * bias;
    for (let k = rows.start[r]!; k < rows.start[r + 1]!; k++) s += rows.values[k]! * rows.values[k]!;
    out[r] = s;
  }
  return out;
}

/**
 * Weights (features + 1, the last being the bias) separating rows with label +1 from rows with
 * label −1, for cost C, and the dual variables they came from.
 */
export function trainBinarySvm(
  rows: Rows,
  labels: Int8Array,
  cost: number,
  norms: Float64Array,
  options: SvmOptions = {},
): { w: Float64Array; alpha: Float64Array } {
  const { start, indices, values } = rows;
  const n = labels.length;
  const tolerance = options.tolerance ?? 0.1;
  const maxPasses = options.maxPasses ?? 200;
  const biasAt = rows.features;
  const w = new Float64Array(biasAt + 1);
  const alpha = options.start ? Float64Array.from(options.start) : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (alpha[i] === 0) continue;
    const step = alpha[i]! * labels[i]!;
    for (let k = start[i]!; k < start[i + 1]!; k++) w[indices[k]!]! += step * values[k]!;
    w[rows.features]! += step * bias;
  }
  const diagonal = 0.5 / cost;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let state = (options.seed ?? 1) >>> 0;
  const random = (below: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * below);
  };
  let active = n;
  let maxOld = Infinity;
  for (let pass = 0; pass < maxPasses; pass++) {
    let maxNew = -Infinity;
    let minNew = Infinity;
    for (let s = 0; s < active; s++) {
      const j = s + random(active - s);
      const t = order[s]!;
      order[s] = order[j]!;
      order[j] = t;
    }
    for (let s = 0; s < active; s++) {
      const i = order[s]!;
      const y = labels[i]!;
      const from = start[i]!;
      const to = start[i + 1]!;
      let dot = w[biasAt]! * bias;
      for (let k = from; k < to; k++) dot += w[indices[k]!]! * values[k]!;
      const gradient = y * dot - 1 + alpha[i]! * diagonal;
      let projected = gradient;
      if (alpha[i] === 0) {
        if (gradient > maxOld) {
          // Outside the margin and likely to stay there: set aside until the final check.
          active--;
          order[s] = order[active]!;
          order[active] = i;
          s--;
          continue;
        }
        if (gradient > 0) projected = 0;
      }
      if (projected > maxNew) maxNew = projected;
      if (projected < minNew) minNew = projected;
      if (Math.abs(projected) > 1e-12) {
        const old = alpha[i]!;
        alpha[i] = Math.max(old - gradient / (norms[i]! + diagonal), 0);
        const step = (alpha[i]! - old) * y;
        for (let k = from; k < to; k++) w[indices[k]!]! += step * values[k]!;
        w[biasAt]! += step * bias;
      }
    }
    if (maxNew - minNew <= tolerance) {
      if (active === n) break;
      // Converged on the active set: check every example once more before stopping.
      active = n;
      maxOld = Infinity;
      continue;
    }
    maxOld = maxNew > 0 ? maxNew : Infinity;
  }
  return { w, alpha };
}

/** w · row + bias weight. */
export function decision(w: Float64Array, rows: Rows, r: number): number {
  let dot = w[rows.features]! * bias;
  for (let k = rows.start[r]!; k < rows.start[r + 1]!; k++) dot += w[rows.indices[k]!]! * rows.values[k]!;
  return dot;
}
