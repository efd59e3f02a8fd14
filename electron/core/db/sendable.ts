import { AppError } from '../../../shared/ipc/errors';
import { jsonProblem, MAX_VALUE_BYTES, type JsonProblem } from '../../../shared/sync/safe-json';

/**
 * What the service refuses (shared/sync/safe-json.ts) is refused here too, before it is saved: a
 * value the service will not take would sit in the outbox and stop every sync from this
 * computer, with no way for the person to fix it. Refused when saving, the person is told at
 * once, while the words are still on the screen.
 */
const words: Record<JsonProblem, string> = {
  too_large: `This is too long to keep in one piece: over ${MAX_VALUE_BYTES / 1024} KB (about 40,000 words). Split it into two notes. The latest changes on screen are not saved yet.`,
  unstorable_text:
    'This holds a character Heard cannot keep (such as a null character or half of an emoji), perhaps from pasted text. Remove it and try again. The latest changes on screen are not saved yet.',
  too_deep: 'This is nested too deeply for Heard to keep. The latest changes on screen are not saved yet.',
};

export function assertSendable(values: Iterable<unknown>): void {
  for (const v of values) {
    const problem = jsonProblem(v);
    if (problem) throw new AppError('invalid_input', words[problem]);
  }
}
