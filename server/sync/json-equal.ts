import { canonicalJson } from '../../shared/sync/canonical-json';
import { claimsEnvelope } from '../../shared/sync/envelope';

export { canonicalJson };

export const jsonEqual = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/**
 * Whether a pushed value repeats the one held (docs/e2e.md, Values). Sealed values are compared
 * by their keyed MAC under the same epoch, since the service cannot open them; a sealed value
 * never equals a plain one. Under different epochs the same words look different, and the
 * push is treated as a change (a conflict a person settles at worst, never a lost edit).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  const sa = claimsEnvelope(a);
  const sb = claimsEnvelope(b);
  if (sa || sb) return sa && sb && a.ep === b.ep && typeof a.m === 'string' && a.m === b.m;
  return jsonEqual(a, b);
}
