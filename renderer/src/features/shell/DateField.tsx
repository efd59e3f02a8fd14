import { ActionIcon, Popover, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { dateForField, parseDateText, type DateLimit } from '../../../../shared/domain/date-text';
import { todayIso } from '../../../../shared/domain/dates';

export interface DateFieldProps {
  /** Lets a form's problem summary link to the field. */
  id?: string | undefined;
  label: string;
  /** ISO date (YYYY-MM-DD), or null for none. */
  value: string | null;
  onChange: (iso: string | null) => void;
  /**
   * Told whenever what is typed is not a usable date (and when that is put right), so the form can
   * refuse to save rather than save without the date.
   */
  onProblem?: ((problem: string | null) => void) | undefined;
  required?: boolean | undefined;
  /** A problem found elsewhere (the form's own checks or the core's). */
  error?: string | null | undefined;
  description?: string | undefined;
  notAfter?: DateLimit | undefined;
  notBefore?: DateLimit | undefined;
  w?: number | string | undefined;
  style?: CSSProperties | undefined;
}

/** A limit of today, with the field's own words for a date after it. */
export const notFuture = (message: string): DateLimit => ({ iso: todayIso(), message });

/**
 * The one date field: typed in any of the usual UK ways or picked from a calendar, shown as
 * dd/mm/yyyy and kept as YYYY-MM-DD. What is typed stays as typed while it is wrong, with the
 * reason under the field, instead of quietly turning back into the last good date.
 */
export function DateField(props: DateFieldProps) {
  const { label, value, onChange, onProblem, notAfter, notBefore } = props;
  const [text, setText] = useState(() => dateForField(value));
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [open, setOpen] = useState(false);
  const emitted = useRef<string | null>(value);
  const reported = useRef<string | null>(null);

  const report = (p: string | null) => {
    setProblem(p);
    if (reported.current !== p) {
      reported.current = p;
      onProblem?.(p);
    }
  };
  const emit = (iso: string | null) => {
    emitted.current = iso;
    if (iso !== value) onChange(iso);
  };
  const check = (typed: string) => {
    if (typed.trim() === '') {
      report(null);
      emit(null);
      return;
    }
    const read = parseDateText(typed, { today: todayIso(), notAfter, notBefore });
    if (read.ok) {
      report(null);
      emit(read.iso);
    } else {
      report(read.message);
      emit(null);
    }
  };

  // A value set from outside (a form reset, a record loaded) replaces what is shown.
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(dateForField(value));
      report(null);
      setShown(false);
    }
  }, [value]);
  // A limit that moves (the referral date, say) is checked again against what is typed. Not on
  // first showing: a date already saved is shown as it is, never cleared by opening a form.
  const limitsKey = `${notAfter?.iso}|${notAfter?.message}|${notBefore?.iso}|${notBefore?.message}`;
  const lastLimits = useRef(limitsKey);
  useEffect(() => {
    if (limitsKey === lastLimits.current) return;
    lastLimits.current = limitsKey;
    if (text.trim() !== '') check(text);
  }, [limitsKey]);
  // Forget the problem when the field goes away, so it cannot block a form it is no longer in.
  useEffect(() => () => onProblem?.(null), []);

  const settle = () => {
    setShown(true);
    if (!problem && emitted.current) setText(dateForField(emitted.current));
  };

  return (
    <TextInput
      id={props.id}
      label={label}
      required={props.required}
      description={props.description}
      placeholder="dd/mm/yyyy"
      autoComplete="off"
      value={text}
      w={props.w}
      style={props.style}
      onChange={(e) => {
        setText(e.currentTarget.value);
        check(e.currentTarget.value);
      }}
      onBlur={settle}
      onKeyDown={(e) => {
        if (e.key === 'Enter') settle();
      }}
      error={(shown && problem) || props.error || undefined}
      rightSectionWidth={40}
      rightSection={
        <Popover opened={open} onChange={setOpen} trapFocus returnFocus position="bottom-end" withinPortal shadow="md">
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              aria-label="Open the calendar"
              title="Pick the date from a calendar (arrow keys move between days, Enter picks one)"
              aria-expanded={open}
              onClick={() => setOpen((o) => !o)}
            >
              <CalendarIcon />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              value={emitted.current}
              defaultDate={emitted.current ?? notAfter?.iso ?? todayIso()}
              maxDate={notAfter?.iso}
              minDate={notBefore?.iso}
              firstDayOfWeek={1}
              // Mantine's red weekend days fall below WCAG AA contrast, and days of the months either side confuse more than help.
              weekendDays={[]}
              hideOutsideDates
              getDayAriaLabel={(day) => longUkDate(String(day).slice(0, 10))}
              ariaLabels={{
                previousMonth: 'Previous month',
                nextMonth: 'Next month',
                previousYear: 'Previous year',
                nextYear: 'Next year',
                previousDecade: 'Previous ten years',
                nextDecade: 'Next ten years',
                monthLevelControl: 'Choose the month',
                yearLevelControl: 'Choose the year',
              }}
              onChange={(iso) => {
                if (!iso) return;
                const picked = String(iso).slice(0, 10);
                setText(dateForField(picked));
                check(dateForField(picked));
                setShown(true);
                setOpen(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}

const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const monthNames = [
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

/** "2026-12-01" -> "Tuesday 1 December 2026", as a screen reader should say a day in the calendar. */
function longUkDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${dayNames[weekday]} ${d} ${monthNames[m - 1]} ${y}`;
}

function CalendarIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}
