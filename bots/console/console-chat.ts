/** The console chat: a prompt where any line is a query, answered as the bots answer. For use without a bot token. */
import { createInterface } from 'node:readline';
import type { DigestService } from '../../digests/digest-service.js';
import type { Core } from '../../src/create-core.js';
import { pictureFileName } from '../../digests/picture.js';
import type { ChatAnswer } from '../chat/chat-answer.js';
import { PLAIN, sayAnswer, WORDS, type Lang } from '../chat/chat-wording.js';
import { subscribeAlert } from '../chat/commands/subscribe.js';
import { eventChart, type ChartKind } from '../chat/commands/event-chart.js';
import { handleChatMessage, languageOf, newChatSession } from '../chat/handle-chat-message.js';
import { chatPictureName, pictureLines, savePicture } from './console-picture.js';
import type { PromptGuard } from './prompt-guard.js';
import { renderDigestText } from './render-console-digest.js';
import { renderTextReply, type TextStyle } from './render-text.js';

export interface ConsoleOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly color: boolean;
  /** For `/digest`: a preview of the next digest (the last 24 hours). */
  readonly digests?: DigestService;
  /** Tells the digest scheduler that subscriptions changed (an `/alert` added from here). */
  readonly refreshSchedules?: () => void;
  /** Redraws the prompt when logs or digests print while it is shown. */
  readonly guard?: PromptGuard;
  /** Where pictures answered in the chat are written (`RASID_PICTURES`); without one, their text is printed instead. */
  readonly picturesDir?: string;
}

/** How the console chat shows an answer: where it writes, in what language and style, where pictures go. */
export interface ConsoleAnswerTarget {
  readonly write: (text: string) => void;
  readonly lang: Lang;
  readonly style: TextStyle;
  readonly picturesDir?: string;
  readonly now?: () => Date;
}

let picturesWritten = 0;

/**
 * Prints an answer. A picture is written to the pictures folder as a PNG file and its path printed
 * above the caption (a terminal shows no pictures); without a folder, its text is printed instead.
 */
export async function printConsoleAnswer(answer: ChatAnswer, target: ConsoleAnswerTarget): Promise<void> {
  if (answer.kind === 'picture' && target.picturesDir !== undefined) {
    const { picture } = answer;
    const name = chatPictureName((target.now ?? (() => new Date()))(), ++picturesWritten, pictureFileName(picture));
    target.write(`${pictureLines(await savePicture(target.picturesDir, name, picture.png), picture.caption)}\n`);
    return;
  }
  target.write(`${renderTextReply(answer, target.lang, target.style)}\n`);
}

const PROMPT = 'rasid> ';

/** The report counts `/stats` answers with when there is no event to draw, as terminal text: one line per count. */
function statsText(answer: ChatAnswer & { kind: 'stats' }): string {
  const { stats: s, query } = answer;
  const lang = languageOf(query ?? '', 'en');
  const top = (rows: readonly { ar: string; en: string; count: number }[]) => rows.slice(0, 10).map((r) => `${r[lang]} ${r.count}`).join(' · ') || '-';
  return [
    `${WORDS.reports[lang]}: ${s.total}${answer.query ? ` (${answer.query})` : ''}`,
    `${WORDS.byGovernorate[lang]}: ${top(s.byGovernorate)}`,
    `${WORDS.byEventType[lang]}: ${top(s.byEvent)}`,
  ].join('\n');
}

/** `/digest`: what a digest of the last 24 hours would be now, as the console destination prints it. */
function digestText(digests: DigestService | undefined): string {
  if (digests === undefined) return 'Digest previews are not available here.';
  return renderDigestText(digests.previewNext(undefined));
}

/**
 * `/alert <filter>`: spike alerts on the filter, printed here (the console destination). The console is the
 * operator's own terminal, so no admin check.
 */
function alertText(core: Core, options: ConsoleOptions, filter: string, lang: Lang): string {
  const digests = options.digests;
  if (digests === undefined) return 'Alerts are not available here.';
  const destination = { platform: 'console', chatId: 'stdout', threadId: null };
  const answer = subscribeAlert(
    { core, digests, subscriptions: () => digests.subscriptions.list(destination), refreshSchedules: options.refreshSchedules ?? (() => undefined) },
    { destination, filter, createdBy: 'console' },
  );
  return sayAnswer(answer, lang, PLAIN) ?? '';
}

/** Runs the chat until the input ends or the user types /quit. */
export async function startConsoleChat(core: Core, options: ConsoleOptions): Promise<void> {
  const terminal = (options.input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input: options.input, output: options.output, terminal, prompt: PROMPT });
  const session = newChatSession('en');
  const write = (text: string) => options.output.write(text);
  const columns = (options.output as { columns?: number }).columns;
  const style: TextStyle = { color: options.color, ...(terminal && columns ? { width: columns } : {}) };
  write(`Rasid console chat: ${core.store.count()} reports. Type a query (attacks in Raqqa · هجمات في الرقة), /help, or /quit.\n`);
  options.guard?.attach(rl);
  rl.prompt();
  try {
    for await (const line of rl) {
      const text = line.trim();
      if (text === '/quit' || text === '/exit') break;
      const chart = /^\/(stats|map)(?:\s+([\s\S]*))?$/.exec(text);
      if (chart) {
        const answer = await eventChart(core, chart[2]?.trim() || null, chart[1] as ChartKind);
        if (answer.kind === 'stats') write(`${statsText(answer)}\n`);
        else await printConsoleAnswer(answer, { write, lang: session.lang, style, ...(options.picturesDir ? { picturesDir: options.picturesDir } : {}) });
      }
      else if (text === '/digest') write(`${digestText(options.digests)}\n`);
      else if (/^\/alert(?:\s|$)/.test(text)) {
        const filter = text.slice('/alert'.length).trim();
        write(`${alertText(core, options, filter, languageOf(filter || text, session.lang))}\n`);
      }
      else if (text !== '') await printConsoleAnswer(handleChatMessage(text, session, core), { write, lang: session.lang, style, ...(options.picturesDir ? { picturesDir: options.picturesDir } : {}) });
      rl.prompt();
    }
  } finally {
    options.guard?.attach(null);
    rl.close();
  }
}
