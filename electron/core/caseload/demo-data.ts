import type { IssueCode, ServiceUserType } from '../../../shared/domain/codes';
import { closureOutcomes, issueOutcomes, referralSources } from '../../../shared/domain/codes';
import type { StatusTag } from '../../../shared/domain/caseload';
import { todayIso } from '../../../shared/domain/dates';
import { uuidv7 } from '../../../shared/domain/ids';
import { seededRandom } from '../../../shared/domain/seeded-random';
import type { Db } from '../db/database';
import type { Writer } from '../db/mutations';
import type { CoreContext } from '../ipc/handler-types';
import { demoAdvocateNames, demoFirstNames, demoIssueWords, demoLastNames, demoLocalAuthorities } from './demo-names';
import { storedCouncil } from '../../../shared/domain/council-match';
import { daysBetween } from './referrals';

/**
 * Synthetic records for trying Heard and for benchmarks: a 30-advocate service over five years
 * (about 10,000 people and 12,000 referrals). The same seed gives the same records. Written
 * through the Writer in batches, like any other change.
 */
type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [v, w] of items) if ((r -= w) < 0) return v;
  return items[items.length - 1]![0];
}
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const TYPES: readonly (readonly [ServiceUserType, number])[] = [
  ['CIC', 40],
  ['CL', 18],
  ['CP', 14],
  ['CIN', 9],
  ['FGC', 6],
  ['JA', 4],
  ['PARENT', 6],
  ['OTHER', 3],
];
const ISSUES_BY_TYPE: Record<ServiceUserType, IssueCode[]> = {
  CIC: [
    'PLACEMENT',
    'CONTACT',
    'SOCIAL_WORKER',
    'EDUCATION',
    'COMPLAINT',
    'SUPPORT_AT_MEETINGS',
    'HEALTH',
    'IMMIGRATION',
    'DISABILITY',
  ],
  CL: ['LEAVING_CARE', 'HOUSING', 'PA', 'COMPLAINT', 'EDUCATION', 'YOUNG_PARENT'],
  CP: ['CP_MEETINGS', 'SUPPORT_AT_MEETINGS', 'CONTACT'],
  CIN: ['SOCIAL_WORKER', 'EDUCATION', 'SUPPORT_AT_MEETINGS', 'DISABILITY'],
  FGC: ['FGC', 'CONTACT'],
  JA: ['HOUSING', 'SOCIAL_WORKER'],
  PARENT: ['CP_MEETINGS', 'YOUNG_PARENT', 'CONTACT'],
  OTHER: ['OTHER', 'COMPLAINT'],
};
const TAG_OF: Partial<Record<ServiceUserType, StatusTag>> = {
  CIC: 'CIC',
  CL: 'CL',
  CP: 'CP',
  CIN: 'CIN',
  FGC: 'FGC',
  JA: 'JA',
};
const AGE_RANGE: Record<ServiceUserType, [number, number]> = {
  CIC: [6, 17],
  CL: [18, 24],
  CP: [5, 17],
  CIN: [8, 17],
  FGC: [5, 16],
  JA: [16, 17],
  PARENT: [19, 45],
  OTHER: [10, 17],
};

export interface DemoOptions {
  referrals: number;
  seed?: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export function createDemoData(
  ctx: CoreContext,
  options: DemoOptions,
): { referrals: number; people: number; advocates: number } {
  const rng = seededRandom(options.seed ?? 20260101);
  const now = ctx.now();
  const today = todayIso(now);
  const start = addDays(today, -5 * 365);
  const at = now.toISOString();

  const advocates = ctx.write((w, db) => ensureAdvocates(w, db, now));
  const firstSeq =
    (ctx.db().prepare("SELECT count(*) FROM referrals WHERE reference LIKE 'DEMO-%'").pluck().get() as number) + 1;
  const batch = options.batchSize ?? 500;
  let people = 0;
  let done = 0;
  // Most people have one referral; some come back (about 12,000 referrals for 10,000 people).
  let person: { id: string; dob: string; type: ServiceUserType; la: string } | null = null;
  while (done < options.referrals) {
    const n = Math.min(batch, options.referrals - done);
    ctx.write((w) => {
      for (let i = 0; i < n; i++) {
        const seq = firstSeq + done + i;
        const referralDate = addDays(start, Math.floor(((done + i) / options.referrals) * 5 * 365 + rng() * 20) - 10);
        const date = referralDate > today ? today : referralDate < start ? start : referralDate;
        if (!person || rng() > 0.17) {
          const type = weighted(rng, TYPES);
          const [lo, hi] = AGE_RANGE[type];
          const age = lo + Math.floor(rng() * (hi - lo + 1));
          person = {
            id: uuidv7(now.getTime()),
            dob: addDays(date, -Math.floor(age * 365.25 + rng() * 364)),
            type,
            la: pick(rng, demoLocalAuthorities),
          };
          writePerson(w, rng, person, at);
          people++;
        }
        // The newest referrals are still waiting in triage, as in a real service.
        const waiting = done + i >= options.referrals - Math.max(3, Math.round(options.referrals * 0.008));
        writeReferral(w, rng, { seq, person, date, today, at, advocates, waiting });
      }
    });
    done += n;
    options.onProgress?.(done, options.referrals);
  }
  return { referrals: done, people, advocates: advocates.length };
}

function ensureAdvocates(w: Writer, db: Db, now: Date): string[] {
  const existing = new Map(
    (
      db.prepare('SELECT lower(name) AS n, id FROM advocates WHERE deleted_at IS NULL').all() as Array<{
        n: string;
        id: string;
      }>
    ).map((r) => [r.n, r.id]),
  );
  const ids = demoAdvocateNames.map((name) => {
    const found = existing.get(name.toLowerCase());
    if (found) return found;
    const id = uuidv7(now.getTime());
    w.upsert('advocate', id, null, { name, role: 'advocate' });
    return id;
  });
  // The person trying the demo sees a caseload of their own: they are one of the service's advocates.
  const me = db.prepare("SELECT value FROM meta WHERE key = 'current_advocate_id'").pluck().get() as string | undefined;
  if (me) ids[0] = me;
  else {
    db.prepare("INSERT INTO meta (key, value) VALUES ('current_advocate_id', ?), ('current_advocate_named', '1')").run(
      ids[0],
    );
  }
  return ids;
}

function writePerson(
  w: Writer,
  rng: Rng,
  p: { id: string; dob: string; type: ServiceUserType; la: string },
  at: string,
): void {
  const tag = TAG_OF[p.type];
  const tags: StatusTag[] = tag ? [tag] : [];
  if (rng() < 0.06) tags.push('UASC');
  if (rng() < 0.1) tags.push('SEND');
  const preferred = rng() < 0.15 ? pick(rng, demoFirstNames) : null;
  w.upsert('person', p.id, null, {
    kind: p.type === 'PARENT' ? 'parent' : 'young_person',
    first_name: pick(rng, demoFirstNames),
    last_name: pick(rng, demoLastNames),
    preferred_name: preferred,
    date_of_birth: p.dob,
    gender: weighted(rng, [
      ['female', 47],
      ['male', 47],
      ['non_binary', 2],
      ['transgender', 1],
      ['other', 1],
      ['not_known', 2],
    ] as const),
    first_language: weighted(rng, [
      ['English', 78],
      ['Arabic', 4],
      ['Pashto', 3],
      ['Dari', 2],
      ['Kurdish', 2],
      ['Tigrinya', 3],
      ['Polish', 3],
      ['Vietnamese', 2],
      ['Romanian', 3],
    ] as const),
    status_tags: tags,
    local_authority: storedCouncil(p.la),
    placement_in_area: rng() < 0.7,
    key_contacts: [],
    created_at: at,
  });
}

function writeReferral(
  w: Writer,
  rng: Rng,
  r: {
    seq: number;
    person: { id: string; type: ServiceUserType };
    date: string;
    today: string;
    at: string;
    advocates: string[];
    waiting: boolean;
  },
): void {
  const caseId = uuidv7(Date.parse(`${r.date}T09:00:00Z`));
  const age = daysBetween(r.date, r.today);
  const allocated = !r.waiting && (age > 21 || rng() < Math.min(0.9, age / 21));
  const allocationDate = allocated ? addDays(r.date, Math.min(age, Math.floor(rng() * rng() * 30))) : null;
  const closed = allocated && age > 45 && rng() < Math.min(0.97, age / 200);
  const closureDate = closed
    ? addDays(allocationDate!, Math.min(daysBetween(allocationDate!, r.today), 10 + Math.floor(rng() * 170)))
    : null;
  const urgency = weighted(rng, [
    ['urgent', 8],
    ['high', 22],
    ['standard', 70],
  ] as const);
  w.upsert('referral', caseId, caseId, {
    reference: `DEMO-${String(r.seq).padStart(6, '0')}`,
    person_id: r.person.id,
    referral_date: r.date,
    source: weighted(
      rng,
      referralSources.map((s, i) => [s, [40, 15, 10, 8, 12, 5, 10][i]!] as const),
    ),
    service_user_type: r.person.type,
    urgency,
    urgency_reason: urgency === 'standard' ? null : 'Meeting soon',
    advocacy_type: rng() < 0.93 ? 'instructed' : 'non_instructed',
    status: closed ? 'closed' : allocated ? 'open' : 'awaiting_allocation',
    allocated_to: allocated ? pick(rng, r.advocates) : null,
    allocation_date: allocationDate,
    days_to_allocation: allocationDate ? daysBetween(r.date, allocationDate) : null,
    closure_date: closureDate,
    closure_outcome: closed
      ? weighted(
          rng,
          closureOutcomes.map((o, i) => [o, [55, 15, 8, 12, 10][i]!] as const),
        )
      : null,
    created_at: r.at,
  });
  const codes = ISSUES_BY_TYPE[r.person.type];
  const count = 1 + Math.floor(rng() * rng() * 3);
  const used = new Set<IssueCode>();
  for (let i = 0; i < count; i++) {
    const code = pick(rng, codes);
    if (used.has(code)) continue;
    used.add(code);
    const [description, wanted] = pick(rng, demoIssueWords[code] ?? demoIssueWords.OTHER!);
    w.upsert('referral_issue', uuidv7(Date.parse(`${r.date}T09:00:00Z`)), caseId, {
      referral_id: caseId,
      code,
      description,
      wanted_outcome: wanted,
      status: closed ? 'resolved' : 'open',
      outcome: closed
        ? weighted(
            rng,
            issueOutcomes.map((o, j) => [o, [55, 20, 15, 10][j]!] as const),
          )
        : null,
      created_at: r.at,
    });
  }
}
