import { describe, expect, it } from 'vitest';
import { m0024 } from '../../../electron/core/db/migrations/0024-online-referrals';
import { migrate } from '../../../electron/core/db/migrate';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();

describe('migration 0024 online referrals', () => {
  it('keeps every referral as it was, none marked online or with a possible match', () => {
    const { before, through } = storeUpgrade(m0024);
    const db = stores.open(before);
    db.prepare(
      "INSERT INTO referrals (id, reference, status, urgency, advocacy_type, request) VALUES ('r1', 'R26-AAAAA', 'awaiting_allocation', 'standard', 'instructed', 'Wants to see her brother')",
    ).run();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(24);
    expect(
      db.prepare('SELECT reference, request, received_via, possible_match, match_decision FROM referrals').get(),
    ).toEqual({
      reference: 'R26-AAAAA',
      request: 'Wants to see her brother',
      received_via: null,
      possible_match: null,
      match_decision: null,
    });
  });
});
