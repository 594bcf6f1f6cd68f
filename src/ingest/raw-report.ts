// The record shapes the source readers produce: a raw report, or a failure with its reason.

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
  /** Where the report came from: "data/corpus/000.txt", "file.jsonl:17", "file.json[3]". */
  origin: string;
}

/** A report, or the reason a file or record could not be read. */
export type ReadItem = { ok: true; report: RawReport } | { ok: false; origin: string; reason: string };
