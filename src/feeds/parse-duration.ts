/** Reads a short duration such as 7d, 12h, 30m or 2w (for `--backfill`). */

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** A backfill longer than a year is a mistake, not a wish: feeds rarely reach that far back anyway. */
const MAX_DURATION_MS = 366 * 86_400_000;

/** Milliseconds, or null when the text is not `<number><m|h|d|w>` within a year. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d{1,4})\s*([mhdw])\s*$/i.exec(text);
  if (m === null) return null;
  const ms = Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!;
  return ms > 0 && ms <= MAX_DURATION_MS ? ms : null;
}
