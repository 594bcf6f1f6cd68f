/** What became of one report handed to the core (`Core.ingestOne`): feeds and links read it. */
import type { UpsertStatus } from '../store/report-store.js';

export type IngestOneResult =
  | { readonly ok: true; readonly status: UpsertStatus; readonly id: number; readonly title: string }
  | { readonly ok: false; readonly reason: string };
