import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { handlers } from '../../../electron/core/ipc/handlers';
import { methodNames } from '../../../shared/ipc/contract';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.dispose());

describe('the IPC dispatch path', () => {
  it('has exactly one handler for every method in the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
  });

  it('rejects an unknown method with a typed error', async () => {
    const result = await t.core.call('vault.format', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown_method', message: expect.any(String) } });
  });

  it('rejects invalid input with a plain message naming the field, without echoing the value', async () => {
    const result = await t.core.call('drafts.save', { key: 'x', content: 12345678 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toContain('Content');
    expect(result.error.message).not.toContain('12345678');
    expect(result.error.fields).toHaveProperty('content');
  });

  it('rejects unexpected fields rather than ignoring them', async () => {
    const result = await t.core.call('settings.update', { idleLockMinutes: 5, deleteEverything: true });
    expect(result.ok).toBe(false);
  });

  it('refuses record methods while locked, and allows them after unlock', async () => {
    await t.call('drafts.save', { key: 'visit:1', content: 'hello' });
    t.core.vault.lock();
    const locked = await t.core.call('drafts.get', { key: 'visit:1' });
    expect(!locked.ok && locked.error.code).toBe('locked');
    await t.restart();
    expect(await t.call('drafts.get', { key: 'visit:1' })).toMatchObject({ content: 'hello' });
  });

  it('turns an unexpected failure into a generic message and logs only its kind', async () => {
    const lines: string[] = [];
    const boom = {
      ...handlers,
      'drafts.get': () => {
        throw new Error('SQLITE said: Jayden Okafor');
      },
    };
    const result = await dispatch(boom, t.core.context, 'drafts.get', { key: 'k' }, (l) => lines.push(l));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).not.toContain('Jayden');
    expect(lines.join('\n')).not.toContain('Jayden');
    expect(lines.join('\n')).toContain('drafts.get');
  });

  it('refuses a handler output that breaks the contract instead of passing it on', async () => {
    const bad = { ...handlers, 'drafts.get': () => ({ content: 42 }) } as unknown as typeof handlers;
    const result = await dispatch(bad, t.core.context, 'drafts.get', { key: 'k' });
    expect(!result.ok && result.error.code).toBe('internal');
  });
});
