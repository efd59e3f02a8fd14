import { DateInput } from '@mantine/dates';
import { parseUkDate } from '../../../../shared/domain/dates';

/** A date typed or picked as dd/mm/yyyy and kept as YYYY-MM-DD. */
export function UkDateInput(props: {
  id?: string;
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  required?: boolean;
  error?: string | undefined;
  description?: string;
  maxDate?: string;
  minDate?: string;
  clearable?: boolean;
}) {
  const { value, onChange, ...rest } = props;
  return (
    <DateInput
      {...rest}
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
      valueFormat="DD/MM/YYYY"
      dateParser={(text) => parseUkDate(text)}
      placeholder="dd/mm/yyyy"
    />
  );
}
