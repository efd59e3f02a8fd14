/**
 * Case studies go to commissioners, so the young person's names and the places in their record
 * are replaced before the text is kept for a report. What to replace comes from the case record
 * (names, local authority, placement address, key contacts); the manager can add more words.
 */
export const CHANGED_NOTICE = 'Identifying details have been changed.';

export interface IdentifyingDetails {
  /** The young person's names (legal, preferred, first, last): replaced by the pseudonym. */
  names: readonly string[];
  /** Other people's names (social worker, carer...): replaced by "[name]". */
  otherNames: readonly string[];
  /** Places (local authority, placement address and its parts, school): replaced by "[place]". */
  places: readonly string[];
}

export function anonymise(text: string, details: IdentifyingDetails, pseudonym: string): string {
  const swaps: Array<[string, string]> = [
    ...details.names.map((n) => [n, pseudonym] as [string, string]),
    ...details.otherNames.map((n) => [n, '[name]'] as [string, string]),
    ...details.places.map((p) => [p, '[place]'] as [string, string]),
  ];
  // Longest first, so "Amira Haddad" is replaced whole before "Amira" alone.
  const ordered = swaps
    .map(([from, to]) => [from.trim(), to] as [string, string])
    .filter(([from]) => from.length >= 2)
    .sort((a, b) => b[0].length - a[0].length);
  let out = text;
  for (const [from, to] of ordered) {
    // Whole words only, in any script: a letter or digit on either side means part of another word.
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(from)}(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(pattern, to);
  }
  return out;
}

/** Splits an address into the parts worth replacing ("12 Mill Lane, Chatham, ME4 4AA" -> each part). */
export function placeParts(address: string | null | undefined): string[] {
  if (!address) return [];
  const parts = address
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 3);
  return [address.trim(), ...parts];
}

/** A first name for the case study, unrelated to the real one: chosen from a short list by the case reference. */
const PSEUDONYMS = [
  'Alex',
  'Sam',
  'Jordan',
  'Riley',
  'Casey',
  'Morgan',
  'Taylor',
  'Jamie',
  'Robin',
  'Charlie',
  'Frankie',
  'Sky',
] as const;
export function suggestPseudonym(seed: string, avoid: readonly string[] = []): string {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  const lower = new Set(avoid.map((a) => a.toLowerCase()));
  for (let i = 0; i < PSEUDONYMS.length; i++) {
    const name = PSEUDONYMS[(h + i) % PSEUDONYMS.length]!;
    if (!lower.has(name.toLowerCase())) return name;
  }
  return 'the young person';
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
