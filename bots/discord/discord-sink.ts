/** Delivers digest messages to Discord text channels, threads and forum channels (a new post per digest). */
import { ChannelType, DiscordAPIError, RateLimitError, type Client } from 'discord.js';
import { PermanentDeliveryError, pictureBytes, RateLimitedError, type MessageSink } from '../../digests/message-sink.js';
import { arabicDay } from '../../digests/render/arabic-dates.js';
import type { DiscordMessage } from './render-discord-digest.js';
import { pictureAttachment } from './picture-attachment.js';
import type { DiscordPicturePayload } from './render-discord-picture.js';

/** Discord answers no retry can fix: unknown channel, missing access or permissions. */
const PERMANENT_CODES: ReadonlySet<number> = new Set([10003, 50001, 50013, 50007]);

/**
 * Sends `DiscordMessage` payloads. Each message carries a nonce Discord enforces for a few minutes,
 * so a message re-sent after a crash in the accept-record window is not posted twice. In a forum
 * channel the first message of a run opens a post (its id is the thread's, recorded in the outbox);
 * the rest of the run goes into it, after a restart too. A picture payload (render-discord-picture.ts)
 * goes as its PNG attached and shown in its embed, with the same nonce.
 */
export function createDiscordSink(client: Client): MessageSink {
  return {
    async send(destination, payload, ref) {
      const message = payload as DiscordMessage;
      const png = pictureBytes(payload);
      const files = png === null ? [] : [pictureAttachment(png, (payload as DiscordPicturePayload).file)];
      const body = { content: message.content, embeds: message.embeds, files, allowedMentions: { parse: [] }, nonce: `r${ref.runId}m${ref.seq}`, enforceNonce: true };
      try {
        const channel = await client.channels.fetch(destination.threadId ?? destination.chatId);
        if (channel === null) throw new PermanentDeliveryError(`Discord: channel ${destination.chatId} does not exist or the bot cannot see it`);
        if (channel.type === ChannelType.GuildForum) {
          if (ref.seq === 0 || ref.firstMessageId === null) {
            const name = `موجز راصد ${arabicDay(new Date().toISOString(), 'Asia/Damascus', true) ?? ''}`.trim();
            const thread = await channel.threads.create({ name: name.slice(0, 100), message: body });
            return { messageId: thread.id };
          }
          const thread = await client.channels.fetch(ref.firstMessageId);
          if (thread === null || !thread.isSendable()) throw new Error('Discord: the forum post of this digest is gone');
          return { messageId: (await thread.send(body)).id };
        }
        if (!channel.isSendable()) throw new PermanentDeliveryError(`Discord: cannot post in channel ${channel.id}`);
        return { messageId: (await channel.send(body)).id };
      } catch (err) {
        if (err instanceof RateLimitError) throw new RateLimitedError(err.retryAfter, `Discord: ${err.message}`);
        if (err instanceof DiscordAPIError) {
          if (typeof err.code === 'number' && PERMANENT_CODES.has(err.code)) throw new PermanentDeliveryError(`Discord: ${err.message}`);
          throw new Error(`Discord: ${err.message}`);
        }
        throw err;
      }
    },
  };
}
