// The record shapes the source readers produce: a raw report, or a failure with its reason.

/**
 * Where a report's field came from, best first: the metadata of a file or feed item ('metadata'),
 * the article page's own tags ('page'), or inference from the text ('text'). An update replaces a
 * field only with a value from an equal or better source.
 */
export type FieldProvenance = 'metadata' | 'page' | 'text';

/** One report read from a source file, before cleaning and indexing. */
export interface RawReport {
  /** Page or article text as stored (line endings normalized to \n). */
  text: string;
  title?: string | null;
  url?: string | null;
  /** The source system's own id for the report (JSON `id`). */
  externalId?: string | null;
  /** ISO 8601 from the file's metadata; text-derived dates are left to `findPublishedDate`. */
  publishedAt?: string | null;
  /** The outlet, as the metadata names it. */
  source?: string | null;
  lang?: string | null;
  /**
   * Where each given field came from, when not from the file's or feed's own metadata (the
   * default): 'page' for what an article page says of itself, 'text' for a value inferred earlier
   * and carried over. Decides which value wins when a report is updated (see FieldProvenance).
   */
  provenance?: { readonly title?: FieldProvenance; readonly publishedAt?: FieldProvenance; readonly source?: FieldProvenance };
  /** Where the report came from: "data/corpus/000.txt", "file.jsonl:17", "file.json[3]". */
  origin: string;
}

/** A report, or the reason a file or record could not be read. */
export type ReadItem = { ok: true; report: RawReport } | { ok: false; origin: string; reason: string };
