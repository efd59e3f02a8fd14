import { Group, Radio, Text } from '@mantine/core';
import { smileyAnswers, smileyLabels, type SmileyAnswer } from '../../../../shared/reports/feedback';

const faces: Record<SmileyAnswer, string> = { happy: '😀', ok: '😐', sad: '🙁' };

/**
 * Three faces with words under them: a radio group, so it works with the keyboard and a screen
 * reader reads "Yes", "A bit / not sure" or "No" rather than the picture.
 */
export function SmileyScale({
  question,
  value,
  onChange,
}: {
  question: string;
  value: SmileyAnswer | null;
  onChange: (v: SmileyAnswer | null) => void;
}) {
  return (
    <Radio.Group label={question} value={value ?? ''} onChange={(v) => onChange(v === '' ? null : (v as SmileyAnswer))}>
      <Group mt={4} gap="lg">
        {smileyAnswers.map((a) => (
          <Radio
            key={a}
            value={a}
            label={
              <Group gap={6} wrap="nowrap">
                <Text component="span" fz={26} aria-hidden>
                  {faces[a]}
                </Text>
                <Text component="span" size="sm">
                  {smileyLabels[a]}
                </Text>
              </Group>
            }
          />
        ))}
        <Radio
          value=""
          label={
            <Text component="span" size="sm">
              Not answered
            </Text>
          }
        />
      </Group>
    </Radio.Group>
  );
}
