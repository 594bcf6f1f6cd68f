/** Search and paging: one page of ranked reports, with the data of its Previous and Next buttons. */
import type { Core } from '../../../src/create-core.js';
import type { ParsedQuery } from '../../../src/search/parse-query.js';
import type { ChatAnswer } from '../chat-answer.js';
import { pageData, type QueryPages } from '../query-pages.js';

/**
 * Answers `query` (text, or the parsed query a paging button remembers) from `offset`. When there is
 * more than one page, the query is remembered for `chatId` and the answer carries its buttons' data.
 */
export function searchReports(core: Core, pages: QueryPages, request: { query: string | ParsedQuery; offset: number; chatId: string }): ChatAnswer & { kind: 'results' } {
  const pageSize = core.config.pageSize;
  const answer = core.search(request.query, { limit: pageSize, offset: request.offset });
  if (answer.total <= pageSize) return { kind: 'results', answer, pages: null };
  const id = pages.remember(request.chatId, answer.parsed!);
  const { offset } = request;
  return {
    kind: 'results',
    answer,
    pages: {
      previous: offset > 0 ? pageData(id, Math.max(0, offset - pageSize)) : null,
      next: offset + pageSize < answer.total ? pageData(id, offset + pageSize) : null,
    },
  };
}
