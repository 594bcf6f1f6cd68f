/** `/digest`: a preview of this chat's next digest. */
import { previewDigest } from '../../chat/commands/preview-digest.js';
import type { TelegramCommand } from './telegram-command.js';

export const digestCommand: TelegramCommand = {
  names: ['digest'],
  handle: (ctx, env) => env.answer(ctx, previewDigest(env.chat(ctx))),
};
