import { Progress, Text } from '@mantine/core';
import { assessPassphrase } from '../../../../shared/domain/passphrase';

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
const COLOURS = ['red', 'red', 'orange', 'teal', 'green'] as const;

export function PassphraseMeter({ passphrase }: { passphrase: string }) {
  const a = assessPassphrase(passphrase);
  return (
    <div>
      <Progress
        value={passphrase ? (a.score + 1) * 20 : 0}
        color={COLOURS[a.score]}
        aria-label={`Passphrase strength: ${LABELS[a.score]}`}
        size="sm"
      />
      <Text size="sm" mt={4} c={a.acceptable ? 'teal.9' : 'red.9'} aria-live="polite" data-testid="passphrase-feedback">
        {passphrase
          ? `${LABELS[a.score]}. ${a.feedback}`
          : 'Use at least 12 characters: a few unrelated words work well.'}
      </Text>
    </div>
  );
}
