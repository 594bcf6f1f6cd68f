/** Every Telegram command, in the order the command list shows them. */
import { addCommand } from './add-command.js';
import { alertCommand } from './alert-command.js';
import { pauseCommand, resumeCommand, unsubscribeCommand } from './change-subscription-command.js';
import { digestCommand } from './digest-command.js';
import { feedsCommand } from './feeds-command.js';
import { helpCommand } from './help-command.js';
import { latestCommand } from './latest-command.js';
import { searchCommand } from './search-command.js';
import { mapCommand, statsCommand } from './stats-command.js';
import { statusCommand } from './status-command.js';
import { subscribeCommand } from './subscribe-command.js';
import { subscriptionsCommand } from './subscriptions-command.js';
import type { TelegramCommand } from './telegram-command.js';

export const TELEGRAM_COMMANDS: readonly TelegramCommand[] = [
  helpCommand, searchCommand, latestCommand, digestCommand, subscribeCommand, alertCommand, subscriptionsCommand,
  unsubscribeCommand, pauseCommand, resumeCommand, addCommand, feedsCommand, statusCommand, statsCommand, mapCommand,
];
