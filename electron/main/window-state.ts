import { z } from 'zod';

export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of electron-store we use; a Map-like fake stands in for it in tests. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export const DEFAULT_BOUNDS: Bounds = { width: 1200, height: 800 };
const KEY = 'windowBounds';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
});

/**
 * Where the window opens: the saved place if it is still on one of the screens (monitors get
 * unplugged between visits), otherwise a default size centred by the OS.
 */
export function restoreBounds(store: KeyValueStore, workAreas: readonly Rect[]): Bounds {
  const parsed = boundsSchema.safeParse(store.get(KEY));
  if (!parsed.success) return { ...DEFAULT_BOUNDS };
  const saved = parsed.data;
  const visible = workAreas.some((area) => overlap(saved, area) >= 100 * 100);
  return visible ? saved : { width: saved.width, height: saved.height };
}

export function saveBounds(store: KeyValueStore, bounds: Rect): void {
  const parsed = boundsSchema.safeParse(bounds);
  if (parsed.success) store.set(KEY, parsed.data);
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
