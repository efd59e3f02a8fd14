import { Group, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { readTime } from '../../../../shared/domain/date-text';
import { DateField } from './DateField';
import type { DateLimit } from '../../../../shared/domain/date-text';

/**
 * A date and a time on the 24-hour clock, kept together as "YYYY-MM-DDTHH:MM" (local time), or ''
 * while either part is missing. The two parts are a labelled group so a screen reader says which
 * moment they belong to.
 */
export function DateTimeField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onProblem?: ((problem: string | null) => void) | undefined;
  required?: boolean | undefined;
  error?: string | null | undefined;
  notAfter?: DateLimit | undefined;
}) {
  const { value, onChange, onProblem } = props;
  const [date, setDate] = useState<string | null>(value ? value.slice(0, 10) : null);
  const [time, setTime] = useState(value ? value.slice(11, 16) : '');
  const [timeProblem, setTimeProblem] = useState<string | null>(null);
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const [timeShown, setTimeShown] = useState(false);
  const emitted = useRef(value);
  const groupId = useId();

  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setDate(value ? value.slice(0, 10) : null);
      setTime(value ? value.slice(11, 16) : '');
      setTimeProblem(null);
    }
  }, [value]);

  const problem = dateProblem ?? timeProblem;
  useEffect(() => {
    onProblem?.(problem);
  }, [problem, onProblem]);
  useEffect(() => () => onProblem?.(null), [onProblem]);

  const emit = (d: string | null, typedTime: string) => {
    const read = typedTime.trim() === '' ? null : readTime(typedTime);
    setTimeProblem(
      read && !read.ok ? read.message : d && !read && props.required ? 'Type the time too, for example 14:30.' : null,
    );
    const next = d && read?.ok ? `${d}T${read.time}` : '';
    emitted.current = next;
    if (next !== value) onChange(next);
  };

  return (
    <div role="group" aria-labelledby={groupId}>
      <Text id={groupId} size="sm" fw={500} mb={4}>
        {props.label}
        {props.required ? (
          <span aria-hidden="true" style={{ color: 'var(--mantine-color-error)' }}>
            {' '}
            *
          </span>
        ) : null}
      </Text>
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <DateField
          label="Date"
          value={date}
          required={props.required}
          notAfter={props.notAfter}
          onProblem={setDateProblem}
          error={props.error}
          w={190}
          onChange={(d) => {
            setDate(d);
            emit(d, time);
          }}
        />
        <TextInput
          label="Time"
          description="24-hour clock"
          placeholder="hh:mm"
          required={props.required}
          autoComplete="off"
          w={120}
          value={time}
          error={timeShown ? timeProblem : undefined}
          onChange={(e) => {
            setTime(e.currentTarget.value);
            emit(date, e.currentTarget.value);
          }}
          onBlur={() => {
            setTimeShown(true);
            const read = readTime(time);
            if (read.ok && read.time !== time) setTime(read.time);
          }}
        />
      </Group>
    </div>
  );
}
