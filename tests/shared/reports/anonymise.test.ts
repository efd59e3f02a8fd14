import { describe, expect, it } from 'vitest';
import { anonymise, placeParts, suggestPseudonym } from '../../../shared/reports/anonymise';

describe('anonymising a case study', () => {
  it('replaces whole names in any script and leaves longer words alone', () => {
    const details = { names: ['محمد', 'Ana'], otherNames: [], places: [] };
    expect(anonymise('محمد said: Ana and Anagram.', details, 'Sam')).toBe('Sam said: Sam and Anagram.');
  });
  it('replaces a full name before its parts, ignoring case', () => {
    expect(
      anonymise(
        'AMIRA HADDAD, then amira.',
        { names: ['Amira', 'Amira Haddad', 'Haddad'], otherNames: [], places: [] },
        'Sky',
      ),
    ).toBe('Sky, then Sky.');
  });
  it('treats names with regex characters as plain text', () => {
    expect(anonymise('Jo (Jay) came.', { names: ['Jo (Jay)'], otherNames: [], places: [] }, 'Sam')).toBe('Sam came.');
  });
  it('splits an address into places worth replacing', () => {
    expect(placeParts('12 Mill Lane, Chatham\nME4 4AA')).toEqual([
      '12 Mill Lane, Chatham\nME4 4AA',
      '12 Mill Lane',
      'Chatham',
      'ME4 4AA',
    ]);
  });
  it("never suggests the young person's own name", () => {
    const first = suggestPseudonym('case-1');
    expect(suggestPseudonym('case-1', [first])).not.toBe(first);
  });
});
