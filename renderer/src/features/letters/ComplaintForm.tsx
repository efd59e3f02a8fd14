import { Button, Group, Modal, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import {
  complaintOutcomes,
  outcomeLabels,
  responseLimits,
  stageLabels,
  type ComplaintOutcome,
  type ComplaintStage,
} from '../../../../shared/domain/complaint-deadlines';
import type { Complaint, ComplaintFields } from '../../../../shared/ipc/letters';
import { HeardError, errorMessage, send } from '../../api/client';
import { DateField, notFuture } from '../shell/DateField';
import { useDateProblems } from '../shell/useDateProblems';
import { ProblemAlert } from '../shell/ProblemAlert';

type Draft = Omit<ComplaintFields, 'caseId'>;

export function draftFrom(c: Complaint): Draft {
  return {
    id: c.id,
    stage: c.stage,
    summary: c.summary,
    councilReference: c.councilReference,
    receivedOn: c.receivedOn,
    acknowledgedOn: c.acknowledgedOn,
    extendedTo: c.extendedTo,
    extensionReason: c.extensionReason,
    responseReceivedOn: c.responseReceivedOn,
    outcome: c.outcome,
    panelHeldOn: c.panelHeldOn,
    panelReportOn: c.panelReportOn,
    escalatedFrom: c.escalatedFrom,
  };
}

/** Records a complaint stage: the dates the council must keep to follow from these. */
export function ComplaintForm({
  caseId,
  initial,
  onClose,
  onSaved,
}: {
  caseId: string;
  initial: Draft;
  onClose: () => void;
  onSaved: (c: Complaint) => void;
}) {
  const [d, setD] = useState<Draft>(initial);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const dates = useDateProblems();
  const limits = d.stage === 'stage3' ? null : responseLimits[d.stage];

  const save = async () => {
    if (dates.first) {
      setError(`A date needs correcting: ${dates.first}`);
      return;
    }
    setBusy(true);
    try {
      onSaved(await send('complaints.save', { ...d, caseId }));
    } catch (e) {
      setError(errorMessage(e));
      setFields(e instanceof HeardError ? (e.fields ?? {}) : {});
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={d.id ? 'Complaint details' : 'Record a complaint'} size="lg">
      <Stack gap="sm">
        <ProblemAlert problem={error} />
        <Select
          label="Stage"
          data={(Object.keys(stageLabels) as ComplaintStage[]).map((s) => ({ value: s, label: stageLabels[s] }))}
          value={d.stage}
          onChange={(v) => v && set('stage', v as ComplaintStage)}
          allowDeselect={false}
        />
        <Textarea
          label="What the complaint is about"
          value={d.summary ?? ''}
          onChange={(e) => set('summary', e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group grow>
          <DateField
            label={d.stage === 'stage3' ? 'Date the panel was requested' : 'Date the council received it'}
            value={d.receivedOn || null}
            onChange={(v) => set('receivedOn', v ?? '')}
            required
            notAfter={notFuture("This can't be a date in the future.")}
            error={fields.receivedOn}
            onProblem={dates.on('receivedOn')}
          />
          <DateField
            label="Date acknowledged"
            value={d.acknowledgedOn ?? null}
            onChange={(v) => set('acknowledgedOn', v)}
            notAfter={notFuture("This can't be a date in the future.")}
            error={fields.acknowledgedOn}
            onProblem={dates.on('acknowledgedOn')}
          />
        </Group>
        <TextInput
          label="Council's reference"
          value={d.councilReference ?? ''}
          onChange={(e) => set('councilReference', e.currentTarget.value)}
        />
        {limits ? (
          <Group grow align="flex-start">
            <NumberInput
              label="Time limit extended to (working days)"
              description={`Normally ${limits.normal}; at most ${limits.extended}.`}
              value={d.extendedTo ?? ''}
              onChange={(v) => set('extendedTo', typeof v === 'number' ? v : null)}
              min={limits.normal + 1}
              max={limits.extended}
              error={fields.extendedTo}
            />
            <TextInput
              label="Reason for the extension"
              value={d.extensionReason ?? ''}
              onChange={(e) => set('extensionReason', e.currentTarget.value)}
              error={fields.extensionReason}
            />
          </Group>
        ) : (
          <Group grow>
            <DateField
              label="Date the panel met"
              value={d.panelHeldOn ?? null}
              onChange={(v) => set('panelHeldOn', v)}
              notAfter={notFuture("This can't be a date in the future.")}
              error={fields.panelHeldOn}
              onProblem={dates.on('panelHeldOn')}
            />
            <DateField
              label="Date of the panel's report"
              value={d.panelReportOn ?? null}
              onChange={(v) => set('panelReportOn', v)}
              notAfter={notFuture("This can't be a date in the future.")}
              error={fields.panelReportOn}
              onProblem={dates.on('panelReportOn')}
            />
          </Group>
        )}
        <Group grow>
          <DateField
            label={d.stage === 'stage3' ? "Date of the council's final response" : 'Date the response arrived'}
            value={d.responseReceivedOn ?? null}
            onChange={(v) => set('responseReceivedOn', v)}
            notAfter={notFuture("This can't be a date in the future.")}
            error={fields.responseReceivedOn}
            onProblem={dates.on('responseReceivedOn')}
          />
          <Select
            label="Outcome"
            placeholder="Still open"
            clearable
            data={complaintOutcomes.map((o) => ({ value: o, label: outcomeLabels[o] }))}
            value={d.outcome ?? null}
            onChange={(v) => set('outcome', (v as ComplaintOutcome | null) ?? null)}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={busy} disabled={!d.receivedOn}>
            Save complaint
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
