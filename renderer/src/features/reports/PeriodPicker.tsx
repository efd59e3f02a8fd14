import { Button, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { todayIso } from '../../../../shared/domain/dates';
import { DateField } from '../shell/DateField';
import { useDateProblems } from '../shell/useDateProblems';
import { customPeriod, parseQuarter, previousQuarter, quarterOf, type Period } from '../../../../shared/reports/period';

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

export function quarterLabel(q: string): string {
  const p = parseQuarter(q)!;
  return `${months[Number(p.from.slice(5, 7)) - 1]} to ${months[Number(p.to.slice(5, 7)) - 1]} ${p.from.slice(0, 4)} (${q})`;
}

/** The current quarter and the eleven before it, newest first. */
export function recentQuarters(today: string = todayIso()): string[] {
  const out = [quarterOf(today)];
  while (out.length < 12) out.push(previousQuarter(parseQuarter(out[out.length - 1]!)!.from));
  return out;
}

const OTHER = 'other';

/** Pick a quarter, or any first and last day. Calls `onChange` only with a real period. */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const quarters = recentQuarters();
  const asQuarter = quarters.find((q) => {
    const p = parseQuarter(q)!;
    return p.from === value.from && p.to === value.to;
  });
  const [mode, setMode] = useState<string>(asQuarter ?? OTHER);
  const [from, setFrom] = useState<string | null>(value.from);
  const [to, setTo] = useState<string | null>(value.to);
  const [problem, setProblem] = useState<string | null>(null);
  const dates = useDateProblems();

  const applyDates = () => {
    const p = from && to && !dates.first ? customPeriod(from, to) : null;
    if (!p) {
      setProblem(
        dates.first ? null : !from || !to ? 'Enter the first and the last day.' : 'The last day is before the first.',
      );
      return;
    }
    setProblem(null);
    onChange(p);
  };

  return (
    <Group align="flex-end" wrap="wrap">
      <Select
        label="Period"
        data={[...quarters.map((q) => ({ value: q, label: quarterLabel(q) })), { value: OTHER, label: 'Other dates…' }]}
        value={mode}
        allowDeselect={false}
        w={300}
        onChange={(v) => {
          if (!v) return;
          setMode(v);
          const p = parseQuarter(v);
          if (p) onChange(p);
        }}
      />
      {mode === OTHER ? (
        <>
          <DateField label="First day" value={from} onChange={setFrom} onProblem={dates.on('from')} w={190} />
          <DateField
            label="Last day"
            value={to}
            onChange={setTo}
            onProblem={dates.on('to')}
            error={problem}
            notBefore={from ? { iso: from, message: 'The last day is before the first.' } : undefined}
            w={190}
          />
          <Button variant="default" onClick={applyDates}>
            Show these dates
          </Button>
        </>
      ) : null}
    </Group>
  );
}
