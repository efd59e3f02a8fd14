import { questionLabels, respondentRoleLabels, smileyLabels } from './feedback';
import { percent } from './rounding';
import type { TableBuilder } from './table-builder';

/** What young people and professionals said on their feedback forms. */
export function feedbackTables(b: TableBuilder): void {
  const f = b.report.feedback;
  b.table('feedback', 'Feedback', 'answers to the question', null, [
    b.row(
      'young_person',
      "Young people's forms received",
      f.received.young_person,
      null,
      (r) => r.feedback.received.young_person,
    ),
    b.row(
      'professional',
      "Professionals' and parents' forms received",
      f.received.professional,
      null,
      (r) => r.feedback.received.professional,
    ),
    ...(['youngPerson', 'professional'] as const).flatMap((group) =>
      Object.entries(f[group]).flatMap(([q, s]) => {
        const answered = s.happy + s.ok + s.sad;
        const qLabel = questionLabels[q as keyof typeof questionLabels];
        return (['happy', 'ok', 'sad'] as const).map((ans) =>
          b.row(
            `${q}:${ans}`,
            `${qLabel} ${smileyLabels[ans]}`,
            s[ans],
            percent(s[ans], answered),
            (r) => (r.feedback[group] as Record<string, typeof s>)[q]?.[ans] ?? 0,
          ),
        );
      }),
    ),
    ...Object.entries(f.professionalByRole).map(([role, v]) =>
      b.row(
        `role:${role}`,
        respondentRoleLabels[role as keyof typeof respondentRoleLabels],
        v,
        null,
        (r) => r.feedback.professionalByRole[role as keyof typeof f.professionalByRole],
      ),
    ),
    b.row('withComments', 'Forms with a suggestion', f.withComments, null, (r) => r.feedback.withComments),
  ]);
}
