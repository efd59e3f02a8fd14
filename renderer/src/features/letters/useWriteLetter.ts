import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage, send } from '../../api/client';

/** Creates a letter from a template, filled in for the case, and opens it for editing. */
export function useWriteLetter() {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const write = async (caseId: string, templateId: string, complaintId?: string | null, ownWords?: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const letter = await send('letters.create', {
        caseId,
        templateId,
        complaintId: complaintId ?? null,
        ownWords: ownWords ?? null,
      });
      navigate(`/letters/${letter.id}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { write, error, busy };
}
