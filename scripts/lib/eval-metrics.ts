/** Ranking metrics over graded judgments (grade 0 = not relevant, 1 = partly, 2 = relevant). */

/** Share of the first k results judged relevant (grade ≥ 1); unjudged counts as not relevant. */
export function precisionAt(k: number, ranked: readonly string[], grades: Readonly<Record<string, number>>): number {
  let hits = 0;
  for (const id of ranked.slice(0, k)) if ((grades[id] ?? 0) >= 1) hits++;
  return hits / k;
}

/** nDCG@k with gain = grade and the usual log2 discount; 0 when nothing is relevant. */
export function ndcgAt(k: number, ranked: readonly string[], grades: Readonly<Record<string, number>>): number {
  const dcg = (gains: readonly number[]) => gains.slice(0, k).reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(grades).filter((g) => g > 0).sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked.map((id) => grades[id] ?? 0)) / ideal;
}

/**
 * How many queries return fewer than `depth` results though `depth` or more reports are judged relevant
 * (grade ≥ 1): the floor, which should be 0. `returned` is how many results a query gave in all.
 */
export function shortQueries(rows: readonly { returned: number; grades: Readonly<Record<string, number>> }[], depth: number): number {
  return rows.filter((r) => r.returned < depth && Object.values(r.grades).filter((g) => g >= 1).length >= depth).length;
}
