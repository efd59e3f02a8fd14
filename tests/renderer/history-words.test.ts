import { describe, expect, it } from 'vitest';
import { fieldWord, valueWords } from '../../renderer/src/features/caseload/history-words';

describe("the History tab's words come from the records' definitions", () => {
  it('names each corrected column as its form does', () => {
    expect(fieldWord('person', 'date_of_birth')).toBe('Date of birth');
    expect(fieldWord('person', 'preferred_name')).toBe('Name they use');
    expect(fieldWord('referral_issue', 'description')).toBe('In their own words');
    // A column stored under another name than its field's.
    expect(fieldWord('meeting', 'meeting_date')).toBe('Date');
    expect(fieldWord('case_action', 'due_on')).toBe('Due');
  });

  it('shows codes, yes/no answers, lists and dates in words, and an empty value as a dash', () => {
    expect(valueWords('person', 'gender', 'female')).toBe('Female');
    expect(valueWords('person', 'placement_in_area', 0)).toBe('Out of area');
    expect(valueWords('person', 'interpreter_needed', 1)).toBe('Yes');
    expect(valueWords('person', 'status_tags', ['CIC', 'SEND'])).toBe(
      'Child in care (CIC), Special educational needs (SEND)',
    );
    expect(valueWords('referral_issue', 'code', 'PLACEMENT')).toBe('Placement');
    expect(valueWords('meeting', 'meeting_date', '2026-12-21')).toBe('21/12/2026');
    expect(valueWords('person', 'pronouns', null)).toBe('—');
  });
});
