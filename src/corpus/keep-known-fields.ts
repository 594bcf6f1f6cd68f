/** Updates never remove what is known: a field is replaced only by a value from an equal or better source. */
import type { FieldProvenance, RawReport } from '../ingest/raw-report.js';
import type { PreparedReport, ReportStore, StoredReport } from '../store/report-store.js';

/** metadata (file or feed) > page > inference from the text > unknown. */
const RANK: Readonly<Record<FieldProvenance, number>> = { metadata: 3, page: 2, text: 1 };
const rank = (p: FieldProvenance | null): number => (p === null ? 0 : RANK[p]);

const FIELDS = ['title', 'publishedAt', 'source'] as const;

/** The stored report this one updates (same external id, else same URL), if any. */
export function findExisting(store: ReportStore, prepared: PreparedReport): StoredReport | undefined {
  return (
    (prepared.externalId !== null ? store.findByExternalId(prepared.externalId) : undefined) ??
    (prepared.url !== null ? store.findByUrl(prepared.url) : undefined)
  );
}

/**
 * The report to write over `existing`: `prepared`, except that each of title, date and outlet the
 * stored report knows from a better source is kept, with its provenance (and the URL or external id
 * it has when the update has none). A kept field can change the analysis (the title is indexed),
 * so the report is prepared again from the raw report with the kept values.
 */
export function keepKnownFields(
  raw: RawReport,
  prepared: PreparedReport,
  existing: StoredReport,
  prepare: (raw: RawReport) => PreparedReport,
): PreparedReport {
  const kept = FIELDS.filter((f) => rank(existing.provenance[f]) > rank(prepared.provenance[f]));
  let out = prepared;
  if (kept.length > 0) {
    const keep = <K extends (typeof FIELDS)[number]>(f: K) => kept.includes(f);
    out = prepare({
      ...raw,
      ...(keep('title') ? { title: existing.title } : {}),
      ...(keep('publishedAt') ? { publishedAt: existing.publishedAt } : {}),
      ...(keep('source') ? { source: existing.source } : {}),
      provenance: Object.fromEntries(FIELDS.map((f) => [f, keep(f) ? existing.provenance[f]! : (raw.provenance?.[f] ?? 'metadata')])),
    });
    out = {
      ...out,
      ...(keep('title') ? { titleSource: existing.titleSource } : {}),
      ...(keep('publishedAt') ? { dateSource: existing.dateSource } : {}),
      provenance: {
        title: keep('title') ? existing.provenance.title : prepared.provenance.title,
        publishedAt: keep('publishedAt') ? existing.provenance.publishedAt : prepared.provenance.publishedAt,
        source: keep('source') ? existing.provenance.source : prepared.provenance.source,
      },
    };
  }
  return {
    ...out,
    url: out.url ?? existing.url,
    externalId: out.externalId ?? existing.externalId,
  };
}

/** `prepare(raw)`, with what an existing report knows better kept (see keepKnownFields). */
export function prepareKeepingKnown(raw: RawReport, store: ReportStore, prepare: (raw: RawReport) => PreparedReport): PreparedReport {
  const prepared = prepare(raw);
  const existing = findExisting(store, prepared);
  return existing === undefined ? prepared : keepKnownFields(raw, prepared, existing, prepare);
}
