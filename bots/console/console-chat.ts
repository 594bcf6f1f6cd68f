/** The console chat: a prompt where any line is a query, answered as the bots answer. For use without a bot token. */
import { createInterface } from 'node:readline/promises';
import type { Core } from '../../src/create-core.js';
import { handleChatMessage, newChatSession } from '../chat/handle-chat-message.js';
import { renderTextReply } from './render-text.js';

export interface ConsoleOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly color: boolean;
}

const PROMPT = 'rasid> ';

/** Runs the chat until the input ends or the user types /quit. */
export async function startConsoleChat(core: Core, options: ConsoleOptions): Promise<void> {
  const terminal = (options.input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input: options.input, output: options.output, terminal, prompt: PROMPT });
  const session = newChatSession('en');
  const write = (text: string) => options.output.write(text);
  write(
    `Rasid console chat: ${core.store.count()} reports. Type a query (attacks in Raqqa · هجمات في الرقة), /help, or /quit.\n`,
  );
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/quit' || text === '/exit') break;
    if (text !== '') write(`${renderTextReply(handleChatMessage(text, session, core), { color: options.color })}\n`);
    rl.prompt();
  }
  rl.close();
}
