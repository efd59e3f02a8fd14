import { Button, Group, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CaseStudyCandidate, ReportSection } from '../../../../shared/ipc/reports';
import { serviceUserTypeLabels } from '../../../../shared/reports/labels';
import type { Period } from '../../../../shared/reports/period';
import { errorMessage, send } from '../../api/client';
import { useDraft } from '../drafts/useDraft';
import { ProblemAlert } from '../shell/ProblemAlert';

const splitWords = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/**
 * Writes one narrative section or case study. The text is kept as a draft in the encrypted store
 * while typed; a case study is anonymised by core when saved, and shown back as it was kept.
 */
export function SectionEditor(props: {
  period: Period;
  kind: ReportSection['kind'];
  section?: ReportSection;
  candidates: CaseStudyCandidate[];
  onSaved: (s: ReportSection) => void;
  onCancel: () => void;
}) {
  const { period, kind, section } = props;
  const draftKey = `report:${period.from}:${period.to}:${section?.id ?? `new-${kind}`}`;
  const body = useDraft(draftKey);
  const [title, setTitle] = useState(section?.title ?? '');
  const [caseId, setCaseId] = useState<string | null>(section?.caseId ?? null);
  const [pseudonym, setPseudonym] = useState('');
  const [places, setPlaces] = useState('');
  const [names, setNames] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Start from the saved text unless an unsaved draft of this section was kept (after a lock, say).
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (!body.loaded || started) return;
    setStarted(true);
    if (!body.savedAt && section) body.setValue(section.body);
  }, [body, started, section]);

  const candidate = props.candidates.find((c) => c.caseId === caseId);
  useEffect(() => {
    if (candidate && !pseudonym) setPseudonym(candidate.suggestedPseudonym);
  }, [candidate, pseudonym]);

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await send('reports.sections.save', {
        id: section?.id,
        period,
        kind,
        title,
        body: body.value,
        caseId: kind === 'case_study' ? caseId : null,
        pseudonym: kind === 'case_study' && pseudonym ? pseudonym : undefined,
        extraPlaces: splitWords(places),
        extraNames: splitWords(names),
      });
      await body.discard();
      props.onSaved(saved);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="section-editor">
      <Stack gap="sm">
        {kind === 'case_study' ? (
          <>
            <Select
              label="Case"
              description="Cases closed in these dates. Names and places from its record are replaced when you save."
              placeholder="Pick a case"
              searchable
              data={props.candidates.map((c) => ({
                value: c.caseId,
                label: `${c.reference}: ${c.name}${c.serviceUserType ? `, ${serviceUserTypeLabels[c.serviceUserType as keyof typeof serviceUserTypeLabels] ?? c.serviceUserType}` : ''}`,
              }))}
              value={caseId}
              onChange={setCaseId}
              nothingFoundMessage="No case closed in these dates"
            />
            <Group grow>
              <TextInput
                label="Name to use instead"
                value={pseudonym}
                onChange={(e) => setPseudonym(e.currentTarget.value)}
                maxLength={60}
              />
              <TextInput
                label="Other places to replace"
                description="Separate with commas, e.g. a school"
                value={places}
                onChange={(e) => setPlaces(e.currentTarget.value)}
              />
              <TextInput
                label="Other names to replace"
                description="Separate with commas, e.g. a brother"
                value={names}
                onChange={(e) => setNames(e.currentTarget.value)}
              />
            </Group>
          </>
        ) : null}
        <TextInput
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={200}
          required
        />
        <Textarea
          label={kind === 'case_study' ? 'The story' : 'Text'}
          autosize
          minRows={5}
          value={body.value}
          onChange={(e) => body.setValue(e.currentTarget.value)}
          onBlur={() => void body.flush()}
        />
        <ProblemAlert problem={problem} />
        <Group>
          <Button onClick={() => void save()} loading={busy} disabled={kind === 'case_study' && !caseId}>
            {kind === 'case_study' ? 'Anonymise and save' : 'Save section'}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          {/* Beside the buttons, not above them: a line appearing above would move Save as it is clicked (the click blurs the story, which saves the draft). */}
          {body.savedAt ? (
            <Text size="xs" c="dimmed">
              Draft kept safely as you type.
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
