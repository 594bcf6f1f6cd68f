/**
 * A picture to deliver (a chart): PNG bytes and the words that go with it. Platform-neutral: a chat
 * answer carries one (bots/chat/chat-answer.ts), a digest may open with one, and each platform
 * renders it (Telegram: a photo with an HTML caption; Discord: an attachment shown in an embed; the
 * console: a file and its path). The outbox keeps the bytes in a BLOB column (see message-sink.ts).
 */

export interface Picture {
  readonly png: Buffer;
  /** Plain text, no markup (each platform formats it); its first line reads as the title. */
  readonly caption: string;
  /** What the picture shows, in words, for who cannot see it (Discord's attachment description). */
  readonly alt: string;
  /** What to say instead where no picture can be shown; the caption when absent. */
  readonly fallback?: string;
  /** The file name the platforms show, `chart.png` when absent (letters, digits, `-` and `_` are kept). */
  readonly name?: string;
}

/** The picture's file name: safe as a path segment, in a URL (`attachment://…`) and in a multipart header. */
export function pictureFileName(picture: Pick<Picture, 'name'>): string {
  const stem = (picture.name ?? 'chart').replace(/\.png$/i, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${stem || 'chart'}.png`;
}

/**
 * What a chart shows: the events matching a subscription's filter, day by day over a period ending
 * at the run — the week before a digest (`--with-chart`), the 28 days and the last 24 hours of an alert.
 */
export interface ChartRequest {
  /** The subscription's filter (search query language), null for every event. */
  readonly filter: string | null;
  readonly lang: 'ar' | 'en';
  readonly timezone: string;
  /** ISO instants, from the first day drawn to the run. */
  readonly period: { readonly from: string; readonly to: string };
}

/** Days a digest's chart looks back: "the week's timeline". */
export const DIGEST_CHART_DAYS = 7;

/**
 * Makes a chart: null when there is nothing worth drawing. Given to the digest service by the
 * composition root (the chart renderer lives in src/; digests/ only calls it). Throwing is logged and
 * the digest or alert goes out without its picture.
 */
export type ChartMaker = (request: ChartRequest) => Promise<{ png: Buffer; caption: string; alt?: string } | null>;
