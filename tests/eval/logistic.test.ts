import { describe, expect, it } from 'vitest';
import { foldsOf, predictLogistic, trainLogistic } from '../../scripts/lib/logistic.js';
import { seededRandom } from '../../scripts/lib/seeded-random.js';

describe('trainLogistic', () => {
  // The first feature separates the labels at 1.5; the second alone does not.
  const xs = [[0, 1], [1, 0], [2, 1], [3, 0]];
  const ys = [0, 0, 1, 1];

  it('learns a boundary that separates the rows', () => {
    const model = trainLogistic(xs, ys, 0.01);
    expect(xs.map((x) => (predictLogistic(model, x) >= 0.5 ? 1 : 0))).toEqual(ys);
    expect(model.weights[0]).toBeGreaterThan(0);
  });

  it('is deterministic, and a stronger penalty gives smaller weights', () => {
    expect(trainLogistic(xs, ys, 0.1)).toEqual(trainLogistic(xs, ys, 0.1));
    expect(Math.abs(trainLogistic(xs, ys, 1).weights[0]!)).toBeLessThan(Math.abs(trainLogistic(xs, ys, 0.01).weights[0]!));
  });

  it('standardises each feature by its mean and spread; a constant feature keeps scale 1', () => {
    const model = trainLogistic([[0, 5], [2, 5]], [0, 1], 0.1);
    expect(model.mean).toEqual([1, 5]);
    expect(model.scale).toEqual([1, 1]);
    expect(model.weights[1]).toBe(0);
  });
});

describe('foldsOf', () => {
  it('deals every row to one of k folds, sizes within one of each other, the same for the same seed', () => {
    const folds = foldsOf(10, 3, seededRandom(7));
    expect(folds).toHaveLength(10);
    const sizes = [0, 1, 2].map((k) => folds.filter((f) => f === k).length).sort();
    expect(sizes).toEqual([3, 3, 4]);
    expect(foldsOf(10, 3, seededRandom(7))).toEqual(folds);
  });
});
