import StarterKit from '@tiptap/starter-kit';
import { YoungPersonWords } from './young-person-words';

/**
 * What a note can hold: headings, lists, bold, italic, quotes and the young person's own words.
 * No links (nothing in a note should open a web page) and no code blocks.
 */
export const noteExtensions = [
  StarterKit.configure({
    code: false,
    codeBlock: false,
    link: false,
    horizontalRule: false,
    heading: { levels: [2, 3] },
  }),
  YoungPersonWords,
];
