/** `/status` (operators, TELEGRAM_ADMINS): how the service is doing. */
import { serviceStatus } from '../../chat/commands/service-status.js';
import type { TelegramCommand } from './telegram-command.js';

export const statusCommand: TelegramCommand = {
  names: ['status'],
  handle: (ctx, env) => env.answer(ctx, serviceStatus(env.chat(ctx).core, 'telegram', env.settings.admins.has(String(ctx.from?.id)))),
};
