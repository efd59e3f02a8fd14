import { councilByCode, councils, sharedAreaNames, type Council } from './councils';

/**
 * Matching what someone typed (or a spreadsheet holds) to a council. It accepts the usual ways of
 * writing a council's name ("Lancashire", "Lancashire County Council", "LANCASHIRE CC",
 * "E10000017") but never guesses: a name that is not one of the known names or short forms is not
 * matched, however close, and is returned with suggestions for a person to choose from.
 */
export type CouncilMatch =
  | { kind: 'match'; council: Council }
  | { kind: 'ambiguous'; candidates: Council[] }
  | { kind: 'none'; suggestions: Council[] }
  | { kind: 'empty' };

/** Lower case, no accents or punctuation, "&" as "and", single spaces. */
export function normaliseCouncilText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .trim();
}

const prefixes = [
  'the ',
  'london borough of ',
  'royal borough of ',
  'metropolitan borough of ',
  'city and county of ',
  'county borough of ',
  'borough of ',
  'city of ',
  'county of ',
  'council of the ',
  'council of ',
  'lb ',
  'rb ',
  'county ',
];
const suffixes = [
  ' metropolitan borough council',
  ' metropolitan district council',
  ' county borough council',
  ' borough council',
  ' district council',
  ' county council',
  ' city council',
  ' unitary authority',
  ' council',
  ' childrens services',
  ' children services',
  ' childrens social care',
  ' childrens social services',
  ' childrens services department',
  ' social services',
  ' social care',
  ' local authority',
  ' metropolitan borough',
  ' city of',
  ' county of',
  ' corporation',
  ' county',
  ' city',
  ' borough',
  ' mbc',
  ' mdc',
  ' lbc',
  ' cc',
  ' bc',
  ' ua',
  ' la',
];

/** The name with the words around it ("London Borough of", "County Council", "children's services") taken off. */
export function councilCore(normalised: string): string {
  let s = normalised;
  for (let changed = true; changed;) {
    changed = false;
    for (const p of prefixes) {
      // "City of London" is a council; "London" alone is every London borough.
      if (s.startsWith(p) && s.length > p.length && !(p === 'city of ' && /^city of london\b/.test(s))) {
        s = s.slice(p.length);
        changed = true;
      }
    }
    for (const x of suffixes) {
      if (s.endsWith(x) && s.length > x.length) {
        s = s.slice(0, -x.length);
        changed = true;
      }
    }
  }
  return s;
}

/** Every key a council is known by, to the councils it may mean. */
const index = new Map<string, Set<string>>();
const addKey = (text: string, code: string) => {
  for (const key of new Set([normaliseCouncilText(text), councilCore(normaliseCouncilText(text))])) {
    if (!key) continue;
    const codes = index.get(key) ?? new Set<string>();
    codes.add(code);
    index.set(key, codes);
  }
};
for (const c of councils) for (const name of [c.code, c.name, ...c.also]) addKey(name, c.code);
for (const [area, codes] of Object.entries(sharedAreaNames)) for (const code of codes) addKey(area, code);

const lookup = (key: string): string[] => [...(index.get(key) ?? [])];

export function matchCouncil(text: string | null | undefined): CouncilMatch {
  const normalised = normaliseCouncilText(text ?? '');
  if (!normalised) return { kind: 'empty' };
  const exact = lookup(normalised);
  const codes = exact.length > 0 ? exact : lookup(councilCore(normalised));
  if (codes.length === 1) return { kind: 'match', council: councilByCode(codes[0]!)! };
  if (codes.length > 1) return { kind: 'ambiguous', candidates: codes.map((c) => councilByCode(c)!).sort(byName) };
  return { kind: 'none', suggestions: suggestCouncils(councilCore(normalised)) };
}

const byName = (a: Council, b: Council) => a.name.localeCompare(b.name, 'en-GB');

/** Councils whose names are a slip of the keyboard away, for a person to choose from; never chosen for them. */
function suggestCouncils(core: string, limit = 5): Council[] {
  if (core.length < 3) return [];
  const scored = new Map<string, number>();
  for (const [key, codes] of index) {
    const allowed = Math.min(3, Math.floor(Math.max(key.length, core.length) / 4));
    const d = key.startsWith(core) && core.length >= 4 ? 0.5 : editDistance(core, key, allowed);
    if (d > allowed) continue;
    for (const code of codes) scored.set(code, Math.min(scored.get(code) ?? Infinity, d));
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || byName(councilByCode(a[0])!, councilByCode(b[0])!))
    .slice(0, limit)
    .map(([code]) => councilByCode(code)!);
}

/** Optimal string alignment distance, stopping early once it must exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * What to keep for a council given as a code or as words: the council's code when the words name
 * exactly one council, otherwise the words as typed (trimmed), for a person to choose later.
 */
export function storedCouncil(value: string): string {
  const code = councilCodeFor(value);
  return code ?? value.trim();
}

/** The code to keep for what was typed when it names exactly one council; otherwise null. */
export function councilCodeFor(text: string | null | undefined): string | null {
  const m = matchCouncil(text);
  return m.kind === 'match' ? m.council.code : null;
}
