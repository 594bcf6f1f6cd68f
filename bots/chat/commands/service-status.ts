/** `/status` (operators): the service status; the asking platform knows it is connected itself. */
import type { Core } from '../../../src/create-core.js';
import type { ChatAnswer } from '../chat-answer.js';
import { currentStatusText } from '../render-status.js';

export function serviceStatus(core: Core, asking: string, isOperator: boolean): ChatAnswer {
  return isOperator ? { kind: 'status', text: currentStatusText(core, asking) } : { kind: 'operators_only' };
}
