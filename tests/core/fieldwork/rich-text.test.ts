import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../electron/core/fieldwork/note-search';
import { plainTextOf, youngPersonWordsOf, type RichNode } from '../../../shared/domain/fieldwork';

const doc: RichNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Visit' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'She said ' },
        { type: 'text', text: 'I want to stay', marks: [{ type: 'youngPersonWords' }] },
        { type: 'text', text: ' at Oakfield', marks: [{ type: 'youngPersonWords' }, { type: 'bold' }] },
        { type: 'text', text: ' and then laughed.' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Nan', marks: [{ type: 'youngPersonWords' }] }] },
          ],
        },
      ],
    },
  ],
};

describe('note text', () => {
  it('gives the words without formatting, one block per line', () => {
    expect(plainTextOf(doc)).toBe('Visit\nShe said I want to stay at Oakfield and then laughed.\nNan');
  });

  it("collects the young person's own words as whole quotes, split where the advocate's words come between", () => {
    expect(youngPersonWordsOf(doc)).toEqual(['I want to stay at Oakfield', 'Nan']);
  });
});

describe('search query', () => {
  it('makes terms, keeps quoted phrases and matches the last word as a prefix', () => {
    expect(toFtsQuery('school bus')).toBe('"school" "bus"*');
    expect(toFtsQuery('"contact with mum" nan ')).toBe('"contact with mum" "nan"');
    expect(toFtsQuery('Zoë')).toBe('"Zoë"*');
  });

  it('never passes FTS syntax through', () => {
    expect(toFtsQuery('NEAR( OR * - ^')).toBe('"NEAR" "OR"*');
    expect(toFtsQuery('*** ""')).toBeNull();
  });
});
