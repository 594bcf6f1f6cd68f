/** Builds an FTS5 MATCH expression from analyzed terms: user text never reaches FTS5 syntax. */

/** Quotes one term as an FTS5 string, so `*`, `:`, `NEAR`, `(`, `-`, `^` are only ever text. */
export function quoteTerm(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/**
 * `groups` are AND-ed; the alternatives inside a group are OR-ed; each phrase is a quoted
 * sequence of terms. Returns null when there is nothing to match.
 */
export function buildMatchExpression(
  groups: readonly (readonly string[])[],
  phrases: readonly (readonly string[])[] = [],
): string | null {
  const parts: string[] = [];
  for (const group of groups) {
    const alternatives = [...new Set(group.filter((t) => t.length > 0))].map(quoteTerm);
    if (alternatives.length === 1) parts.push(alternatives[0]!);
    else if (alternatives.length > 1) parts.push(`(${alternatives.join(' OR ')})`);
  }
  for (const phrase of phrases) {
    const words = phrase.filter((t) => t.length > 0);
    if (words.length > 0) parts.push(quoteTerm(words.join(' ')));
  }
  return parts.length === 0 ? null : parts.join(' AND ');
}
