/** `/latest`: the newest reports, one page. */
import type { Core } from '../../../src/create-core.js';
import type { ChatAnswer } from '../chat-answer.js';
import type { Lang } from '../chat-wording.js';

export function latestReports(core: Core, lang: Lang): ChatAnswer {
  return { kind: 'results', answer: core.latest({ limit: core.config.pageSize, offset: 0 }, lang), heading: 'latest', pages: null };
}
