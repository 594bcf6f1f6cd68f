/** Platform-neutral chat for a line of text (the console): reads one message, a query or a command, and answers with a ChatAnswer. */
import type { Core } from '../../src/create-core.js';
import type { ParsedQuery } from '../../src/search/parse-query.js';
import { latestReports } from './commands/latest-reports.js';
import type { ChatAnswer } from './chat-answer.js';

/** What a conversation remembers between messages: the last query and where its paging is. */
export interface ChatSession {
  /** The last query as parsed: /next and /prev page its ranked list without parsing it again. */
  lastQuery: ParsedQuery | null;
  offset: number;
  lang: 'ar' | 'en';
}

export function newChatSession(lang: 'ar' | 'en' = 'en'): ChatSession {
  return { lastQuery: null, offset: 0, lang };
}

const ARABIC = /\p{Script=Arabic}/u;

/** The language to answer a text in: Arabic if it has any Arabic letter. */
export function languageOf(text: string, fallback: 'ar' | 'en'): 'ar' | 'en' {
  if (ARABIC.test(text)) return 'ar';
  return /\p{L}/u.test(text) ? 'en' : fallback;
}

/**
 * Handles one chat message. `/help`, `/latest`, `/next`, `/prev`, `/search <q>`; any other text
 * is a query. Never throws: a failure becomes an `error` reply (and is logged by the core).
 */
export function handleChatMessage(text: string, session: ChatSession, core: Core): ChatAnswer {
  const trimmed = text.trim();
  const pageSize = core.config.pageSize;
  try {
    const command = /^\/([\p{L}\p{N}_]+)(?:@\S+)?\s*([\s\S]*)$/u.exec(trimmed);
    if (command !== null) {
      const name = command[1]!.toLowerCase();
      const rest = command[2]!.trim();
      switch (name) {
        case 'help':
        case 'start':
          return { kind: 'help' };
        case 'latest':
          return latestReports(core, session.lang);
        case 'next':
        case 'prev': {
          if (session.lastQuery === null) return { kind: 'no_query' };
          const offset = Math.max(0, session.offset + (name === 'next' ? pageSize : -pageSize));
          const answer = core.search(session.lastQuery, { limit: pageSize, offset });
          // Past the last page the reader is told so, and /prev still goes back to the last page.
          if (answer.items.length > 0 || offset === 0) session.offset = offset;
          return { kind: 'results', answer, pages: null };
        }
        case 'search':
          if (rest === '') return { kind: 'help' };
          return runQuery(rest, session, core);
        default:
          return { kind: 'unknown_command', command: `/${command[1]!}` };
      }
    }
    return runQuery(trimmed, session, core);
  } catch (err) {
    core.logger.error({ err }, 'chat message failed');
    return { kind: 'failed' };
  }
}

function runQuery(query: string, session: ChatSession, core: Core): ChatAnswer {
  session.lang = languageOf(query, session.lang);
  session.offset = 0;
  const answer = core.search(query, { limit: core.config.pageSize, offset: 0 });
  session.lastQuery = answer.parsed;
  return { kind: 'results', answer, pages: null };
}
