import { issueCodes } from '../domain/codes';
import { issueOutcomeLabels as issueOutcomeWords } from '../domain/code-labels';
import { stageLabels } from '../domain/complaint-deadlines';
import { reportIssueOutcomes } from './activity';
import { issueLabels, outcomeLabels } from './labels';
import { percent } from './rounding';
import { label, type TableBuilder } from './table-builder';

export const issueOutcomeLabels: Record<(typeof reportIssueOutcomes)[number], string> = {
  ...issueOutcomeWords,
  not_recorded: 'Outcome not recorded',
};

/** What came of the work: how cases closed, each issue's outcome, complaints and safeguarding. */
export function outcomeTables(b: TableBuilder): void {
  const { report } = b;
  const closed = report.closed;
  b.table(
    'closures',
    'How cases closed',
    'cases closed',
    'pie',
    Object.entries(closed.byOutcome).map(([code, count]) =>
      b.row(
        code,
        label(outcomeLabels)(code),
        count,
        closed.percentByOutcome[code as keyof typeof closed.percentByOutcome],
        (r) => r.closed.byOutcome[code as keyof typeof closed.byOutcome],
        ['closed', code],
      ),
    ),
  );
  b.table(
    'issue_outcomes',
    'Issue outcomes',
    'issues resolved with that theme',
    null,
    issueCodes.flatMap((code) => {
      const of = reportIssueOutcomes.reduce((sum, o) => sum + report.issueOutcomes[code][o], 0);
      return reportIssueOutcomes.map((o) =>
        b.row(
          `${code}:${o}`,
          `${issueLabels[code]}: ${issueOutcomeLabels[o]}`,
          report.issueOutcomes[code][o],
          percent(report.issueOutcomes[code][o], of),
          (r) => r.issueOutcomes[code][o],
          ['issueOutcomes', `${code}:${o}`],
        ),
      );
    }),
  );
  const c = report.complaints;
  b.table('complaints', 'Complaints', null, null, [
    b.row('made', 'Complaints made', c.made, null, (r) => r.complaints.made, ['complaints', 'made']),
    ...(['stage1', 'stage2', 'stage3'] as const).map((s) =>
      b.row(s, stageLabels[s], c.byStage[s], null, (r) => r.complaints.byStage[s], ['complaints', s]),
    ),
    b.row(
      'respondedOnTime',
      'Council responded on time',
      c.respondedOnTime,
      percent(c.respondedOnTime, c.respondedOnTime + c.respondedLate),
      (r) => r.complaints.respondedOnTime,
      ['complaints', 'respondedOnTime'],
    ),
    b.row(
      'respondedLate',
      'Council responded late',
      c.respondedLate,
      percent(c.respondedLate, c.respondedOnTime + c.respondedLate),
      (r) => r.complaints.respondedLate,
      ['complaints', 'respondedLate'],
    ),
    b.row(
      'help_at_hand',
      "Escalated to Help at Hand (Children's Commissioner)",
      c.escalated.help_at_hand,
      null,
      (r) => r.complaints.escalated.help_at_hand,
      ['complaints', 'help_at_hand'],
    ),
    b.row(
      'ombudsman',
      'Escalated to the Local Government and Social Care Ombudsman',
      c.escalated.ombudsman,
      null,
      (r) => r.complaints.escalated.ombudsman,
      ['complaints', 'ombudsman'],
    ),
  ]);
  b.table('safeguarding', 'Safeguarding', null, null, [
    b.row('records', 'Safeguarding records made', report.safeguarding.records, null, (r) => r.safeguarding.records, [
      'safeguarding',
      'records',
    ]),
    b.row(
      'confidentialityBroken',
      'Confidentiality broken (information shared)',
      report.safeguarding.confidentialityBroken,
      null,
      (r) => r.safeguarding.confidentialityBroken,
      ['safeguarding', 'confidentialityBroken'],
    ),
  ]);
}
