/** A paging button pressed: the page it names, or "expired" when its search is forgotten or from another chat. */
import type { Core } from '../../../src/create-core.js';
import type { ChatAnswer } from '../chat-answer.js';
import { readPageData, type QueryPages } from '../query-pages.js';
import { searchReports } from './search-reports.js';

export function pageResults(core: Core, pages: QueryPages, request: { data: string; chatId: string }): ChatAnswer {
  const page = readPageData(request.data);
  const query = page ? pages.recall(request.chatId, page.id) : undefined;
  if (page === null || query === undefined) return { kind: 'expired' };
  return searchReports(core, pages, { query, offset: page.offset, chatId: request.chatId });
}
