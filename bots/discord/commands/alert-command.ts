/** `/alert filter [k] [channel]`: spike alerts on the filter for a channel or thread (Manage Channels, as /subscribe). */
import { ChannelType, PermissionFlagsBits } from 'discord.js';
import { subscribeAlert } from '../../chat/commands/subscribe.js';
import { MAX_ALERT_K } from '../../../digests/spike-detector.js';
import { commandDestination } from './command-destination.js';
import { slash, type DiscordCommand } from './discord-command.js';

export const alertCommand: DiscordCommand = {
  definition: slash('alert', 'Alert a channel when events matching a filter rise well above their usual level')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addStringOption((o) => o.setName('filter').setDescription('What to watch, e.g. Deir ez-Zor').setRequired(true).setMaxLength(300))
    .addNumberOption((o) => o.setName('k').setDescription('Standard deviations above the daily mean that fire (default 3)').setMinValue(0.5).setMaxValue(MAX_ALERT_K))
    .addChannelOption((o) => o.setName('channel').setDescription('Where (default: here)').addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum, ChannelType.PublicThread)),
  help: { en: 'Alerts when events rise above their usual level', ar: 'تنبيه عند ارتفاع الأحداث فوق المعتاد' },
  managing: true,
  async execute(i, guildId, env) {
    const { destination, label } = commandDestination(i);
    const k = i.options.getNumber('k');
    const answer = subscribeAlert(env.chat(guildId), {
      destination,
      filter: i.options.getString('filter'),
      ...(k === null ? {} : { alertK: k }),
      label,
      createdBy: `discord:${i.user.id}`,
    });
    await env.answer(i, answer, { ephemeral: true });
  },
};
