// The governorate a report is about: that of the Syrian or Iraqi place it names most.

import type { ReportUnderstanding } from '../../src/understand/understand-report.js';

/** A place in the headline counts as this many mentions in the text: the headline says what the story is about. */
export const TITLE_BONUS = 2;

/**
 * The admin1 P-code of the report's most-mentioned place (mentions in the text, plus TITLE_BONUS
 * when the headline names it), among places below country level; ties go to the place listed
 * first (more mentions, then first mentioned). Null when the report names no such place.
 */
export function reportGovernorate(understanding: ReportUnderstanding): string | null {
  let best: string | null = null;
  let bestScore = -1;
  for (const place of understanding.places) {
    if (place.admin1Pcode === null) continue;
    const score = place.mentions + (place.inTitle ? TITLE_BONUS : 0);
    if (score > bestScore) {
      best = place.admin1Pcode;
      bestScore = score;
    }
  }
  return best;
}
