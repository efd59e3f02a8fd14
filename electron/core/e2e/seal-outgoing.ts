import { staysPlain } from '../../../shared/sync/plain-fields';
import type { OutgoingChange } from '../../../shared/sync/protocol';
import type { ValueKeyring } from './value-keys';
import { sealValue } from './values';

/**
 * Seals every value of a batch in place, under the newest epoch held, except the few the service
 * must read (deleted_at, a case's allocation: plain-fields.ts; docs/e2e.md, Values). A cleared field (null) is sealed too, so the service cannot tell a cleared field from a
 * filled one.
 */
export function sealChanges(changes: OutgoingChange[], keys: ValueKeyring): void {
  const current = keys.current();
  if (!current) throw new Error('No organisation key to seal with.');
  for (const c of changes) {
    if (staysPlain(c.entity, c.field)) continue;
    c.value = sealValue(
      current,
      { organisationId: keys.organisationId, entity: c.entity, entityId: c.entityId, field: c.field, caseId: c.caseId },
      c.mutationId,
      c.value,
    ) as unknown as OutgoingChange['value'];
  }
}
