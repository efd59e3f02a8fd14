import type { Db } from '../db/database';
import { splitEnrolmentCode } from './admission';
import { newDeviceKeys, saveDeviceKeys, savePendingSecret } from './local-state';
import { markEncryptionRequired } from './mode';

/**
 * What connecting adds for encryption (docs/e2e.md, Admitting a laptop): the code's service part
 * to send, and, saved with the enrolment, this laptop's new key pair and the code's secret part,
 * which never goes to the service.
 */
export async function prepareEnrolment(code: string): Promise<{ serviceCode: string; save(db: Db, now: Date): void }> {
  const { serviceCode, secret } = splitEnrolmentCode(code);
  const keys = await newDeviceKeys();
  return {
    serviceCode,
    save(db, now) {
      saveDeviceKeys(db, keys, now);
      if (!secret) return;
      savePendingSecret(db, secret);
      // Only a manager's laptop that holds the key issues a secret part, so the organisation has a
      // key: a service that then answers "no keys" is lying, and this laptop never sends plain.
      markEncryptionRequired(db);
    },
  };
}
