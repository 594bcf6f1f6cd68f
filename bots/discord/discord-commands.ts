/** The Discord slash commands: names, options, Arabic descriptions, and who may use them by default. */
import { ChannelType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';

/** Subscription and feed commands need Manage Channels (checked again when used). */
const MANAGE = PermissionFlagsBits.ManageChannels;

/** Each command with its description in both languages, for /help. */
export const COMMAND_HELP: { name: string; en: string; ar: string }[] = [];

/**
 * Discord has no Arabic client locale, so registered descriptions are English; the Arabic ones are
 * shown by /help. Answers follow the language of the query.
 */
const command = (name: string, en: string, ar: string) => {
  COMMAND_HELP.push({ name, en, ar });
  return new SlashCommandBuilder().setName(name).setDescription(en);
};

export const DISCORD_COMMANDS = [
  command('search', 'Search the reports (English or Arabic)', 'بحث في التقارير')
    .addStringOption((o) => o.setName('query').setDescription('e.g. attacks in Raqqa · هجمات في الرقة').setRequired(true).setMaxLength(500))
    .addStringOption((o) => o.setName('since').setDescription('e.g. 2022, last month').setMaxLength(40))
    .addStringOption((o) => o.setName('place').setDescription('A governorate, district or town').setAutocomplete(true).setMaxLength(100)),
  command('latest', 'The newest reports', 'أحدث التقارير'),
  command('digest', "Preview this channel's next digest", 'معاينة الموجز القادم'),
  command('subscribe', 'Scheduled digests of new reports for a channel', 'اشتراك بموجز دوري')
    .setDefaultMemberPermissions(MANAGE)
    .addChannelOption((o) => o.setName('channel').setDescription('Where (default: here)').addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum, ChannelType.PublicThread))
    .addStringOption((o) => o.setName('schedule').setDescription('HH:MM daily, or a cron expression (default 08:00 Damascus)').setMaxLength(60))
    .addStringOption((o) => o.setName('filter').setDescription('Only reports matching this query').setMaxLength(300)),
  command('unsubscribe', 'Stop a subscription', 'إلغاء اشتراك').setDefaultMemberPermissions(MANAGE).addIntegerOption((o) => o.setName('id').setDescription('Subscription number').setMinValue(1)),
  command('subscriptions', "This server's subscriptions", 'اشتراكات هذا الخادم'),
  command('pause', 'Pause a subscription', 'إيقاف اشتراك مؤقتاً').setDefaultMemberPermissions(MANAGE).addIntegerOption((o) => o.setName('id').setDescription('Subscription number').setMinValue(1)),
  command('resume', 'Resume a subscription', 'استئناف اشتراك').setDefaultMemberPermissions(MANAGE).addIntegerOption((o) => o.setName('id').setDescription('Subscription number').setMinValue(1)),
  command('add', 'Add a report from an article link', 'إضافة تقرير من رابط').addStringOption((o) => o.setName('url').setDescription('https://…').setRequired(true).setMaxLength(2000)),
  command('feeds', 'The feeds and their state', 'المصادر وحالتها').setDefaultMemberPermissions(MANAGE),
  command('status', 'How the service is doing (operators)', 'حالة الخدمة').setDefaultMemberPermissions(MANAGE),
  command('stats', 'Report counts by governorate and event type', 'إحصاءات حسب المحافظة ونوع الحدث').addStringOption((o) => o.setName('query').setDescription('Optional query').setMaxLength(500)),
  command('help', 'How to use Rasid', 'طريقة الاستخدام'),
];

/** The commands as the REST API takes them. */
export const discordCommandsJson = () => DISCORD_COMMANDS.map((c) => c.toJSON());

/** Commands that change subscriptions or feeds: Manage Channels, checked again when used. */
export const MANAGING_COMMANDS: ReadonlySet<string> = new Set(['subscribe', 'unsubscribe', 'pause', 'resume', 'feeds', 'status']);
