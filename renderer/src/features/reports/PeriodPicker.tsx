import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatUkDate, parseUkDate, todayIso } from '../../../../shared/domain/dates';
import { customPeriod, parseQuarter, previousQuarter, quarterOf, type Period } from '../../../../shared/reports/period';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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
  const [from, setFrom] = useState(formatUkDate(value.from));
  const [to, setTo] = useState(formatUkDate(value.to));
  const [problem, setProblem] = useState<string | null>(null);

  const applyDates = () => {
    const f = parseUkDate(from);
    const t = parseUkDate(to);
    const p = f && t ? customPeriod(f, t) : null;
    if (!p) {
      setProblem('Enter two real dates as dd/mm/yyyy, the last day not before the first.');
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
          <TextInput label="First day" placeholder="dd/mm/yyyy" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={140} error={problem ? true : undefined} />
          <TextInput label="Last day" placeholder="dd/mm/yyyy" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={140} error={problem ?? undefined} />
          <Button variant="default" onClick={applyDates}>
            Show these dates
          </Button>
        </>
      ) : null}
    </Group>
  );
}
