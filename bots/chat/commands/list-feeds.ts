/** `/feeds` (operators): the feeds and how their polling goes. */
import type { Core } from '../../../src/create-core.js';
import type { ChatAnswer } from '../chat-answer.js';

export function listFeeds(core: Core, isOperator: boolean): ChatAnswer {
  return isOperator ? { kind: 'feeds', feeds: core.feeds.list() } : { kind: 'operators_only' };
}
