import { describe, expect, it } from 'vitest';
import { noKeychain } from '../../../electron/core/vault/keychain';
import { Vault } from '../../../electron/core/vault/vault';
import { CountingKdf, DRAFT, FAST, PASS, codeOf, freshDir, lockedVault } from './vault-helpers';

const NEXT = 'quiet meadow copper lighthouse';

describe('the front door: one passphrase checked at a time', () => {
  it('ten wrong passphrases sent at once are checked once; the other nine and an eleventh are told to wait', async () => {
    const { vault, kdf } = await lockedVault();
    const codes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => codeOf(vault.unlock(`wrong guess number ${i}`))),
    );
    expect(kdf.calls).toBe(1);
    expect(codes.filter((c) => c === 'wrong_passphrase')).toHaveLength(1);
    expect(codes.filter((c) => c === 'unlock_delayed')).toHaveLength(9);

    const eleventh = await vault.unlock(PASS).catch((e: { code: string; retryAfterMs: number; message: string }) => e);
    expect(eleventh).toMatchObject({ code: 'unlock_delayed', message: 'Please wait 1 second before trying again.' });
    expect((eleventh as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    expect(kdf.calls).toBe(1);
    expect(vault.isUnlocked).toBe(false);
  });

  it('records the attempt before the slow check: a second copy of the app sees the wait while the check runs', async () => {
    const { vault, kdf, clock } = await lockedVault();
    kdf.hold = true;
    const first = codeOf(vault.unlock('a wrong guess held mid-check'));
    await expect.poll(() => kdf.waiting).toBe(1);

    // Another process on the same folder (or this one after a crash mid-check) must not get a free guess.
    const other = new Vault(vault.dataDir, { keychain: noKeychain, kdf: kdf.kdf, now: () => clock.now });
    const status = other.status();
    expect(status.state === 'locked' && status.retryAfterMs).toBeGreaterThan(0);
    expect(await codeOf(other.unlock(PASS))).toBe('unlock_delayed');
    expect(kdf.calls).toBe(1);

    kdf.releaseAll();
    expect(await first).toBe('wrong_passphrase');
  });

  it('the right passphrase sent ten times at once unlocks once, and clears the wait', async () => {
    const { vault, kdf } = await lockedVault();
    const results = await Promise.all(Array.from({ length: 10 }, () => vault.unlock(PASS)));
    expect(results.every((s) => s.state === 'unlocked')).toBe(true);
    expect(kdf.calls).toBe(1);
    vault.lock();
    const status = vault.status();
    expect(status.state === 'locked' && status.retryAfterMs).toBe(0);
  });

  it('after the wait, the right passphrase unlocks and the records are there', async () => {
    const { vault, clock } = await lockedVault();
    expect(await codeOf(vault.unlock('not the passphrase'))).toBe('wrong_passphrase');
    expect(await codeOf(vault.unlock(PASS))).toBe('unlock_delayed');
    clock.now += 1000;
    expect((await vault.unlock(PASS)).state).toBe('unlocked');
    expect(vault.database().prepare("SELECT content FROM drafts WHERE key = 'k'").pluck().get()).toBe(DRAFT);
    vault.lock();
  });

  it('checking and changing the passphrase share the unlock wait, both ways', async () => {
    const { vault, kdf, clock } = await lockedVault();
    await vault.unlock(PASS);
    kdf.calls = 0;

    // A wrong re-check (leaving the young person's screen) makes a passphrase change wait ...
    expect(await vault.checkPassphrase('someone guessing')).toBe(false);
    expect(await codeOf(vault.changePassphrase(PASS, NEXT))).toBe('unlock_delayed');
    expect(await codeOf(vault.databaseKeyFor(PASS))).toBe('unlock_delayed');
    expect(kdf.calls).toBe(1);

    // ... and a wrong current passphrase at a change makes the next re-check wait longer.
    clock.now += 1000;
    const wrongChange = await vault
      .changePassphrase('another guess', NEXT)
      .catch((e: { code: string; retryAfterMs: number; message: string }) => e);
    expect(wrongChange).toMatchObject({ code: 'wrong_passphrase', retryAfterMs: 2000 });
    expect((wrongChange as { message: string }).message).toBe(
      'Your current passphrase is not right. Nothing has been changed. You can try again in 2 seconds.',
    );
    clock.now += 1999;
    expect(await codeOf(vault.checkPassphrase(PASS))).toBe('unlock_delayed');
    clock.now += 1;
    expect(await vault.checkPassphrase(PASS)).toBe(true);
    expect(kdf.calls).toBe(3);

    // The right one clears the count: a change now goes straight through.
    await vault.changePassphrase(PASS, NEXT);
    vault.lock();
    expect(await codeOf(vault.unlock(PASS))).toBe('wrong_passphrase');
    clock.now += 1000;
    expect((await vault.unlock(NEXT)).state).toBe('unlocked');
    vault.lock();
  });

  it('re-checks and changes sent at once while unlocked are checked one at a time', async () => {
    const { vault, kdf } = await lockedVault();
    await vault.unlock(PASS);
    kdf.calls = 0;
    const calls = [
      ...Array.from({ length: 5 }, (_, i) =>
        vault.checkPassphrase(`guess ${i}`).then(
          (ok) => (ok ? 'ok' : 'wrong'),
          (e: { code: string }) => e.code,
        ),
      ),
      ...Array.from({ length: 5 }, (_, i) => codeOf(vault.changePassphrase(`guess ${i + 5}`, NEXT))),
    ];
    const codes = await Promise.all(calls);
    expect(kdf.calls).toBe(1);
    expect(codes.filter((c) => c === 'unlock_delayed')).toHaveLength(9);
    vault.lock();
  });

  it('a wait interrupted by quitting survives: the throttle is on disk before the check', async () => {
    const { vault, kdf, clock } = await lockedVault();
    kdf.hold = true;
    void vault.unlock('guess left running at quit').catch(() => undefined);
    await expect.poll(() => kdf.waiting).toBe(1);
    // The app is gone; a new one starts on the same folder with the same clock.
    const restarted = new Vault(vault.dataDir, {
      keychain: noKeychain,
      scrypt: FAST,
      kdf: new CountingKdf().kdf,
      now: () => clock.now,
    });
    expect(await codeOf(restarted.unlock(PASS))).toBe('unlock_delayed');
    clock.now += 1000;
    expect((await restarted.unlock(PASS)).state).toBe('unlocked');
    restarted.lock();
    kdf.releaseAll();
  });
});

describe('setting up', () => {
  it('five set-ups sent at once make one store; the others are told it is already set up', async () => {
    const dir = freshDir();
    const kdf = new CountingKdf();
    const vault = new Vault(dir, { keychain: noKeychain, scrypt: FAST, kdf: kdf.kdf });
    const codes = await Promise.all(Array.from({ length: 5 }, () => codeOf(vault.setup(PASS))));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'already_set_up')).toHaveLength(4);
    expect(kdf.calls).toBe(1);
    vault.database().prepare("INSERT INTO drafts (key, content, saved_at) VALUES ('k', 'kept', '2026-01-01')").run();
    vault.lock();
    await vault.unlock(PASS);
    expect(vault.database().prepare("SELECT content FROM drafts WHERE key = 'k'").pluck().get()).toBe('kept');
    vault.lock();
  });
});
