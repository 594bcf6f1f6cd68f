/** The console as a Rasid platform: digests as plain text, printed by the console sink (no connection). */
import type { ChatPlatform } from '../platform/chat-platform.js';
import { renderDigestText } from './render-console-digest.js';
import { renderAlertText } from './render-console-alert.js';

export const consolePlatform: ChatPlatform = {
  name: 'console',
  chatId: { required: false, describe: 'any name (digests print to standard output)', fallback: 'stdout' },
  renderDigest: (digest) => [{ text: renderDigestText(digest) }],
  renderAlert: (alert) => [{ text: renderAlertText(alert) }],
  showMessage: (message) => (message as { text: string }).text,
};
