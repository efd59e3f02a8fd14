/**
 * JSON text with object keys sorted, so equal values give equal text whatever order their keys
 * were written in (PostgreSQL's jsonb reorders them; two laptops may build an object differently).
 * The service compares values by it, and laptops MAC it (docs/e2e.md, Values).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}
