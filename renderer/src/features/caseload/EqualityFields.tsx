import { Select, SimpleGrid } from '@mantine/core';
import {
  disabilityLabels, disabilityStatuses, ethnicityCodes, ethnicityLabels, type DisabilityStatus, type EthnicityCode,
} from '../../../../shared/domain/equality';

const ethnicityOptions = ethnicityCodes.map((c) => ({ value: c, label: ethnicityLabels[c] }));
const disabilityOptions = disabilityStatuses.map((s) => ({ value: s, label: s === 'yes' ? 'Yes' : s === 'no' ? 'No' : disabilityLabels[s] }));

/** Ethnicity (the DfE census categories councils use) and whether the young person is disabled, shown in words. */
export function EqualityFields({
  ethnicity,
  disabilityStatus,
  onChange,
}: {
  ethnicity: EthnicityCode | null;
  disabilityStatus: DisabilityStatus | null;
  onChange: (patch: { ethnicity?: EthnicityCode | null; disabilityStatus?: DisabilityStatus | null }) => void;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label="Ethnicity"
        description="As the young person describes it"
        data={ethnicityOptions}
        value={ethnicity}
        onChange={(v) => onChange({ ethnicity: (v ?? null) as EthnicityCode | null })}
        searchable
        clearable
      />
      <Select
        label="Disabled"
        data={disabilityOptions}
        value={disabilityStatus}
        onChange={(v) => onChange({ disabilityStatus: (v ?? null) as DisabilityStatus | null })}
        clearable
      />
    </SimpleGrid>
  );
}
