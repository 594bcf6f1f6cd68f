/**
 * A third platform, in memory, as small as a platform can be: it shows what adding one takes (this
 * folder, and one entry in the platform list). Its chat turns text into the chat use cases of
 * bots/chat/ and their answers into plain lines; its sink keeps the digest messages it is sent.
 */
import type { ChatAnswer } from '../../../bots/chat/chat-answer.js';
import type { ChatContext } from '../../../bots/chat/chat-context.js';
import { PLAIN, sayAnswer, WORDS, countLines, type Lang } from '../../../bots/chat/chat-wording.js';
import { addReport } from '../../../bots/chat/commands/add-report.js';
import { changeSubscription } from '../../../bots/chat/commands/change-subscription.js';
import { corpusStats } from '../../../bots/chat/commands/corpus-stats.js';
import { latestReports } from '../../../bots/chat/commands/latest-reports.js';
import { listSubscriptions } from '../../../bots/chat/commands/list-subscriptions.js';
import { pageResults } from '../../../bots/chat/commands/page-results.js';
import { previewDigest } from '../../../bots/chat/commands/preview-digest.js';
import { searchReports } from '../../../bots/chat/commands/search-reports.js';
import { subscribe, subscribeAlert } from '../../../bots/chat/commands/subscribe.js';
import { createChatGate } from '../../../bots/chat/chat-gate.js';
import { createQueryPages } from '../../../bots/chat/query-pages.js';
import type { ChatPlatform, PlatformStartDeps } from '../../../bots/platform/chat-platform.js';
import type { Digest } from '../../../digests/digest.js';
import type { Alert } from '../../../digests/alert.js';
import { alertReportTitle, alertWording } from '../../../digests/render/alert-wording.js';
import { groupName, headerLines, itemTitle } from '../../../digests/render/digest-wording.js';

/** What the memory sink was sent: one entry per digest message, with where it went. */
export interface Delivered {
  readonly chatId: string;
  readonly lines: readonly string[];
}

/** A digest as one message of plain lines: the header, then each group's stories. */
export function memoryDigest(digest: Digest): { lines: string[] }[] {
  const h = headerLines(digest);
  return [{ lines: [h.title, h.counts, ...digest.groups.flatMap((g) => [groupName(g), ...g.items.map((i) => `- ${itemTitle(i)}`)])] }];
}

/** An alert as one message of plain lines: title, count, filter, then the reports' titles. */
export function memoryAlert(alert: Alert): { lines: string[] }[] {
  const w = alertWording(alert);
  return [{ lines: [w.title, w.count, w.filter, ...alert.top.map((r) => `- ${alertReportTitle(r)}`)] }];
}

/** An answer as plain lines. */
export function memoryLines(answer: ChatAnswer, lang: Lang): string[] {
  switch (answer.kind) {
    case 'results': {
      const a = answer.answer;
      return [`Results ${a.offset + 1}–${a.offset + a.items.length} of ${a.total}`, ...a.items.map((i) => i.title), ...(answer.pages?.next ? [`[next: ${answer.pages.next}]`] : [])];
    }
    case 'digest':
      return memoryDigest(answer.digest)[0]!.lines;
    case 'stats':
      return [`${WORDS.reports[lang]}: ${answer.stats.total}`, countLines(answer.stats.byGovernorate, lang, PLAIN)];
    case 'help':
      return ['Rasid in memory: a query, /latest, /digest, /subscribe [filter], /alert <filter>, /subscriptions, /pause, /resume, /unsubscribe, /stats, /add <url>'];
    case 'status':
      return [answer.text];
    default:
      return sayAnswer(answer, lang, PLAIN)!.split('\n');
  }
}

/** The chat of one in-memory conversation: `say` takes what a user types and gives what Rasid answers. */
export function memoryChat(deps: PlatformStartDeps, chatId: string, options: { allowed?: readonly string[]; perMinute?: number } = {}) {
  const pages = createQueryPages();
  const gate = createChatGate({ allowed: (id) => (options.allowed ?? [chatId]).includes(id), perMinute: options.perMinute ?? 60, refuseOnce: true });
  const ctx: ChatContext = {
    core: deps.core,
    digests: deps.digests,
    subscriptions: () => deps.digests.subscriptions.list({ platform: 'memory', chatId }),
    refreshSchedules: deps.refreshSchedules,
  };
  const lang = (text: string): Lang => (/\p{Script=Arabic}/u.test(text) ? 'ar' : 'en');
  const handle = async (text: string): Promise<ChatAnswer | null> => {
    const verdict = gate.check({ chatId, userId: 'user', nowMs: deps.core.clock.now().getTime() });
    if (!verdict.pass) return verdict.answer;
    const [, command, rest = ''] = /^\/(\w+)\s*([\s\S]*)$/.exec(text.trim()) ?? [null, null, text.trim()];
    switch (command) {
      case null:
        return searchReports(deps.core, pages, { query: rest, offset: 0, chatId });
      case 'page':
        return pageResults(deps.core, pages, { data: rest, chatId });
      case 'help':
        return { kind: 'help' };
      case 'latest':
        return latestReports(deps.core, lang(rest));
      case 'digest':
        return previewDigest(ctx);
      case 'subscribe':
        return subscribe(ctx, { destination: { platform: 'memory', chatId, threadId: null }, filter: rest || null, createdBy: 'memory:user' });
      case 'alert':
        return subscribeAlert(ctx, { destination: { platform: 'memory', chatId, threadId: null }, filter: rest, createdBy: 'memory:user' });
      case 'subscriptions':
        return listSubscriptions(ctx);
      case 'unsubscribe':
      case 'pause':
      case 'resume':
        return changeSubscription(ctx, command, rest === '' ? null : Number(rest));
      case 'stats':
        return corpusStats(deps.core, rest || null);
      case 'add':
        return addReport(deps.core, rest);
      default:
        return { kind: 'unknown_command', command: `/${command}` };
    }
  };
  return {
    async say(text: string): Promise<string[]> {
      const answer = await handle(text);
      return answer === null ? [] : memoryLines(answer, lang(text));
    },
  };
}

/** The platform itself: what bin/platforms.ts would list. */
export function createMemoryPlatform(): ChatPlatform & { readonly delivered: Delivered[] } {
  const delivered: Delivered[] = [];
  return {
    name: 'memory',
    delivered,
    chatId: { required: true, describe: 'the in-memory chat name' },
    renderDigest: memoryDigest,
    renderAlert: memoryAlert,
    showMessage: (message) => (message as { lines: string[] }).lines.join('\n'),
    async start() {
      return {
        sinkNeedsSession: false,
        sink: {
          async send(destination, payload) {
            delivered.push({ chatId: destination.chatId, lines: (payload as { lines: string[] }).lines });
            return { messageId: String(delivered.length) };
          },
        },
        connect: async () => ({ ended: new Promise<void>(() => undefined) }),
        disconnect: async () => undefined,
      };
    },
  };
}
