/**
 * A per-unit fast path for a text normalization: each UTF-16 unit it covers is either left as it is or
 * replaced by one unit (or none) whatever its neighbours, read from tables filled from the normalization
 * itself, one unit at a time, so the two cannot drift. Any other unit sends the whole text to the
 * normalization. Used by `normalizeArabic` and by the analyzer's token normalization.
 */

const UNCHANGED = 1;
const REPLACED = 2;
const COMBINING_MARK = /^\p{M}$/u;

export interface UnitFastPathOptions {
  /** Units from 0 below this may be covered. */
  readonly end: number;
  /** Whether the unit may be covered (the blocks whose letters compose only with a following combining mark). */
  readonly covers: (code: number) => boolean;
  /**
   * Combining marks that may be covered when the normalization deletes them (harakat that compose with
   * no letter); other combining marks are never covered, since NFKC may compose them with what precedes.
   */
  readonly deletableMark?: (ch: string) => boolean;
}

/** `slow` with a fast path over the units `options` cover; the same result for every text. */
export function withUnitFastPath(slow: (text: string) => string, options: UnitFastPathOptions): (text: string) => string {
  const { end } = options;
  const kind = new Uint8Array(end);
  const replacement: string[] = [];
  for (let code = 0; code < end; code++) {
    if (!options.covers(code)) continue;
    const ch = String.fromCharCode(code);
    if (COMBINING_MARK.test(ch)) {
      if (options.deletableMark?.(ch) === true && slow(ch) === '') {
        kind[code] = REPLACED;
        replacement[code] = '';
      }
      continue;
    }
    const normalized = slow(ch);
    if (normalized === ch) {
      kind[code] = UNCHANGED;
    } else if (normalized.length <= 1 && !COMBINING_MARK.test(normalized)) {
      kind[code] = REPLACED;
      replacement[code] = normalized;
    }
  }
  return (text) => {
    let folded = '';
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const k = code < end ? kind[code] : 0;
      if (k === UNCHANGED) continue;
      if (k !== REPLACED) return slow(text);
      folded += text.slice(from, i) + replacement[code]!;
      from = i + 1;
    }
    return from === 0 ? text : folded + text.slice(from);
  };
}
