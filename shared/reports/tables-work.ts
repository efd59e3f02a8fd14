import { systemicAreaLabels, systemicAreas } from '../domain/equality';
import { meetingTypeLabels } from '../domain/meetings';
import { systemicKey } from './activity';
import { percent } from './rounding';
import type { TableBuilder } from './table-builder';

/** The work done: visits and contacts, meetings supported and their debriefs, systemic issues raised. */
export function workTables(b: TableBuilder): void {
  const { report } = b;
  const k = report.contacts;
  b.table('contacts', 'Visits and contacts', null, null, [
    b.row('visits', 'Visits', k.visits, null, (r) => r.contacts.visits, ['contacts', 'visits']),
    b.row(
      'outOfAreaVisits',
      'Visits to young people placed out of area',
      k.outOfAreaVisits,
      percent(k.outOfAreaVisits, k.visits),
      (r) => r.contacts.outOfAreaVisits,
      ['contacts', 'outOfAreaVisits'],
    ),
    b.row(
      'otherContacts',
      'Other contacts (phone, video, messages, meetings)',
      k.otherContacts,
      null,
      (r) => r.contacts.otherContacts,
      ['contacts', 'otherContacts'],
    ),
    b.row('hours', 'Hours with or for young people', k.hours, null, (r) => r.contacts.hours, ['contacts', 'hours']),
    b.row('travelHours', 'Hours travelling', k.travelHours, null, (r) => r.contacts.travelHours, [
      'contacts',
      'travelHours',
    ]),
    b.row('miles', 'Miles travelled', k.miles, null, (r) => r.contacts.miles, ['contacts', 'miles']),
  ]);
  const m = report.meetings;
  b.table('meetings', 'Meetings supported', null, null, [
    b.row('supported', 'Meetings supported', m.supported, null, (r) => r.meetings.supported, ['meetings', 'supported']),
    ...Object.entries(m.byType).map(([t, v]) =>
      b.row(
        t,
        meetingTypeLabels[t as keyof typeof meetingTypeLabels],
        v,
        percent(v, m.supported),
        (r) => r.meetings.byType[t as keyof typeof m.byType],
        ['meetingsByType', t],
      ),
    ),
    b.row('debriefed', 'Meetings with a debrief', m.debriefed, null, (r) => r.meetings.debriefed, [
      'meetings',
      'debriefed',
    ]),
    b.row('tookPart', 'Young person took part', m.tookPart, m.percent.tookPart, (r) => r.meetings.tookPart, [
      'meetings',
      'tookPart',
    ]),
    b.row('viewsHeard', 'Their views were heard', m.viewsHeard, m.percent.viewsHeard, (r) => r.meetings.viewsHeard, [
      'meetings',
      'viewsHeard',
    ]),
    ...(['yes', 'partly', 'no', 'unknown'] as const).map((o) =>
      b.row(
        `outcome:${o}`,
        `Decision reflected their wishes: ${{ yes: 'yes', partly: 'partly', no: 'no', unknown: 'not known' }[o]}`,
        m.outcome[o],
        percent(m.outcome[o], m.debriefed),
        (r) => r.meetings.outcome[o],
        ['meetingOutcomes', o],
      ),
    ),
  ]);
  b.table(
    'systemic_issues',
    'Systemic issues',
    null,
    null,
    systemicAreas.flatMap((area) => {
      const s = report.systemicIssues[area];
      return [
        b.row(area, `${systemicAreaLabels[area]} (cases)`, s.cases, null, (r) => r.systemicIssues[area].cases, [
          'systemicIssues',
          area,
        ]),
        ...s.issues.map((i) =>
          b.row(
            `${area}:${systemicKey(i.issue)}`,
            `${systemicAreaLabels[area]}: ${i.issue}`,
            i.cases,
            null,
            (r) => r.systemicIssues[area].issues.find((x) => systemicKey(x.issue) === systemicKey(i.issue))?.cases ?? 0,
            ['systemicIssues', `${area}:${systemicKey(i.issue)}`],
          ),
        ),
      ];
    }),
  );
}
