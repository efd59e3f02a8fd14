import type { Db } from '../db/database';
import { readAccount, saveTokens, type Account } from './account';
import { SyncHttpError, type SyncApi } from './transport';

/** Waits the service asks for up to this long are waited out within a run, this many times. */
const SHORT_WAIT_S = 5;
const MAX_SHORT_WAITS = 20;

/** Keeps this laptop's access token fresh and waits out the service's short waits. One per client. */
export class AccessTokens {
  private refreshing: Promise<Account> | null = null;

  constructor(
    private readonly db: () => Db,
    private readonly now: () => Date,
  ) {}

  /**
   * A short wait the service asks for (a laptop catching up sends pages faster than one device
   * may) is waited out within the run, so a long catch-up carries on; a longer one ends the run.
   */
  async withAccess<T>(api: SyncApi, fn: (token: string) => Promise<T>): Promise<T> {
    let waited = 0;
    for (;;) {
      try {
        return await this.withToken(api, fn);
      } catch (e) {
        if (!(
          e instanceof SyncHttpError &&
          e.retryAfter !== null &&
          e.retryAfter <= SHORT_WAIT_S &&
          waited < MAX_SHORT_WAITS
        ))
          throw e;
        waited++;
        await new Promise((resolve) => setTimeout(resolve, e.retryAfter! * 1000));
      }
    }
  }

  private async withToken<T>(api: SyncApi, fn: (token: string) => Promise<T>): Promise<T> {
    let acct = readAccount(this.db())!;
    // Expiry is on the service's clock; judged on this computer's clock alone, a clock a day
    // ahead would renew the token before every request, and one behind would never renew it.
    const serviceNow = this.now().getTime() - (acct.clock_offset_ms ?? 0);
    const fresh =
      acct.access_token && acct.access_expires_at && Date.parse(acct.access_expires_at) - serviceNow > 60_000;
    if (!fresh) acct = await this.refresh(api);
    try {
      return await fn(acct.access_token!);
    } catch (e) {
      if (!(e instanceof SyncHttpError && e.status === 401 && e.code === 'unauthorised')) throw e;
      acct = await this.refresh(api);
      return fn(acct.access_token!);
    }
  }

  /** One refresh at a time: presenting the same refresh token twice would revoke this device. */
  private refresh(api: SyncApi): Promise<Account> {
    this.refreshing ??= (async () => {
      const db = this.db();
      const tokens = await api.refresh(readAccount(db)!.refresh_token);
      db.transaction(() => saveTokens(db, tokens)).immediate();
      return readAccount(db)!;
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }
}
