// Turns one parsed JSON object into a raw report, or a failure naming what is missing.
import { parseDateValue } from './extract-date.js';
import type { ReadItem } from './raw-report.js';

/** JSON keys read as the publication date, first present wins. */
const PUBLISHED_KEYS: readonly string[] = ['published_at', 'publishedAt'];

function optionalString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/**
 * A report from a JSON object: `text` (required, non-empty string), optional `id` (→ externalId),
 * `url`, `title`, `published_at`, `source`, `lang`. Fields of the wrong type are ignored; a missing
 * text or a non-object gives a failure item whose reason starts with `label` ("line 17").
 */
export function reportFromJson(value: unknown, origin: string, label: string): ReadItem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, origin, reason: `${label}: expected a JSON object, got ${describe(value)}` };
  }
  const record = value as Record<string, unknown>;
  const text = record.text;
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, origin, reason: `${label}: missing "text"; each report needs a non-empty "text" string` };
  }
  const id = record.id;
  const publishedKey = PUBLISHED_KEYS.find((k) => record[k] !== undefined && record[k] !== null);
  return {
    ok: true,
    report: {
      text: text.replace(/\r\n?/g, '\n'),
      title: optionalString(record.title),
      url: optionalString(record.url),
      externalId: typeof id === 'number' && Number.isFinite(id) ? String(id) : optionalString(id),
      publishedAt: publishedKey === undefined ? null : parseDateValue(record[publishedKey]),
      source: optionalString(record.source),
      lang: optionalString(record.lang),
      origin,
    },
  };
}
