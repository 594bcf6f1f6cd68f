/** The console destination for digests: prints each message, so the whole digest path runs without a bot. */
import type { MessageSink } from '../../digests/message-sink.js';

/** Prints `{ text }` payloads (the plain-text rendering) to the stream, one block per message. */
export function createConsoleSink(out: NodeJS.WritableStream): MessageSink {
  let count = 0;
  return {
    async send(destination, payload, ref) {
      const text = (payload as { text?: unknown }).text;
      out.write(`\n── digest (console ${destination.chatId}, run ${ref.runId}, message ${ref.seq + 1}) ──\n${typeof text === 'string' ? text : JSON.stringify(payload)}\n`);
      return { messageId: String(++count) };
    },
  };
}
