/** Remembers recent searches (as parsed) behind short ids, so paging buttons fit Telegram's 64-byte callback data and Discord's 100-character custom ids. */
import type { ParsedQuery } from '../../src/search/parse-query.js';

/** Searches remembered for paging; older buttons answer "expired". */
export const REMEMBERED_QUERIES = 2_000;
/** Telegram's limit on callback_data (Bot API, InlineKeyboardButton). */
export const CALLBACK_DATA_LIMIT = 64;

export interface QueryPages {
  /** A short id for the query asked in this chat. */
  remember(chatId: string, query: ParsedQuery): string;
  /** The query behind an id, if it is still remembered and was asked in this chat. */
  recall(chatId: string, id: string): ParsedQuery | undefined;
}

export function createQueryPages(): QueryPages {
  const entries = new Map<string, { chatId: string; query: ParsedQuery }>();
  let next = 0;
  return {
    remember(chatId, query) {
      const id = (next++).toString(36);
      entries.set(id, { chatId, query });
      if (entries.size > REMEMBERED_QUERIES) entries.delete(entries.keys().next().value!);
      return id;
    },
    recall(chatId, id) {
      const e = entries.get(id);
      return e && e.chatId === chatId ? e.query : undefined;
    },
  };
}

/** Callback data for a results page: `p:<query id>:<offset>`. */
export const pageData = (id: string, offset: number): string => `p:${id}:${offset}`;

/** Reads page callback data; null for anything else (stale or foreign buttons). */
export function readPageData(data: string): { id: string; offset: number } | null {
  const m = /^p:([0-9a-z]{1,12}):(\d{1,6})$/.exec(data);
  return m ? { id: m[1]!, offset: Number(m[2]) } : null;
}
