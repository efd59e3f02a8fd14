import { issueCodes, issueOutcomes, type IssueCode } from '../../shared/domain/codes';
import { complaintOutcomes, complaintStages } from '../../shared/domain/complaint-deadlines';
import { systemicAreas } from '../../shared/domain/equality';
import { contactTypes } from '../../shared/domain/fieldwork';
import { attendanceValues, meetingTypes, viewsPresentedValues, wishesReflectedValues } from '../../shared/domain/meetings';
import type { ReportActivity, ReportMeeting } from '../../shared/reports/activity';

/*
 * The casework behind the organisation's report, rebuilt from synced fields like the referrals:
 * every value that is not a known code is left out or counted as not known, never trusted.
 */
type Fields = Map<string, unknown>;
export const ACTIVITY_ENTITIES = ['contact', 'complaint', 'letter', 'safeguarding_record', 'meeting', 'meeting_debrief', 'systemic_issue'];

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
function code<T extends string>(v: unknown, list: readonly T[]): T | null {
  return typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : null;
}

/**
 * `referenceOf` gives a live case's reference (null for a deleted or unknown case); `issues`
 * are the referral issues with their case's closure day, as the desktop reads them.
 */
export function organisationActivity(
  e: Map<string, Map<string, Fields>>,
  referenceOf: (caseId: string | null) => string | null,
  issues: Iterable<{ caseId: string; fields: Fields; caseClosed: string | null }>,
  outOfArea: (caseId: string) => boolean,
): ReportActivity {
  const all = (entity: string): Array<[string, Fields]> => [...(e.get(entity) ?? new Map<string, Fields>()).entries()];
  const withCase = <T>(entity: string, map: (f: Fields, reference: string, caseId: string, id: string) => T | null): T[] =>
    all(entity).flatMap(([id, f]) => {
      const caseId = str(f.get('case_id'));
      const reference = referenceOf(caseId);
      const out = reference && caseId ? map(f, reference, caseId, id) : null;
      return out === null ? [] : [out];
    });

  const reportIssues = [...issues].flatMap(({ caseId, fields: f, caseClosed }) => {
    const reference = referenceOf(caseId);
    const c = code<IssueCode>(f.get('code'), issueCodes);
    if (!reference || !c) return [];
    const outcome = code(f.get('outcome'), issueOutcomes);
    const resolved = f.get('status') === 'resolved' || outcome !== null;
    return [{ reference, code: c, outcome, closed_on: str(f.get('closed_on')) ?? (resolved ? caseClosed : null) }];
  });

  const debriefs = new Map<string, Fields>();
  for (const [, f] of all('meeting_debrief')) {
    const m = str(f.get('meeting_id'));
    const prev = m ? debriefs.get(m) : undefined;
    if (m && (!prev || String(f.get('created_at') ?? '') >= String(prev.get('created_at') ?? ''))) debriefs.set(m, f);
  }

  return {
    issues: reportIssues,
    complaints: withCase('complaint', (f, reference) => {
      const stage = code(f.get('stage'), complaintStages);
      const received = str(f.get('received_on'));
      if (!stage || !received) return null;
      return {
        reference, stage, received_on: received, extended_to: num(f.get('extended_to')), response_received_on: str(f.get('response_received_on')),
        outcome: code(f.get('outcome'), complaintOutcomes), panel_held_on: str(f.get('panel_held_on')), panel_report_on: str(f.get('panel_report_on')),
        escalated: str(f.get('escalated_from')) !== null,
      };
    }),
    escalations: withCase('letter', (f, reference) => {
      const t = f.get('template_id');
      const sent = str(f.get('sent_on'));
      if (!sent || (t !== 'help-at-hand' && t !== 'lgsco-complaint')) return null;
      return { reference, route: t === 'help-at-hand' ? ('help_at_hand' as const) : ('ombudsman' as const), sent_on: sent };
    }),
    safeguarding: withCase('safeguarding_record', (f, reference) => {
      const at = str(f.get('disclosed_at'));
      const told = f.get('told');
      return at ? { reference, disclosed_at: at, shared: Array.isArray(told) && told.length > 0 } : null;
    }),
    contacts: withCase('contact', (f, reference, caseId) => {
      const type = code(f.get('type'), contactTypes);
      const at = str(f.get('occurred_at'));
      if (!type || !at) return null;
      return { reference, type, occurred_at: at, duration_minutes: num(f.get('duration_minutes')), travel_minutes: num(f.get('travel_minutes')), miles: num(f.get('miles')), out_of_area: outOfArea(caseId) };
    }),
    meetings: withCase('meeting', (f, reference, _caseId, id): ReportMeeting | null => {
      const date = str(f.get('meeting_date'));
      if (!date) return null;
      const d = debriefs.get(id);
      return {
        reference,
        type: code(f.get('meeting_type'), meetingTypes) ?? 'other',
        date,
        debrief: d
          ? { attended: code(d.get('attended'), attendanceValues), viewsPresented: code(d.get('views_presented'), viewsPresentedValues), wishesReflected: code(d.get('wishes_reflected'), wishesReflectedValues) }
          : null,
      };
    }),
    systemicIssues: withCase('systemic_issue', (f, reference) => {
      const area = code(f.get('area'), systemicAreas);
      const issue = str(f.get('issue'));
      const raised = str(f.get('raised_on'));
      return area && issue && raised ? { reference, area, issue, raised_on: raised } : null;
    }),
  };
}
