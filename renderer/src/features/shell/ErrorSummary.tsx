import { Alert, Anchor, List } from '@mantine/core';
import { useEffect } from 'react';

export interface FormProblem {
  /** The id of the field with the problem, so the link can take the advocate to it. */
  id: string;
  message: string;
}

const FOCUSABLE = 'input, textarea, select, button, [tabindex]';

/** Moves to the field; a group (radio buttons, a fieldset) gives the focus to its first control. */
const focusField = (id: string): void => {
  const el = document.getElementById(id);
  if (!el) return;
  const target = el.matches(FOCUSABLE) ? el : el.querySelector<HTMLElement>(FOCUSABLE);
  el.scrollIntoView({ block: 'center' });
  (target ?? el).focus();
};

/**
 * The problems in a form, at its top, each a link to its field. Each time the advocate tries to
 * save (`attempt` goes up) the first problem's field takes the focus, so a keyboard or screen
 * reader user lands where the work is.
 */
export function ErrorSummary({
  problems,
  attempt,
  title = 'Please check these before saving',
}: {
  problems: FormProblem[];
  attempt: number;
  title?: string;
}) {
  const first = problems[0]?.id;
  useEffect(() => {
    if (attempt > 0 && first) focusField(first);
    // Only a new attempt moves the focus; typing a fix must not pull it away.
  }, [attempt]);
  if (problems.length === 0) return null;
  return (
    <Alert color="red" role="alert" title={title} data-testid="error-summary">
      <List size="sm">
        {problems.map((p) => (
          <List.Item key={p.id}>
            <Anchor
              href={`#${p.id}`}
              onClick={(e) => {
                e.preventDefault();
                focusField(p.id);
              }}
            >
              {p.message}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
