/** The console destination for digests: prints each message, so the whole digest path runs without a bot. */
import { pictureBytes, type MessageSink } from '../../digests/message-sink.js';
import { pictureFileName } from '../../digests/picture.js';
import { pictureLines, savePicture } from './console-picture.js';

/**
 * Prints `{ text }` payloads (the plain-text rendering) to the stream, one block per message. A
 * picture payload (`{ text, picture, png }`) is written to `picturesDir` as
 * `run<run>-m<seq>-<name>`, so a message sent again after a crash overwrites its own file, and
 * its path is printed with the caption.
 */
export function createConsoleSink(out: NodeJS.WritableStream, options: { picturesDir?: string } = {}): MessageSink {
  let count = 0;
  return {
    async send(destination, payload, ref) {
      const text = (payload as { text?: unknown }).text;
      const shown = typeof text === 'string' ? text : JSON.stringify(payload);
      const png = pictureBytes(payload);
      let body = shown;
      if (png !== null) {
        if (options.picturesDir === undefined) throw new Error('the console sink has no pictures folder to write this picture to');
        const name = pictureFileName({ name: String((payload as { picture?: unknown }).picture ?? 'chart') });
        body = pictureLines(await savePicture(options.picturesDir, `run${ref.runId}-m${ref.seq}-${name}`, png), shown);
      }
      out.write(`\n── digest (console ${destination.chatId}, run ${ref.runId}, message ${ref.seq + 1}) ──\n${body}\n`);
      return { messageId: String(++count) };
    },
  };
}
