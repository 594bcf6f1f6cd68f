/** `/subscribe [channel] [schedule] [filter]`: scheduled digests for a channel, thread or forum (Manage Channels). */
import { ChannelType, PermissionFlagsBits } from 'discord.js';
import { subscribe } from '../../chat/commands/subscribe.js';
import { commandDestination } from './command-destination.js';
import { slash, type DiscordCommand } from './discord-command.js';

const HH_MM = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

export const subscribeCommand: DiscordCommand = {
  definition: slash('subscribe', 'Scheduled digests of new reports for a channel')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addChannelOption((o) => o.setName('channel').setDescription('Where (default: here)').addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum, ChannelType.PublicThread))
    .addStringOption((o) => o.setName('schedule').setDescription('HH:MM daily, or a cron expression (default 08:00 Damascus)').setMaxLength(60))
    .addStringOption((o) => o.setName('filter').setDescription('Only reports matching this query').setMaxLength(300)),
  help: { en: 'Scheduled digests of new reports for a channel', ar: 'اشتراك بموجز دوري' },
  managing: true,
  async execute(i, guildId, env) {
    const { destination, label } = commandDestination(i);
    const schedule = i.options.getString('schedule')?.trim();
    const clock = schedule ? HH_MM.exec(schedule) : null;
    const answer = subscribe(env.chat(guildId), {
      destination,
      cron: clock ? `${Number(clock[2])} ${Number(clock[1])} * * *` : schedule,
      filter: i.options.getString('filter'),
      label,
      createdBy: `discord:${i.user.id}`,
    });
    await env.answer(i, answer, { ephemeral: true });
  },
};
