import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Presenter } from '../../../../shared/domain/meetings';
import { sameWords, type StatementSection } from '../../../../shared/domain/meetings-templates';
import { send } from '../../api/client';
import { useDraft } from '../drafts/useDraft';

interface Work {
  sections: StatementSection[];
  presenter: Presenter | null;
}

/**
 * The words being written, kept as a draft in the encrypted store as they are typed (so a lock or a
 * crash loses nothing) and saved as a new version only when someone presses Save. The advocate's
 * page and the young-person view share the draft, so words carry across between them.
 */
export function useStatementWork(statementId: string, saved: Work | null) {
  const draft = useDraft(`statement:${statementId}`);
  const [base, setBase] = useState<Work | null>(saved);
  useEffect(() => setBase(saved), [saved]);

  const work: Work | null = useMemo(() => {
    if (!draft.loaded || !base) return null;
    if (!draft.value) return base;
    try {
      return JSON.parse(draft.value) as Work;
    } catch {
      return base;
    }
  }, [draft.loaded, draft.value, base]);

  const dirty = !!work && !!base && (!sameWords(work.sections, base.sections) || work.presenter !== base.presenter);

  const update = useCallback(
    (next: Work) => {
      draft.setValue(JSON.stringify(next));
    },
    [draft],
  );

  const setText = useCallback(
    (key: string, text: string) => {
      if (!work) return;
      update({ ...work, sections: work.sections.map((s) => (s.key === key ? { ...s, text } : s)) });
    },
    [work, update],
  );
  const setPrompt = useCallback(
    (key: string, prompt: string) => {
      if (!work) return;
      update({ ...work, sections: work.sections.map((s) => (s.key === key ? { ...s, prompt } : s)) });
    },
    [work, update],
  );
  const addSection = useCallback(
    (prompt: string) => {
      if (!work) return;
      update({ ...work, sections: [...work.sections, { key: `extra_${Date.now().toString(36)}`, prompt, text: '' }] });
    },
    [work, update],
  );
  const setPresenter = useCallback(
    (presenter: Presenter | null) => work && update({ ...work, presenter }),
    [work, update],
  );

  const save = useCallback(
    async (savedIn: 'advocate' | 'young_person_view') => {
      if (!work) return null;
      const statement = await send('statements.save', {
        id: statementId,
        sections: work.sections,
        presenter: work.presenter,
        savedIn,
      });
      await draft.discard();
      setBase({ sections: statement.sections, presenter: statement.presenter });
      return statement;
    },
    [work, statementId, draft],
  );

  return { work, dirty, setText, setPrompt, addSection, setPresenter, save, discard: draft.discard };
}
