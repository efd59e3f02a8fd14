import { stageLabels } from '../../../shared/domain/complaint-deadlines';
import { formatUkDate } from '../../../shared/domain/dates';
import { capitalise, pronounForms } from '../../../shared/domain/pronouns';
import type { LetterheadSettings, Complaint } from '../../../shared/ipc/letters';
import { issueLabels } from '../../../shared/domain/code-labels';
import type { MergeValues } from '../../../shared/templates';
import type { CaseSummary } from '../caseload/case-summary';
import { complaintHistory, mainDeadline, originalDue, responseStatus, workingDaysLate } from './complaint-history';
import type { CouncilDetails } from './council-addresses';

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-03-02" -> "2 March 2026", the way dates are written at the top of a letter. */
export function letterDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${months[m - 1]} ${y}`;
}

const uk = (iso: string | null | undefined): string | null => (iso ? formatUkDate(iso) : null);

/** Everything a letter can say about its case, gathered by the letters service. */
export interface LetterFacts {
  summary: CaseSummary;
  letterhead: LetterheadSettings;
  council: CouncilDetails | null;
  /** The complaint the letter is about; for an escalation, the stage being escalated. */
  complaint: Complaint | null;
  /** That complaint's stages, oldest first, ending with it. */
  chain: Complaint[];
  /** Words the advocate chose from the case's notes or wishes and feelings. */
  ownWords: string | null;
  today: string;
}

/** "Amira Haddad (Mira)": the legal name, and the name they use when it is not their first name. */
export function formalName(person: CaseSummary['person']): string | null {
  const legal = person.legalName.trim();
  if (!legal) return null;
  const used = person.preferredName.trim();
  return used && used !== legal && used !== person.firstName?.trim() ? `${legal} (${used})` : legal;
}

function issueValues(summary: CaseSummary): { described: string | null; wanted: string | null } {
  const open = summary.issues.filter((i) => i.status === 'open');
  const issues = open.length ? open : summary.issues;
  const described = issues.map((i) => i.description?.trim() || issueLabels[i.code]);
  const wanted = issues.map((i) => i.wantedOutcome?.trim() ?? '').filter(Boolean);
  return {
    described: described.length ? described.join('\n') : null,
    wanted: wanted.length ? wanted.join('\n') : null,
  };
}

function complaintValues(c: Complaint | null, chain: Complaint[], today: string): MergeValues {
  if (!c) return {};
  const late = workingDaysLate(c, today);
  const current = mainDeadline(c)?.due ?? null;
  const first = originalDue(c);
  return {
    'complaint.stage': stageLabels[c.stage],
    'complaint.received': uk(c.receivedOn),
    'complaint.responseDue': uk(current),
    'complaint.originalDue': uk(first),
    'complaint.extendedDue': c.extendedTo && current !== first ? uk(current) : null,
    'complaint.daysLate': late ? `${late} working day${late === 1 ? '' : 's'}` : null,
    'complaint.responseReceived': uk(c.responseReceivedOn),
    'complaint.responseStatus': responseStatus(c, today),
    'complaint.councilReference': c.councilReference,
    'complaint.history': complaintHistory(chain, today).join('\n'),
  };
}

/** The values a template's merge fields take for one case (and, when given, one complaint). */
export function mergeValuesFor(facts: LetterFacts): MergeValues {
  const { summary, letterhead, council, complaint, chain, today } = facts;
  const name = summary.person.preferredName.trim() || null;
  const pronouns = pronounForms(summary.person.pronouns, name ?? '');
  const usable = name !== null || summary.person.pronouns?.trim();
  const issues = issueValues(summary);
  return {
    'youngPerson.name': name,
    'youngPerson.legalName': summary.person.legalName || null,
    'youngPerson.formalName': formalName(summary.person),
    'youngPerson.fullName': summary.person.legalName || null,
    'youngPerson.dateOfBirth': uk(summary.person.dateOfBirth),
    'youngPerson.ownWords': facts.ownWords?.trim() || null,
    'pronoun.they': usable ? pronouns.subject : null,
    'pronoun.They': usable ? capitalise(pronouns.subject) : null,
    'pronoun.them': usable ? pronouns.object : null,
    'pronoun.their': usable ? pronouns.possessive : null,
    'pronoun.Their': usable ? capitalise(pronouns.possessive) : null,
    'pronoun.are': pronouns.are,
    'pronoun.have': pronouns.have,
    localAuthority: council?.name ?? null,
    'council.complaintsAddress': council?.complaintsAddress ?? null,
    'advocate.name': summary.advocate?.name ?? null,
    'service.name': letterhead.name || null,
    'service.address': letterhead.address || null,
    'case.reference': summary.reference,
    today: letterDate(today),
    issues: issues.described,
    'issues.described': issues.described,
    'issues.wantedOutcome': issues.wanted,
    'complaint.about': complaint?.summary?.trim() || issues.described,
    ...complaintValues(complaint, chain, today),
  };
}
