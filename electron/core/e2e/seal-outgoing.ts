import { PLAIN_FIELD } from '../../../shared/sync/envelope';
import type { OutgoingChange } from '../../../shared/sync/protocol';
import type { ValueKeyring } from './value-keys';
import { sealValue } from './values';

/**
 * Seals every value of a batch in place, under the newest epoch held, except deleted_at (docs/e2e.md,
 * Values). A cleared field (null) is sealed too, so the service cannot tell a cleared field from a
 * filled one.
 */
export function sealChanges(changes: OutgoingChange[], keys: ValueKeyring): void {
  const current = keys.current();
  if (!current) throw new Error('No organisation key to seal with.');
  for (const c of changes) {
    if (c.field === PLAIN_FIELD) continue;
    c.value = sealValue(current, { organisationId: keys.organisationId, entity: c.entity, entityId: c.entityId, field: c.field, caseId: c.caseId }, c.mutationId, c.value) as unknown as OutgoingChange['value'];
  }
}
