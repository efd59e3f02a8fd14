/**
 * Starting points for a "my views" statement. Each section is a prompt the young person answers in
 * their own words. Prompts are written to be read by a child: short words, short sentences.
 */
export interface StatementSection {
  /** Stable within a statement; lets edits and versions line up. */
  key: string;
  prompt: string;
  text: string;
}

export interface StatementTemplate {
  id: string;
  name: string;
  description: string;
  prompts: readonly { key: string; prompt: string }[];
}

export const statementTemplates: readonly StatementTemplate[] = [
  {
    id: 'my-views',
    name: 'My views (four questions)',
    description: 'Good for most meetings: what is going well, worries, wishes and questions.',
    prompts: [
      { key: 'going_well', prompt: 'What is going well' },
      { key: 'worried', prompt: 'What I am worried about' },
      { key: 'want', prompt: 'What I want to happen' },
      { key: 'questions', prompt: 'Questions I want to ask' },
    ],
  },
  {
    id: 'three-houses',
    name: 'Good things, worries, wishes',
    description: 'Three short questions for younger children.',
    prompts: [
      { key: 'good', prompt: 'Good things' },
      { key: 'worries', prompt: 'Worries' },
      { key: 'wishes', prompt: 'Wishes' },
    ],
  },
  {
    id: 'housing',
    name: 'Where I want to live',
    description: 'For a joint housing assessment or a placement or eviction appeal.',
    prompts: [
      { key: 'now', prompt: 'Where I am living now and how it is' },
      { key: 'worried', prompt: 'What I am worried about' },
      { key: 'want', prompt: 'Where I want to live and why' },
      { key: 'help', prompt: 'Help I need' },
      { key: 'questions', prompt: 'Questions I want to ask' },
    ],
  },
  {
    id: 'family-plan',
    name: 'My family plan',
    description: 'For a family group conference.',
    prompts: [
      { key: 'important', prompt: 'Who is important to me' },
      { key: 'going_well', prompt: 'What is going well' },
      { key: 'worried', prompt: 'What I am worried about' },
      { key: 'want', prompt: 'What I want the plan to say' },
    ],
  },
];

export function templateById(id: string): StatementTemplate | undefined {
  return statementTemplates.find((t) => t.id === id);
}

/** Empty sections for a new statement from a template. */
export function sectionsFromTemplate(template: StatementTemplate): StatementSection[] {
  return template.prompts.map((p) => ({ key: p.key, prompt: p.prompt, text: '' }));
}

/** True when two sets of sections say the same thing (ignoring spaces at the ends). */
export function sameWords(a: readonly StatementSection[], b: readonly StatementSection[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((s, i) => {
    const o = b[i]!;
    return s.key === o.key && s.prompt.trim() === o.prompt.trim() && s.text.trim() === o.text.trim();
  });
}

/** Everything the young person will read, for the readability score. */
export const statementPlainText = (sections: readonly StatementSection[]): string =>
  sections
    .map((s) =>
      [s.prompt.trim(), s.text.trim()]
        .filter(Boolean)
        .map((t) => (/[.!?]$/.test(t) ? t : `${t}.`))
        .join(' '),
    )
    .join('\n');
