import { Mark, mergeAttributes } from '@tiptap/core';
import { YOUNG_PERSON_WORDS_MARK } from '../../../../shared/domain/fieldwork';

/**
 * The young person's own words, kept apart from the advocate's. Rendered as a quotation (<q>) so
 * it reads as one to a screen reader and looks different on screen; the PDF engine quotes text
 * carrying a mark of this name.
 */
export const YoungPersonWords = Mark.create({
  name: YOUNG_PERSON_WORDS_MARK,
  // Typing at the end of a quote carries on the quote, as when writing down what was said.
  inclusive: true,
  parseHTML() {
    return [{ tag: 'q[data-young-person-words]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'q',
      mergeAttributes(HTMLAttributes, {
        'data-young-person-words': '',
        class: 'heard-young-person-words',
        title: "The young person's own words",
      }),
      0,
    ];
  },
  addKeyboardShortcuts() {
    return { 'Mod-Shift-y': () => this.editor.commands.toggleMark(this.name) };
  },
});
