/** L2-regularised logistic regression on standardised features, trained by full-batch gradient descent (small data). */

/** A trained model: per-feature mean and scale, weights in standardised space, and the bias. */
export interface LogisticModel {
  readonly mean: number[];
  readonly scale: number[];
  readonly weights: number[];
  readonly bias: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The model's probability for one feature vector. */
export function predictLogistic(m: LogisticModel, x: ArrayLike<number>): number {
  let z = m.bias;
  for (let i = 0; i < m.weights.length; i++) z += m.weights[i]! * ((x[i]! - m.mean[i]!) / m.scale[i]!);
  return sigmoid(z);
}

/**
 * Trains on rows `xs` with labels `ys` (0/1): L2 penalty `lambda` on the weights (not the bias), `positiveWeight`
 * on the loss of positive rows (1: none). Deterministic: zero start, fixed steps.
 */
export function trainLogistic(xs: readonly ArrayLike<number>[], ys: readonly number[], lambda: number, positiveWeight = 1, steps = 3000): LogisticModel {
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, i) => xs.reduce((s, x) => s + x[i]!, 0) / Math.max(1, n));
  const scale = Array.from({ length: d }, (_, i) => {
    const v = xs.reduce((s, x) => s + (x[i]! - mean[i]!) ** 2, 0) / Math.max(1, n);
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  const z = xs.map((x) => Array.from({ length: d }, (_, i) => (x[i]! - mean[i]!) / scale[i]!));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const totalWeight = ys.reduce((s, y) => s + (y === 1 ? positiveWeight : 1), 0);
  const rate = 0.5;
  for (let step = 0; step < steps; step++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let r = 0; r < n; r++) {
      const row = z[r]!;
      let s = b;
      for (let i = 0; i < d; i++) s += w[i]! * row[i]!;
      const weight = ys[r] === 1 ? positiveWeight : 1;
      const err = weight * (sigmoid(s) - ys[r]!);
      for (let i = 0; i < d; i++) gw[i]! += err * row[i]!;
      gb += err;
    }
    for (let i = 0; i < d; i++) w[i] = w[i]! - rate * (gw[i]! / totalWeight + lambda * w[i]!);
    b -= rate * (gb / totalWeight);
  }
  return { mean, scale, weights: w, bias: b };
}

/** Fold of each row for k-fold cross-validation: rows dealt round-robin after a seeded shuffle. */
export function foldsOf(n: number, k: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const fold = new Array<number>(n);
  order.forEach((row, k2) => { fold[row] = k2 % k; });
  return fold;
}
