import {
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import type { FieldSpec, Fields, RecordDef } from '../../../../shared/domain/records/define';
import { optionsOf } from './labels';
import { DateField } from '../shell/DateField';
import { CouncilSelect } from './CouncilSelect';

/** What a form or page may say about one field: `null` leaves it out, a node draws it instead. */
export type Custom<F> = Partial<Record<keyof F & string, ReactNode | null>>;

/**
 * Draws a record's editable fields in the order the definition lists them, each from its kind
 * and label, so a field added to the definition appears in every form without touching it.
 * Short fields share a grid; long text and lists take the full width.
 */
export function RecordFields<F extends Fields>(props: {
  def: RecordDef<F>;
  values: object;
  onChange: (patch: Record<string, unknown>) => void;
  custom?: Custom<F>;
  problems?: Record<string, string>;
  today: string;
  cols?: number;
  /** Gives each input the id `${idPrefix}${key}`, so a problem summary can link to it. */
  idPrefix?: string;
  /** Where a date field reports text it cannot read as a date, so the form can refuse to save. */
  dateProblem?: ((key: string) => (problem: string | null) => void) | undefined;
}) {
  const { def, custom = {}, cols = 3 } = props;
  const values = props.values as Record<string, unknown>;
  const blocks: Array<{ wide: boolean; items: Array<[string, ReactNode]> }> = [];
  for (const [key, spec] of Object.entries(def.fields)) {
    if (spec.system) continue;
    const own = (custom as Record<string, ReactNode | null | undefined>)[key];
    if (own === null) continue;
    const node =
      own !== undefined
        ? own
        : fieldInput(
            spec,
            values[key],
            (v) => props.onChange({ [key]: v }),
            props.problems?.[key],
            props.today,
            props.idPrefix === undefined ? undefined : `${props.idPrefix}${key}`,
            props.dateProblem?.(key),
          );
    if (node === null) continue;
    const wide = own !== undefined ? !isShort(spec) || spec.kind === 'json' : !isShort(spec);
    const last = blocks[blocks.length - 1];
    if (last && !wide && !last.wide) last.items.push([key, node]);
    else blocks.push({ wide, items: [[key, node]] });
  }
  return (
    <Stack gap="sm">
      {blocks.map((b) =>
        b.wide ? (
          b.items.map(([k, n]) => <Fragment key={k}>{n}</Fragment>)
        ) : (
          <SimpleGrid key={b.items[0]![0]} cols={{ base: 1, sm: cols }}>
            {b.items.map(([k, n]) => (
              <Fragment key={k}>{n}</Fragment>
            ))}
          </SimpleGrid>
        ),
      )}
    </Stack>
  );
}

/** "A date of birth can't be in the future.", in words that fit the field. */
const notFutureWords = (label: string): string =>
  /^date\b|\bdate$/i.test(label)
    ? `A ${label.toLowerCase()} can't be in the future.`
    : "This date can't be in the future.";

const isShort = (spec: FieldSpec) =>
  (spec.kind === 'code' && !(spec.required && Object.keys(spec.choices ?? {}).length <= 2)) ||
  spec.kind === 'text' ||
  spec.kind === 'date' ||
  spec.kind === 'integer' ||
  spec.kind === 'number' ||
  spec.kind === 'yesNo';

/** One field's input, chosen by its kind. JSON fields have no general input: their form draws them. */
export function fieldInput(
  spec: FieldSpec,
  value: unknown,
  set: (v: unknown) => void,
  error: string | undefined,
  today: string,
  id?: string,
  onDateProblem?: (problem: string | null) => void,
): ReactNode {
  const mustHave = Boolean(spec.required || spec.keep);
  const hint = spec.hint;
  if (spec.list === 'council')
    return (
      <CouncilSelect
        label={spec.label}
        value={(value as string | null) || null}
        onChange={(code) => set(code ?? '')}
        error={error}
      />
    );
  switch (spec.kind) {
    case 'text':
      return (
        <TextInput
          id={id}
          label={spec.label}
          description={hint}
          value={(value as string | null) ?? ''}
          onChange={(e) => set(e.currentTarget.value)}
          error={error}
        />
      );
    case 'longText':
      return (
        <Textarea
          id={id}
          label={spec.label}
          description={hint}
          autosize
          minRows={1}
          value={(value as string | null) ?? ''}
          onChange={(e) => set(e.currentTarget.value)}
          error={error}
        />
      );
    case 'date':
      return (
        <DateField
          id={id}
          label={spec.label}
          value={(value as string | null) ?? null}
          onChange={set}
          notAfter={{ iso: today, message: notFutureWords(spec.label) }}
          required={mustHave}
          error={error}
          onProblem={onDateProblem}
        />
      );
    case 'integer':
    case 'number':
      return (
        <NumberInput
          id={id}
          label={spec.label}
          value={(value as number | null) ?? ''}
          onChange={(v) => set(typeof v === 'number' ? v : null)}
          allowDecimal={spec.kind === 'number'}
          error={error}
        />
      );
    case 'yesNo':
      if (spec.answers) {
        const data = [
          { value: 'yes', label: spec.answers.yes },
          { value: 'no', label: spec.answers.no },
        ];
        return (
          <Select
            id={id}
            label={spec.label}
            data={data}
            value={value === true ? 'yes' : value === false ? 'no' : null}
            onChange={(v) => set(v === 'yes' ? true : v === 'no' ? false : null)}
            clearable
            error={error}
          />
        );
      }
      return (
        <Checkbox
          id={id}
          mt="xl"
          label={spec.label}
          checked={value === true}
          onChange={(e) => set(e.currentTarget.checked)}
          error={error}
        />
      );
    case 'code':
      if (spec.required && Object.keys(spec.choices ?? {}).length <= 2) {
        // Two answers that must be given read best as a choice in plain view.
        return (
          <Radio.Group id={id} label={spec.label} value={(value as string | null) ?? ''} onChange={set}>
            <Group mt="xs">
              {Object.entries(spec.choices ?? {}).map(([v, words]) => (
                <Radio key={v} value={v} label={words} />
              ))}
            </Group>
          </Radio.Group>
        );
      }
      return (
        <Select
          id={id}
          label={spec.label}
          data={optionsOf(spec.choices ?? {})}
          value={(value as string | null) ?? null}
          onChange={(v) => set(v ?? (spec.required ? spec.initial : null))}
          clearable={!mustHave}
          allowDeselect={!mustHave}
          required={mustHave && !spec.required}
          error={error}
        />
      );
    case 'codes':
      return (
        <MultiSelect
          id={id}
          label={spec.label}
          data={optionsOf(spec.choices ?? {})}
          value={(value as string[] | null) ?? []}
          onChange={set}
          clearable
          error={error}
        />
      );
    case 'json':
      return null;
  }
}
