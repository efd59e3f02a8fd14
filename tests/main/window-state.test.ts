import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, restoreBounds, saveBounds, type KeyValueStore } from '../../electron/main/window-state';

function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
}

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };

describe('window position', () => {
  it('reopens where it was left', () => {
    const store = memoryStore();
    saveBounds(store, { x: 100, y: 50, width: 1000, height: 700 });
    expect(restoreBounds(store, [laptop])).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
  });

  it('comes back on screen when the monitor it was on is gone', () => {
    const store = memoryStore({ windowBounds: { x: 2500, y: 100, width: 1000, height: 700 } });
    expect(restoreBounds(store, [laptop])).toEqual({ width: 1000, height: 700 });
  });

  it('ignores a damaged or hand-edited setting', () => {
    expect(restoreBounds(memoryStore({ windowBounds: 'huge' }), [laptop])).toEqual(DEFAULT_BOUNDS);
    expect(restoreBounds(memoryStore({ windowBounds: { x: 0, y: 0, width: 5, height: 5 } }), [laptop])).toEqual(
      DEFAULT_BOUNDS,
    );
    const store = memoryStore();
    saveBounds(store, { x: 0, y: 0, width: Number.NaN, height: 700 });
    expect(store.data.size).toBe(0);
  });
});
