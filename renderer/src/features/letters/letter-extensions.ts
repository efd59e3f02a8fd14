import { Node, mergeAttributes } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { YoungPersonWords } from '../fieldwork/young-person-words';
import { LetterDirection } from './letter-direction';

/**
 * A block quoting the young person's own words: letters leave room for them, and the PDF engine
 * sets it apart as an indented quotation. Without this node the editor would drop it on load.
 */
export const YoungPersonQuote = Node.create({
  name: 'youngPersonQuote',
  group: 'block',
  content: 'block+',
  defining: true,
  parseHTML() {
    return [{ tag: 'blockquote[data-young-person-quote]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'blockquote',
      mergeAttributes(HTMLAttributes, {
        'data-young-person-quote': '',
        class: 'heard-young-person-quote',
        title: "The young person's own words",
      }),
      0,
    ];
  },
});

/** What a letter can hold: headings, lists, bold, italic, quotations and the young person's words, each paragraph in its own direction. */
export const letterExtensions = [
  StarterKit.configure({ code: false, codeBlock: false, link: false, heading: { levels: [2, 3] } }),
  YoungPersonWords,
  YoungPersonQuote,
  LetterDirection,
];
