import { Select, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import { normaliseCouncilText } from '../../../../shared/domain/council-match';
import { councils } from '../../../../shared/domain/councils';

const groups: Array<{ group: string; kinds: readonly string[] }> = [
  { group: 'English councils', kinds: ['county', 'metropolitan', 'london', 'unitary'] },
  { group: 'Wales, Scotland and Northern Ireland', kinds: ['nation'] },
  { group: 'Elsewhere', kinds: ['other'] },
];

const options = groups.map(({ group, kinds }) => ({
  group,
  items: councils
    .filter((c) => kinds.includes(c.kind))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((c) => ({ value: c.code, label: c.name })),
}));

/** Every way a council may be looked for: its name, its other names and short forms, its ONS code. */
const searchText = new Map(councils.map((c) => [c.code, normaliseCouncilText([c.name, c.code, ...c.also].join(' '))]));

const byAnyName: OptionsFilter = ({ options: opts, search }) => {
  const words = normaliseCouncilText(search).split(' ').filter(Boolean);
  const keep = (item: ComboboxItem) =>
    words.every((w) => (searchText.get(item.value) ?? normaliseCouncilText(item.label)).includes(w));
  const kept: ComboboxParsedItem[] = [];
  for (const o of opts) {
    if (!('group' in o)) {
      if (keep(o)) kept.push(o);
    } else if (o.items.some(keep)) {
      kept.push({ ...o, items: o.items.filter(keep) });
    }
  }
  return kept;
};

/**
 * The responsible council, chosen from the fixed list by typing any of its names or its ONS code.
 * A council typed before the list existed, and never matched, is shown as it was typed until one
 * is chosen, so it is not lost by opening the form.
 */
export function CouncilSelect(props: {
  label?: string;
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string | undefined;
  description?: string;
}) {
  const { value } = props;
  const legacy =
    value && !searchText.has(value)
      ? [{ group: 'As typed before', items: [{ value, label: `${value} (not in the list: choose the council)` }] }]
      : [];
  return (
    <Select
      label={props.label ?? 'Responsible local authority'}
      description={props.description}
      placeholder="Type the council's name or ONS code"
      data={[...legacy, ...options]}
      value={value}
      onChange={(v) => props.onChange(v)}
      filter={byAnyName}
      searchable
      clearable
      nothingFoundMessage="No council has that name. Try its usual name, or choose “Another area”."
      maxDropdownHeight={320}
      error={
        props.error ??
        (legacy.length > 0
          ? 'This council was typed by hand and is not in the list. Choose it from the list.'
          : undefined)
      }
    />
  );
}
