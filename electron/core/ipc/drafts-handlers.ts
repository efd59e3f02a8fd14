import type { draftsMethods } from '../../../shared/ipc/drafts';
import type { HandlersFor } from './handler-types';

export const draftsHandlers: HandlersFor<keyof typeof draftsMethods> = {
  'drafts.save': (input, ctx) => {
    const savedAt = ctx.now().toISOString();
    ctx
      .db()
      .prepare(
        'INSERT INTO drafts (key, content, saved_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET content = excluded.content, saved_at = excluded.saved_at',
      )
      .run(input.key, input.content, savedAt);
    return { savedAt };
  },
  'drafts.get': (input, ctx) => {
    const row = ctx.db().prepare('SELECT content, saved_at AS savedAt FROM drafts WHERE key = ?').get(input.key) as
      { content: string; savedAt: string } | undefined;
    return row ?? null;
  },
  'drafts.discard': (input, ctx) => ({
    discarded: ctx.db().prepare('DELETE FROM drafts WHERE key = ?').run(input.key).changes > 0,
  }),
};
