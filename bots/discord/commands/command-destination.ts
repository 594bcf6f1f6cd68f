/** Where a subscribing command (/subscribe, /alert) sends: its `channel` option, else the channel it was used in; a thread under its parent. */
import { ChannelType, type ChatInputCommandInteraction } from 'discord.js';
import type { Destination } from '../../../digests/subscription-store.js';

export function commandDestination(i: ChatInputCommandInteraction): { destination: Destination; label: string | null } {
  const channel = i.options.getChannel('channel') ?? i.channel;
  if (channel === null) throw new Error(`no channel for /${i.commandName}`);
  const isThread = channel.type === ChannelType.PublicThread || channel.type === ChannelType.PrivateThread || channel.type === ChannelType.AnnouncementThread;
  const parentId = isThread && 'parentId' in channel ? channel.parentId : null;
  return {
    destination: { platform: 'discord', chatId: parentId ?? channel.id, threadId: isThread ? channel.id : null },
    label: 'name' in channel ? (channel.name ?? null) : null,
  };
}
