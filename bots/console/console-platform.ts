/** The console as a Rasid platform: digests as plain text, printed by the console sink (no connection). */
import { pictureFileName } from '../../digests/picture.js';
import type { ChatPlatform } from '../platform/chat-platform.js';
import { renderDigestText } from './render-console-digest.js';
import { renderAlertText } from './render-console-alert.js';

export const consolePlatform: ChatPlatform = {
  name: 'console',
  chatId: { required: false, describe: 'any name (digests print to standard output)', fallback: 'stdout' },
  renderDigest: (digest) => [{ text: renderDigestText(digest) }],
  renderAlert: (alert) => [{ text: renderAlertText(alert) }],
  // The sink writes the PNG to the pictures folder and prints its path above the caption.
  renderPicture: (picture) => [{ text: picture.caption, picture: pictureFileName(picture), png: picture.png }],
  showMessage: (message) => {
    const { text, picture } = message as { text: string; picture?: string };
    return picture === undefined ? text : `[picture ${picture}]\n${text}`;
  },
};
