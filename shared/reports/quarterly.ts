import {
  closureOutcomes,
  genders,
  issueCodes,
  referralSources,
  serviceUserTypes,
  type ClosureOutcome,
  type Gender,
  type IssueCode,
  type ReferralSource,
  type ServiceUserType,
  type Urgency,
} from '../domain/codes';
import { advocacyTypes } from '../domain/caseload';
import {
  disabilityStatuses,
  ethnicityCodes,
  type DisabilityStatus,
  type EthnicityCode,
  type PlacementArea,
} from '../domain/equality';
import { activityFigures, noActivity, type ActivityFigures, type Note, type ReportActivity } from './activity';
import { ageBandOf, ageOn, daysBetween, reportAgeBands, type ReportAgeBand } from './age';
import { summariseFeedback, type FeedbackFormRecord, type FeedbackSummary } from './feedback';
import { inPeriod, type Period } from './period';
import { median, percent } from './rounding';
import { storedCouncil } from '../domain/council-match';
import { councilName } from '../domain/councils';

/**
 * One referral, shaped like a row of the caseload's CSV import format (codes as there; dates ISO;
 * empty cells as null). Names are not needed and never passed in.
 */
export interface ReportReferral {
  reference: string;
  person_reference: string | null;
  date_of_birth: string | null;
  gender: Gender | null;
  service_user_type: ServiceUserType | null;
  local_authority: string | null;
  /** A referral without a date is never a new referral, but its closure still counts. */
  referral_date: string | null;
  referral_source: ReferralSource | null;
  issues: readonly IssueCode[];
  urgency: Urgency | null;
  allocated_to: string | null;
  allocation_date: string | null;
  closure_date: string | null;
  closure_outcome: ClosureOutcome | null;
  /** A DfE ethnicity code; none recorded counts as NOBT ("information not yet obtained"). */
  ethnicity?: EthnicityCode | null;
  disability_status?: DisabilityStatus | null;
  advocacy_type?: AdvocacyType | null;
  placement_area?: PlacementArea | null;
}

export type AdvocacyType = (typeof advocacyTypes)[number];

/** Key used where a record has no value (no date of birth, no local authority, no outcome...). */
export const NOT_KNOWN = 'not_known';

export type ReportOutcome = ClosureOutcome | 'not_recorded';
export const reportOutcomes: readonly ReportOutcome[] = [...closureOutcomes, 'not_recorded'];

/**
 * The quarterly figures. Every code of each list appears as a key, with 0 where nothing was
 * counted, so a CSV or chart has the same rows every quarter. Local authorities are keyed by ONS
 * code (words never matched to a council stay as typed); those found among the period's referrals
 * appear, sorted.
 */
export interface QuarterlyReport {
  period: Period;
  /** Referrals whose referral date is in the period. The figures down to `allocated` count these. */
  newReferrals: number;
  byServiceUserType: Record<ServiceUserType | typeof NOT_KNOWN, number>;
  byAgeBand: Record<ReportAgeBand, number>;
  /** A referral with two issues counts under both, so this can add up to more than `newReferrals`. */
  byIssue: Record<IssueCode, number>;
  byGender: Record<Gender | typeof NOT_KNOWN, number>;
  bySource: Record<ReferralSource | typeof NOT_KNOWN, number>;
  byLocalAuthority: Record<string, number>;
  issuesByAgeBand: Record<ReportAgeBand, Record<IssueCode, number>>;
  /**
   * New referrals with an allocation date on or before the period's last day (so re-running a
   * past quarter's report later gives the same figures). Percent of new referrals; median of
   * whole days from referral to allocation.
   */
  allocated: { count: number; percent: number | null; medianDaysToAllocation: number | null };
  /** Cases whose closure date is in the period, whenever they were referred. Percent of `total`. */
  closed: {
    total: number;
    byOutcome: Record<ReportOutcome, number>;
    percentByOutcome: Record<ReportOutcome, number | null>;
  };
  /** Referrals both made and closed in the period; percent of new referrals. */
  briefInterventions: { count: number; percentOfNewReferrals: number | null };
  feedback: FeedbackSummary;
  byEthnicity: Record<EthnicityCode, number>;
  byDisability: Record<DisabilityStatus, number>;
  /** Referrals with no recorded type count as instructed, the service's default. */
  byAdvocacyType: Record<AdvocacyType, number>;
  /** New referrals of young people placed outside their council's area; percent of new referrals. */
  outOfArea: { count: number; percent: number | null };
  /**
   * New referrals of a person who had another referral closed in the 365 days up to and
   * including this referral's date; percent of new referrals.
   */
  reReferrals: { count: number; percent: number | null };
}

export type FullReport = QuarterlyReport & ActivityFigures;

/**
 * Every figure of the report. `note`, when given, is told each case behind each count (by its
 * reference), so the cases behind a number come from the very same counting.
 */
export function quarterlyReport(
  referrals: readonly ReportReferral[],
  forms: readonly FeedbackFormRecord[],
  period: Period,
  activity: ReportActivity = noActivity,
  note?: Note,
): FullReport {
  const fresh = referrals.filter((r) => inPeriod(r.referral_date, period));
  const byEthnicity = zeroes(ethnicityCodes);
  const byDisability = zeroes(disabilityStatuses);
  const byAdvocacyType = zeroes(advocacyTypes);
  let outOfArea = 0;
  const lastClosures = closuresByPerson(referrals);
  let reReferrals = 0;
  const byServiceUserType = zeroes([...serviceUserTypes, NOT_KNOWN] as const);
  const byAgeBand = zeroes(reportAgeBands);
  const byIssue = zeroes(issueCodes);
  const byGender = zeroes([...genders, NOT_KNOWN] as const);
  const bySource = zeroes([...referralSources, NOT_KNOWN] as const);
  // A Map, not an object: local authority names are typed in, and "__proto__" must stay a name.
  const byLocalAuthority = new Map<string, number>();
  const issuesByAgeBand = Object.fromEntries(
    reportAgeBands.map((b) => [b, zeroes(issueCodes)]),
  ) as QuarterlyReport['issuesByAgeBand'];
  const waits: number[] = [];
  let briefCount = 0;

  for (const r of fresh) {
    byServiceUserType[known(r.service_user_type, byServiceUserType)] += 1;
    const referred = r.referral_date!.slice(0, 10);
    const band = ageBandOf(ageOn(r.date_of_birth, referred)) ?? NOT_KNOWN;
    byAgeBand[band] += 1;
    // A code listed twice on one referral is still one issue of that theme.
    for (const raw of r.issues.length > 1 ? new Set(r.issues) : r.issues) {
      // A code from a newer version of Heard (arrived by sync) is counted as "other", not lost.
      const code: IssueCode = Object.prototype.hasOwnProperty.call(byIssue, raw) ? raw : 'OTHER';
      byIssue[code] += 1;
      issuesByAgeBand[band][code] += 1;
    }
    byGender[known(r.gender, byGender)] += 1;
    bySource[known(r.referral_source, bySource)] += 1;
    // Keyed by the council's code, so "Lancashire" typed before councils were chosen from a list counts with E10000017.
    const la = r.local_authority?.trim() ? storedCouncil(r.local_authority) : NOT_KNOWN;
    byLocalAuthority.set(la, (byLocalAuthority.get(la) ?? 0) + 1);
    if (r.allocation_date && r.allocation_date.slice(0, 10) <= period.to)
      waits.push(Math.max(0, daysBetween(referred, r.allocation_date.slice(0, 10))));
    if (inPeriod(r.closure_date, period)) briefCount += 1;
    const ethnicity: EthnicityCode =
      r.ethnicity && Object.prototype.hasOwnProperty.call(byEthnicity, r.ethnicity) ? r.ethnicity : 'NOBT';
    byEthnicity[ethnicity] += 1;
    const disability = known(r.disability_status ?? null, byDisability);
    byDisability[disability] += 1;
    const advocacy = r.advocacy_type === 'non_instructed' ? 'non_instructed' : 'instructed';
    byAdvocacyType[advocacy] += 1;
    if (r.placement_area === 'out_of_area') {
      outOfArea += 1;
      note?.('outOfArea', 'count', r.reference);
    }
    if (isReReferral(r, referred, lastClosures)) {
      reReferrals += 1;
      note?.('reReferrals', 'count', r.reference);
    }
    if (note) {
      note('newReferrals', 'total', r.reference);
      note('byServiceUserType', known(r.service_user_type, byServiceUserType), r.reference);
      note('byAgeBand', band, r.reference);
      for (const raw of new Set(r.issues)) {
        const code = Object.prototype.hasOwnProperty.call(byIssue, raw) ? raw : 'OTHER';
        note('byIssue', code, r.reference);
        note('issuesByAgeBand', `${band}:${code}`, r.reference);
      }
      note('byGender', known(r.gender, byGender), r.reference);
      note('bySource', known(r.referral_source, bySource), r.reference);
      note('byLocalAuthority', la, r.reference);
      if (r.allocation_date && r.allocation_date.slice(0, 10) <= period.to) note('allocated', 'count', r.reference);
      if (inPeriod(r.closure_date, period)) note('briefInterventions', 'count', r.reference);
      note('byEthnicity', ethnicity, r.reference);
      note('byDisability', disability, r.reference);
      note('byAdvocacyType', advocacy, r.reference);
    }
  }

  const closedCases = referrals.filter((r) => inPeriod(r.closure_date, period));
  const byOutcome = zeroes(reportOutcomes);
  for (const r of closedCases) {
    const outcome =
      r.closure_outcome && Object.prototype.hasOwnProperty.call(byOutcome, r.closure_outcome)
        ? r.closure_outcome
        : 'not_recorded';
    byOutcome[outcome] += 1;
    note?.('closed', outcome, r.reference);
    note?.('closed', 'total', r.reference);
  }
  const percentByOutcome = Object.fromEntries(
    reportOutcomes.map((o) => [o, percent(byOutcome[o], closedCases.length)]),
  ) as Record<ReportOutcome, number | null>;

  return {
    period: { from: period.from, to: period.to },
    newReferrals: fresh.length,
    byServiceUserType,
    byAgeBand,
    byIssue,
    byGender,
    bySource,
    byLocalAuthority: sortedKeys(byLocalAuthority),
    issuesByAgeBand,
    allocated: {
      count: waits.length,
      percent: percent(waits.length, fresh.length),
      medianDaysToAllocation: median(waits),
    },
    closed: { total: closedCases.length, byOutcome, percentByOutcome },
    briefInterventions: { count: briefCount, percentOfNewReferrals: percent(briefCount, fresh.length) },
    feedback: summariseFeedback(forms, period),
    byEthnicity,
    byDisability,
    byAdvocacyType,
    outOfArea: { count: outOfArea, percent: percent(outOfArea, fresh.length) },
    reReferrals: { count: reReferrals, percent: percent(reReferrals, fresh.length) },
    ...activityFigures(activity, period, note),
  };
}

/** Each person's referrals' closure days, for finding re-referrals. */
function closuresByPerson(
  referrals: readonly ReportReferral[],
): Map<string, Array<{ reference: string; closed: string }>> {
  const out = new Map<string, Array<{ reference: string; closed: string }>>();
  for (const r of referrals) {
    if (!r.person_reference || !r.closure_date || r.closure_date.length < 10) continue;
    const list = out.get(r.person_reference);
    const entry = { reference: r.reference, closed: r.closure_date.slice(0, 10) };
    if (list) list.push(entry);
    else out.set(r.person_reference, [entry]);
  }
  return out;
}

/** Another of the person's referrals was closed on this referral's day or in the 365 days before it. */
function isReReferral(
  r: ReportReferral,
  referred: string,
  closures: Map<string, Array<{ reference: string; closed: string }>>,
): boolean {
  if (!r.person_reference) return false;
  const list = closures.get(r.person_reference);
  if (!list) return false;
  return list.some(
    (c) => c.reference !== r.reference && c.closed <= referred && daysBetween(c.closed, referred) <= 365,
  );
}

/** The references of the cases behind one figure, counted by the very same function as the figure. */
export function casesBehind(
  referrals: readonly ReportReferral[],
  period: Period,
  activity: ReportActivity,
  figure: string,
  code: string,
): string[] {
  const found = new Set<string>();
  quarterlyReport(referrals, [], period, activity, (f, c, reference) => {
    if (f === figure && c === code) found.add(reference);
  });
  return [...found].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }));
}

/** The value if it is one of the report's keys, else "not_known" (missing, or a code this version does not know). */
function known<K extends string>(
  value: string | null,
  counts: Record<K | typeof NOT_KNOWN, number>,
): K | typeof NOT_KNOWN {
  return value !== null && Object.prototype.hasOwnProperty.call(counts, value) ? (value as K) : NOT_KNOWN;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function sortedKeys(counts: Map<string, number>): Record<string, number> {
  // In the order of the names people read (codes sort otherwise), "not recorded" last.
  const keys = [...counts.keys()].sort((a, b) =>
    a === NOT_KNOWN ? 1 : b === NOT_KNOWN ? -1 : councilName(a).localeCompare(councilName(b), 'en-GB'),
  );
  return Object.fromEntries(keys.map((k) => [k, counts.get(k)!]));
}
