/** `/stats [query]`: report counts by governorate and by event type, for a query or the whole corpus. */
import type { Core } from '../../../src/create-core.js';
import type { ChatAnswer } from '../chat-answer.js';

export function corpusStats(core: Core, query: string | null): ChatAnswer {
  const q = query?.trim() || null;
  return { kind: 'stats', stats: core.stats(q), query: q };
}
