// The report model: logistic regressions that make the on-topic and incident calls from the rules' features.

import { existsSync, readFileSync } from 'node:fs';
import { repoPath } from '../config/repo-path.js';
import { FEATURE_NAMES } from './report-features.js';

/** Where the trained model is (written by scripts/train-report-model.ts, shipped with the package). */
export const REPORT_MODEL_FILE = repoPath('data', 'models', 'report-model.json');

/** One logistic regression: standardise by mean and scale, weigh, add the bias. */
export interface LogisticWeights {
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
  /** The L2 penalty it was trained with (chosen by cross-validation), for the record. */
  readonly lambda: number;
  /** At or above this probability the answer is yes (chosen by cross-validation with the penalty). */
  readonly threshold: number;
}

/** The model file. */
export interface ReportModelFile {
  readonly trainedOn: string;
  /** The feature names it was trained on, in order: they must be FEATURE_NAMES, or the file is stale. */
  readonly features: readonly string[];
  /** Whether an on-topic report tells of a specific happening. */
  readonly incident: LogisticWeights;
  /** Whether a report is ours (on topic); absent, the topic rules decide. */
  readonly onTopic?: LogisticWeights;
}


/** The model's probability for a feature vector. */
export function probability(m: LogisticWeights, x: ArrayLike<number>): number {
  let z = m.bias;
  for (let i = 0; i < m.weights.length; i++) z += m.weights[i]! * ((x[i]! - m.mean[i]!) / m.scale[i]!);
  return 1 / (1 + Math.exp(-z));
}

/** A model file that does not fit this code's features: retrain with scripts/train-report-model.ts. */
export class StaleReportModelError extends Error {
  override readonly name = 'StaleReportModelError';
}

let cached: ReportModelFile | null | undefined;

/**
 * Sets the model the analysis uses in place of the shipped file (null: the rules decide alone), until set again;
 * `undefined` goes back to the file. For training (the features must not depend on a model being trained) and tests.
 */
export function setReportModel(model: ReportModelFile | null | undefined): void {
  cached = model;
}

/**
 * The shipped model, read once; null when there is none (the rules decide alone). A file trained on other
 * features throws: a model silently misread would decide wrong.
 */
export function loadReportModel(file = REPORT_MODEL_FILE): ReportModelFile | null {
  if (file === REPORT_MODEL_FILE && cached !== undefined) return cached;
  const model = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReportModelFile) : null;
  if (model !== null) {
    const names = model.features.join(',');
    if (names !== FEATURE_NAMES.join(',')) {
      throw new StaleReportModelError(`${file} was trained on other features than this code computes; run npx tsx scripts/train-report-model.ts`);
    }
  }
  if (file === REPORT_MODEL_FILE) cached = model;
  return model;
}
