import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RichNode } from '../../../shared/domain/fieldwork';
import { uuidv7 } from '../../../shared/domain/ids';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.dispose());

const doc = (text: string): RichNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/**
 * The service refuses a value over 256 KB, or with a character it cannot store. Saved on the
 * laptop, such a value would wait in the outbox for ever and stop every later change from being
 * sent; so the laptop refuses it when saving, in words the advocate can act on.
 */
describe('a note the service could never take', () => {
  it('is refused when saved, with what to do; the note keeps its last saved words and nothing waits to be sent', async () => {
    const note = await t.call('fieldwork.notes.create', { caseId: uuidv7(), title: 'Long visit' });
    const saved = doc('Visit one. '.repeat(1000));
    await t.call('fieldwork.notes.save', { id: note.id, title: 'Long visit', body: saved });
    const outbox = () => t.core.context.db().prepare('SELECT count(*) FROM outbox').pluck().get() as number;
    const waiting = outbox();

    const tooLong = t.call('fieldwork.notes.save', {
      id: note.id,
      title: 'Long visit',
      body: doc('Visit two. '.repeat(30_000)),
    });
    await expect(tooLong).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/too long to keep in one piece: over 256 KB.*Split it into two notes/),
    });
    // A note's words travel as JSON text, where a null character is escaped; a title travels as it is.
    const withNul = t.call('fieldwork.notes.save', { id: note.id, title: 'Long \u0000visit', body: saved });
    await expect(withNul).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/character Heard cannot keep/),
    });

    expect((await t.call('fieldwork.notes.get', { id: note.id })).body).toEqual(saved);
    expect(outbox()).toBe(waiting);
    // Under the limit is fine.
    await t.call('fieldwork.notes.save', {
      id: note.id,
      title: 'Long visit',
      body: doc('Visit three. '.repeat(15_000)),
    });
    expect(outbox()).toBeGreaterThan(waiting);
  });
});
