import { SimpleGrid, Text } from '@mantine/core';
import { councilName } from '../../../../shared/domain/councils';
import { Fragment, type ReactNode } from 'react';
import { formatUkDate } from '../../../../shared/domain/dates';
import type { FieldSpec, Fields, RecordDef } from '../../../../shared/domain/records/define';
import type { Custom } from './RecordFields';

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

/**
 * A record's fields as words, in the definition's order, so a field added to the definition shows
 * on the case page without touching it. `custom` draws a field its own way or leaves it out.
 */
export function RecordView<F extends Fields>({
  def,
  record,
  custom = {},
}: {
  def: RecordDef<F>;
  record: object;
  custom?: Custom<F>;
}) {
  const values = record as Record<string, unknown>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {Object.entries(def.fields).map(([key, spec]) => {
        const own = (custom as Record<string, ReactNode | null | undefined>)[key];
        if (own === null) return null;
        if (own !== undefined) return <Fragment key={key}>{own}</Fragment>;
        if (spec.system || spec.kind === 'json') return null;
        return (
          <Field key={key} label={spec.label}>
            {words(spec, values[key])}
          </Field>
        );
      })}
    </SimpleGrid>
  );
}

/** A value in words: dates as dd/mm/yyyy, codes by their words, yes/no as said. */
export function words(spec: FieldSpec, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (spec.list === 'council') return councilName(String(value));
  switch (spec.kind) {
    case 'date':
      return formatUkDate(String(value));
    case 'yesNo':
      return value ? (spec.answers?.yes ?? 'Yes') : (spec.answers?.no ?? 'No');
    case 'code':
      return spec.choices?.[String(value)] ?? String(value);
    case 'codes':
      return (value as string[]).map((c) => spec.choices?.[c] ?? c).join(', ');
    default:
      return String(value);
  }
}
