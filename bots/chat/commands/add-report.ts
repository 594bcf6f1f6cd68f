/** `/add <url>`: fetches an article and ingests it now. */
import type { Core } from '../../../src/create-core.js';
import type { ChatAnswer } from '../chat-answer.js';

export async function addReport(core: Core, url: string): Promise<ChatAnswer> {
  if (url.trim() === '') return { kind: 'add_usage' };
  const result = await core.feeds.ingestUrl(url.trim());
  return result.ok ? { kind: 'added', status: result.status, id: result.id, title: result.title } : { kind: 'not_added', reason: result.reason };
}
