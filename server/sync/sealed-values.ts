import { PLAIN_FIELD, claimsEnvelope, isEnvelope } from '../../shared/sync/envelope';
import { plainValueFits, staysPlain } from '../../shared/sync/plain-fields';
import type { OutgoingChange } from '../../shared/sync/protocol';
import { badRequest } from '../errors';

/**
 * Refuses a push that would put readable content on the service, or a sealed value no member
 * could open (docs/e2e.md, Values). Once an organisation has an epoch, every value but the few
 * the service must read (deleted_at, a case's allocation: plain-fields.ts) must be sealed under
 * one of its epochs, for the mutation that carries it; those few are always plain, and only a
 * timestamp, a person's id or null, so no words can travel in them. The whole push is
 * refused before anything is written: the laptop keeps its outbox and says why.
 */
export function checkSealing(changes: readonly OutgoingChange[], epochs: ReadonlySet<number>): void {
  for (const c of changes) {
    const v: unknown = c.value;
    if (staysPlain(c.entity, c.field)) {
      if (claimsEnvelope(v) || (epochs.size > 0 && !plainValueFits(c.field, v))) {
        throw badRequest(
          c.field === PLAIN_FIELD
            ? 'A deletion was not in the form the service accepts (a date and time, or nothing). Nothing was changed.'
            : 'An allocation was not in the form the service accepts (a person of this organisation). Nothing was changed.',
        );
      }
      continue;
    }
    if (!claimsEnvelope(v)) {
      if (epochs.size === 0) continue;
      throw badRequest(
        "This organisation's records are encrypted, but this computer sent a change that was not. Nothing was changed: your changes are kept on this computer. Update Heard, or ask a manager to let this laptop read the organisation's records.",
      );
    }
    if (!isEnvelope(v) || v.mid !== c.mutationId)
      throw badRequest('A change was sealed in a form the service does not accept. Nothing was changed.');
    if (!epochs.has(v.ep))
      throw badRequest(
        "A change was sealed under a key this organisation does not have. Nothing was changed; ask a manager to check this laptop's access.",
      );
  }
}
