/**
 * The chat platforms Rasid runs, registered in one place: a new platform is a folder under bots/
 * implementing ChatPlatform (bots/platform/chat-platform.ts) and one line here.
 */
import { consolePlatform } from '../bots/console/console-platform.js';
import { discordPlatform } from '../bots/discord/discord-platform.js';
import type { ChatPlatform } from '../bots/platform/chat-platform.js';
import { telegramPlatform } from '../bots/telegram/telegram-platform.js';

export const PLATFORMS: readonly ChatPlatform[] = [consolePlatform, telegramPlatform, discordPlatform];

/** The platform named `name`, if one is registered. */
export const platformNamed = (name: string): ChatPlatform | undefined => PLATFORMS.find((p) => p.name === name);
