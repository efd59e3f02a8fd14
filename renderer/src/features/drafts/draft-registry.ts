/**
 * Every open draft registers a flush here so that, before Heard locks (idle, suspend, lock
 * screen), everything typed is written to the encrypted store first.
 */
const flushers = new Set<() => Promise<void>>();

export function registerFlush(flush: () => Promise<void>): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

export async function flushAllDrafts(): Promise<void> {
  await Promise.allSettled([...flushers].map((f) => f()));
}
