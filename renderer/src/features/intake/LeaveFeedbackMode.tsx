import { useNavigate } from 'react-router';
import { AdvocatePassphraseModal } from '../shell/AdvocatePassphraseModal';
import { feedbackModeLock } from './feedback-mode-lock';

/** Feedback mode is left only with the advocate's passphrase, back to the case's Feedback tab. */
export function LeaveFeedbackMode({
  opened,
  onClose,
  caseId,
}: {
  opened: boolean;
  onClose: () => void;
  caseId: string;
}) {
  const navigate = useNavigate();
  return (
    <AdvocatePassphraseModal
      opened={opened}
      onClose={onClose}
      stayLabel="Go back to the questions"
      onLeave={() => {
        feedbackModeLock.clear();
        navigate(`/caseload/${caseId}?tab=feedback`, { replace: true });
      }}
    />
  );
}
