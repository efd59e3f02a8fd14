import { issueCodes } from '../domain/codes';
import { formatUkDate } from '../domain/dates';
import type { TipTapDoc, TipTapNode } from '../templates/tiptap';
import { CHANGED_NOTICE } from './anonymise';
import { professionalQuestions, questionLabels, respondentRoleLabels, youngPersonQuestions } from './feedback';
import {
  ageBandLabels,
  genderLabels,
  issueLabels,
  localAuthorityLabel,
  outcomeLabels,
  serviceUserTypeLabels,
  sourceLabels,
} from './labels';
import type { QuarterlyReport } from './quarterly';
import { percent } from './rounding';

/** A narrative section or anonymised case study, as the PDF needs it. */
export interface DocumentSection {
  kind: 'narrative' | 'case_study';
  title: string;
  body: string;
}

const text = (t: string, bold = false): TipTapNode =>
  bold ? { type: 'text', text: t, marks: [{ type: 'bold' }] } : { type: 'text', text: t };
const para = (...content: TipTapNode[]): TipTapNode => ({ type: 'paragraph', content });
const heading = (level: number, t: string): TipTapNode => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const bullets = (items: string[]): TipTapNode => ({
  type: 'bulletList',
  content: items.map((i) => ({ type: 'listItem', content: [para(text(i))] })),
});
const pct = (p: number | null): string => (p === null ? 'no figure' : `${p}%`);

/** Chart data without the zero rows (they stay in the lists beside the charts). */
function chart(
  kind: 'bar' | 'pie',
  title: string,
  counts: Record<string, number>,
  label: (code: string) => string,
): TipTapNode {
  const data = Object.entries(counts)
    .filter(([, v]) => v > 0)
    .map(([code, value]) => ({ label: label(code), value }));
  return { type: 'chart', attrs: { kind, title, data } };
}

/**
 * The figures in words beside each chart: every code with a count, then one line naming the codes
 * with none, so the page stays short while the PDF still accounts for every code the CSV has.
 */
function figureList(counts: Record<string, number>, label: (code: string) => string, total: number): TipTapNode {
  const entries = Object.entries(counts);
  const items = entries
    .filter(([, n]) => n > 0)
    .map(([code, n]) => `${label(code)}: ${n}${total > 0 ? ` (${pct(percent(n, total))})` : ''}`);
  const none = entries.filter(([, n]) => n === 0).map(([code]) => label(code));
  if (none.length) items.push(`None: ${none.join(', ')}`);
  return bullets(items);
}

const by =
  (labels: Record<string, string>) =>
  (code: string): string =>
    labels[code] ?? code;

/** Paragraphs from typed text: a blank line starts a new paragraph, a single line break stays. */
function paragraphs(body: string): TipTapNode[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => {
      const lines = p.split('\n');
      return para(...lines.flatMap((l, i) => (i === 0 ? [text(l)] : [{ type: 'hardBreak' }, text(l)])));
    });
}

/** The whole report as a document for the PDF engine: figures with charts, then the manager's sections. */
export function reportDocument(
  report: QuarterlyReport,
  sections: readonly DocumentSection[],
  serviceName = 'Advocacy service',
): TipTapDoc {
  const n = report.newReferrals;
  const a = report.allocated;
  const c = report.closed;
  const f = report.feedback;
  const content: TipTapNode[] = [
    heading(1, `${serviceName}: impact report`),
    para(text(`${formatUkDate(report.period.from)} to ${formatUkDate(report.period.to)}`, true)),
    heading(2, 'At a glance'),
    bullets([
      `New referrals: ${n}`,
      `Allocated an advocate: ${a.count} (${pct(a.percent)})${a.medianDaysToAllocation === null ? '' : `; median ${a.medianDaysToAllocation} days from referral to allocation`}`,
      `Cases closed: ${c.total}`,
      `Brief interventions (referred and closed in the period): ${report.briefInterventions.count} (${pct(report.briefInterventions.percentOfNewReferrals)} of new referrals)`,
    ]),
    heading(2, 'New referrals by service-user type'),
    chart('bar', 'Service users', report.byServiceUserType, by(serviceUserTypeLabels)),
    figureList(report.byServiceUserType, by(serviceUserTypeLabels), n),
    heading(2, 'Issues raised'),
    para(text('A referral with more than one issue is counted under each.')),
    chart('bar', 'Issues', report.byIssue, by(issueLabels)),
    figureList(report.byIssue, by(issueLabels), n),
    heading(2, 'Age at referral'),
    chart('bar', 'Age at referral', report.byAgeBand, by(ageBandLabels)),
    figureList(report.byAgeBand, by(ageBandLabels), n),
    heading(3, 'Issues by age'),
    bullets(
      Object.entries(report.issuesByAgeBand).flatMap(([band, counts]) => {
        const used = issueCodes
          .filter((code) => counts[code] > 0)
          .map((code) => `${issueLabels[code]} ${counts[code]}`);
        return used.length ? [`${ageBandLabels[band as keyof typeof ageBandLabels]}: ${used.join(', ')}`] : [];
      }),
    ),
    heading(2, 'Gender'),
    chart('pie', 'Gender', report.byGender, by(genderLabels)),
    figureList(report.byGender, by(genderLabels), n),
    heading(2, 'Referral source'),
    chart('bar', 'Who referred', report.bySource, by(sourceLabels)),
    figureList(report.bySource, by(sourceLabels), n),
    heading(2, 'Local authority'),
    figureList(report.byLocalAuthority, localAuthorityLabel, n),
    heading(2, 'Closed cases'),
    para(text(`${c.total} cases were closed in the period.`)),
    chart('pie', 'How cases closed', c.byOutcome, by(outcomeLabels)),
    figureList(c.byOutcome, by(outcomeLabels), c.total),
    heading(2, 'Feedback'),
    para(
      text(
        `${f.received.young_person} forms from young people and ${f.received.professional} from professionals and parents.`,
      ),
    ),
    bullets(
      [
        ...youngPersonQuestions.map((q) => [q, f.youngPerson[q]] as const),
        ...professionalQuestions.map((q) => [q, f.professional[q]] as const),
      ]
        .filter(([, s]) => s.happy + s.ok + s.sad > 0)
        .map(
          ([q, s]) => `${questionLabels[q]} Yes ${s.happy}, a bit ${s.ok}, no ${s.sad} (${pct(s.percentPositive)} yes)`,
        ),
    ),
  ];
  const roles = Object.entries(f.professionalByRole).filter(([, v]) => v > 0);
  if (roles.length)
    content.push(
      para(
        text(
          `Professionals and parents: ${roles.map(([r, v]) => `${respondentRoleLabels[r as keyof typeof respondentRoleLabels]} ${v}`).join(', ')}.`,
        ),
      ),
    );
  for (const s of sections) {
    content.push(heading(2, s.title));
    if (s.kind === 'case_study')
      content.push(para({ type: 'text', text: CHANGED_NOTICE, marks: [{ type: 'italic' }] }));
    content.push(...paragraphs(s.body));
  }
  // Empty bullet lists would draw nothing but still take a heading's space; drop them.
  return {
    type: 'doc',
    content: content.filter((node) => node.type !== 'bulletList' || (node.content ?? []).length > 0),
  };
}
