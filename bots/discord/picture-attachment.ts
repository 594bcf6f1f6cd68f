/** A picture's PNG as the file discord.js uploads with a message (loaded with the bot, not with the platform). */
import { AttachmentBuilder } from 'discord.js';
import type { DiscordPicturePayload } from './render-discord-picture.js';

/** The file uploaded with the message (multipart `files[0]`), its description the alt text. */
export function pictureAttachment(png: Buffer, file: DiscordPicturePayload['file']): AttachmentBuilder {
  return new AttachmentBuilder(png, { name: file.name, description: file.description });
}
