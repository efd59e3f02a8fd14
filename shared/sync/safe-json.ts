/**
 * What the service will store of a pushed value. PostgreSQL cannot hold a NUL character or half
 * of a surrogate pair in text or jsonb, and when it refuses one its error (and so its log) quotes
 * the value around it; deep nesting costs the service stack and time for nothing a record needs.
 * So both ends refuse such values before anything is sent to the database.
 */
export const MAX_JSON_DEPTH = 32;
/**
 * The most one field's value may hold, in UTF-8 bytes of its text (numbers and the like count 8).
 * A note of fifty pages is well under it; anything larger is not a record's field.
 */
export const MAX_VALUE_BYTES = 256 * 1024;

/** A NUL, a high surrogate not followed by a low one, or a low surrogate without a high one before it. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function storableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

export type JsonProblem = 'too_deep' | 'unstorable_text' | 'too_large';

/** UTF-8 length without encoding: a surrogate pair is two units of 2 bytes, so 4 in all. */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

/**
 * Null if the value may be stored; otherwise why not. Iterative, so a hostile depth cannot
 * exhaust the stack before the limit is noticed.
 */
export function jsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH, maxBytes = MAX_VALUE_BYTES): JsonProblem | null {
  const stack: [unknown, number][] = [[value, 0]];
  let bytes = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (!storableText(v)) return 'unstorable_text';
      bytes += utf8Length(v);
      if (bytes > maxBytes) return 'too_large';
      continue;
    }
    bytes += 8;
    if (bytes > maxBytes) return 'too_large';
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return 'too_deep';
    if (Array.isArray(v)) {
      for (const item of v) stack.push([item, depth + 1]);
      continue;
    }
    for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
      if (!storableText(k)) return 'unstorable_text';
      bytes += utf8Length(k);
      stack.push([item, depth + 1]);
    }
  }
  return null;
}
