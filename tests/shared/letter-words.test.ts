import { describe, expect, it } from 'vitest';
import { pronounForms } from '../../shared/domain/pronouns';
import { isolatedRuns, paragraphDirection } from '../../shared/templates/direction';
import { fillPlaceholders, findPlaceholders, undecidedPlaceholders } from '../../shared/templates';
import { plainText, type TipTapDoc } from '../../shared/templates/tiptap';

describe('pronouns', () => {
  it.each([
    ['he/him', ['he', 'him', 'his', 'is', 'has']],
    ['She / Her', ['she', 'her', 'her', 'is', 'has']],
    ['they/them/theirs', ['they', 'them', 'their', 'are', 'have']],
    ['he/they', ['he', 'him', 'his', 'is', 'has']],
    ['xe/xem/xyr', ['xe', 'xem', 'xyr', 'is', 'has']],
    [null, ['Amira', 'Amira', "Amira's", 'is', 'has']],
    ['', ['Amira', 'Amira', "Amira's", 'is', 'has']],
  ])('"%s" gives the forms a sentence needs', (recorded, [subject, object, possessive, are, have]) => {
    expect(pronounForms(recorded, 'Amira')).toEqual({ subject, object, possessive, are, have });
  });

  it('writes the possessive of a name ending in s as the name and an apostrophe', () => {
    expect(pronounForms(null, 'Yonas').possessive).toBe("Yonas'");
  });
});

describe('paragraph direction', () => {
  it('is right to left only when every letter is in a right-to-left script', () => {
    expect(paragraphDirection('أريد أن أرى أخي كل أسبوع.')).toBe('rtl');
    expect(paragraphDirection('“ګلپاڼه ښکلې” 12')).toBe('rtl');
    expect(paragraphDirection("In محمد بن عبد الرحمن الهاشمي's own words:")).toBe('ltr');
    expect(paragraphDirection('ሳምራዊት ተስፋይ')).toBe('ltr');
    expect(paragraphDirection('12/03/2026')).toBe('ltr');
  });

  it('isolates each right-to-left stretch inside English, numbers between its words included', () => {
    const text = 'Name: شارع 12 الملك, then محمد 123.';
    expect(isolatedRuns(text).map((r) => text.slice(r.start, r.end))).toEqual(['شارع 12 الملك', 'محمد']);
    expect(isolatedRuns('محمد يسكن في لندن')).toEqual([]);
  });
});

describe('placeholders', () => {
  const doc: TipTapDoc = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Please reply by ' },
          { type: 'text', text: '[date]', marks: [{ type: 'italic' }] },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Born [date of ' },
          { type: 'text', text: 'birth]', marks: [{ type: 'bold' }] },
          { type: 'text', text: ', reply by [date].' },
        ],
      },
    ],
  };

  it('are found once each, in order, even when split across formatting', () => {
    expect(findPlaceholders(doc)).toEqual(['[date]', '[date of birth]']);
    expect(undecidedPlaceholders(doc, ['[date]'])).toEqual(['[date of birth]']);
  });

  it('are filled everywhere, in plain text, leaving the rest of the formatting alone', () => {
    const filled = fillPlaceholders(doc, { '[date]': '01/04/2026', '[date of birth]': '02/04/2010' });
    expect(plainText(filled)).toBe('Please reply by 01/04/2026.\nBorn 02/04/2010, reply by 01/04/2026.');
    const first = filled.content?.[0]?.content ?? [];
    expect(first.find((n) => n.text === '01/04/2026')?.marks).toBeUndefined();
    expect(findPlaceholders(filled)).toEqual([]);
    expect(plainText(doc)).toContain('[date]');
  });
});
