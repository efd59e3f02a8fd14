import type { Envelope } from '../../shared/sync/envelope';
import { deriveValueKeys, openValue as open, sealValue as seal, type ValuePlace } from '../../electron/core/e2e/values';

/** Seals a value as a laptop holding `key` would, for tests that write sealed values straight to the service. */
export function sealValue(
  key: { epoch: number; key: Buffer },
  place: ValuePlace & { mutationId: string },
  value: unknown,
): Envelope {
  const { mutationId, ...at } = place;
  return seal(deriveValueKeys(place.organisationId, key.epoch, key.key), at, mutationId, value);
}

/** Opens a value found on the service at `place`; null when it does not open there. */
export function openValue(dataKey: Buffer, place: ValuePlace, sealed: Envelope): { value: unknown } | null {
  const r = open((epoch) => deriveValueKeys(place.organisationId, epoch, dataKey), place, sealed);
  return r.ok ? { value: r.value } : null;
}
