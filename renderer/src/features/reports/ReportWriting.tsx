import { Badge, Blockquote, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseStudyCandidate, ReportSection } from '../../../../shared/ipc/reports';
import { CHANGED_NOTICE } from '../../../../shared/reports/anonymise';
import { respondentRoleLabels } from '../../../../shared/reports/feedback';
import type { Period } from '../../../../shared/reports/period';
import { errorMessage, send } from '../../api/client';
import { SectionEditor } from './SectionEditor';

type Quote = Awaited<ReturnType<typeof send<'reports.quotes'>>>[number];
type Editing = { kind: ReportSection['kind']; section?: ReportSection } | null;

/** The manager's narrative and case studies for the period, and feedback they may quote. */
export function ReportWriting({ period }: { period: Period }) {
  const [sections, setSections] = useState<ReportSection[]>([]);
  const [candidates, setCandidates] = useState<CaseStudyCandidate[]>([]);
  const [quotes, setQuotes] = useState<Quote[]>([]);
  const [editing, setEditing] = useState<Editing>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Each load is numbered so an answer for dates no longer shown (the period changed while it was
  // on its way) cannot replace a newer one.
  const latest = useRef(0);
  const load = useCallback(() => {
    const n = ++latest.current;
    Promise.all([
      send('reports.sections.list', { period }),
      send('reports.caseStudyCandidates', { period }),
      send('reports.quotes', { period }),
    ])
      .then(([s, c, q]) => {
        if (n !== latest.current) return;
        setSections(s);
        setCandidates(c);
        setQuotes(q);
      })
      .catch((e: unknown) => n === latest.current && setProblem(errorMessage(e)));
  }, [period]);
  useEffect(load, [load]);

  const remove = async (s: ReportSection) => {
    if (!window.confirm(`Remove the section "${s.title}" from this report?`)) return;
    try {
      await send('reports.sections.remove', { id: s.id });
      load();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  return (
    <Stack data-testid="report-writing">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Narrative and case studies
        </Title>
        <Group>
          <Button variant="default" onClick={() => setEditing({ kind: 'narrative' })} disabled={editing !== null}>
            Add a section
          </Button>
          <Button variant="default" onClick={() => setEditing({ kind: 'case_study' })} disabled={editing !== null}>
            Add a case study
          </Button>
        </Group>
      </Group>
      {problem ? <Text c="red.8">{problem}</Text> : null}
      {sections.length === 0 && !editing ? (
        <Text size="sm" c="dimmed">
          Nothing written for these dates yet. Sections you add here are kept in the encrypted store and go into the PDF
          after the figures.
        </Text>
      ) : null}
      {sections.map((s) =>
        editing?.section?.id === s.id ? null : (
          <Paper withBorder p="md" key={s.id} data-testid="report-section">
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="xs">
                  <Title order={3} size="h5">
                    {s.title}
                  </Title>
                  {s.kind === 'case_study' ? <Badge variant="light">Case study</Badge> : null}
                </Group>
                {s.kind === 'case_study' ? (
                  <Text size="xs" fs="italic" c="dimmed">
                    {CHANGED_NOTICE}
                  </Text>
                ) : null}
              </div>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => setEditing({ kind: s.kind, section: s })}
                  disabled={editing !== null}
                >
                  Edit
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => void remove(s)}>
                  Remove
                </Button>
              </Group>
            </Group>
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {s.body}
            </Text>
          </Paper>
        ),
      )}
      {editing ? (
        <SectionEditor
          key={editing.section?.id ?? editing.kind}
          period={period}
          kind={editing.kind}
          section={editing.section}
          candidates={candidates}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      ) : null}
      {quotes.length > 0 ? (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            Feedback you may quote
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            From forms received in these dates where the person agreed to be quoted. Check for names before copying into
            a section.
          </Text>
          {quotes.map((q, i) => (
            <Blockquote
              key={i}
              p="xs"
              mb="xs"
              cite={q.kind === 'young_person' ? 'Young person' : respondentRoleLabels[q.respondentRole ?? 'other']}
            >
              {q.comment}
            </Blockquote>
          ))}
        </Paper>
      ) : null}
    </Stack>
  );
}
