import { describe, expect, it } from 'vitest';
import { councilCodeFor, matchCouncil } from '../../shared/domain/council-match';
import { councilByCode, councilName, councils, OTHER_COUNCIL } from '../../shared/domain/councils';

const english = councils.filter((c) => ['county', 'metropolitan', 'london', 'unitary'].includes(c.kind));
const codeOf = (text: string) => {
  const m = matchCouncil(text);
  return m.kind === 'match' ? m.council.code : m.kind;
};

describe('the list of councils', () => {
  it("holds every English council with children's services duties in 2026, by ONS code, once", () => {
    const count = (kind: string) => councils.filter((c) => c.kind === kind).length;
    expect([count('county'), count('metropolitan'), count('london'), count('unitary')]).toEqual([21, 36, 33, 63]);
    expect(english).toHaveLength(153);
    expect(new Set(councils.map((c) => c.code)).size).toBe(councils.length);
    for (const c of english)
      expect(c.code, c.name).toMatch(
        c.kind === 'county'
          ? /^E10\d{6}$/
          : c.kind === 'metropolitan'
            ? /^E08\d{6}$/
            : c.kind === 'london'
              ? /^E09\d{6}$/
              : /^E06\d{6}$/,
      );
    // The unitary councils made since 2019, and the smallest two.
    for (const [code, name] of [
      ['E06000058', 'Bournemouth, Christchurch and Poole'],
      ['E06000059', 'Dorset'],
      ['E06000060', 'Buckinghamshire'],
      ['E06000061', 'North Northamptonshire'],
      ['E06000062', 'West Northamptonshire'],
      ['E06000063', 'Cumberland'],
      ['E06000064', 'Westmorland and Furness'],
      ['E06000065', 'North Yorkshire'],
      ['E06000066', 'Somerset'],
      ['E06000053', 'Isles of Scilly'],
      ['E09000001', 'City of London'],
    ])
      expect(councilByCode(code!)?.name).toBe(name);
    // Councils that no longer exist are not offered.
    for (const gone of ['E10000006', 'E10000021', 'E10000023', 'E10000027', 'E06000028', 'E06000029', 'E06000048'])
      expect(councilByCode(gone)).toBeUndefined();
    expect(['W92000004', 'S92000003', 'N92000002', OTHER_COUNCIL].map((c) => councilByCode(c)?.kind)).toEqual([
      'nation',
      'nation',
      'nation',
      'other',
    ]);
  });
});

describe('matching what was typed to a council', () => {
  it('matches every council by its code, its name, its other names and the usual ways of writing them', () => {
    for (const c of councils) {
      const forms = [
        c.code,
        c.code.toLowerCase(),
        c.name,
        c.name.toUpperCase(),
        ` ${c.name}  `,
        `${c.name} Council`,
        ...c.also,
      ];
      if (c.kind === 'county') forms.push(`${c.name} County Council`, `${c.name} CC`);
      if (c.kind === 'london')
        forms.push(`London Borough of ${c.name}`, `LB ${c.name}`, `${c.name} Council Children's Services`);
      if (c.kind === 'metropolitan') forms.push(`${c.name} Metropolitan Borough Council`, `${c.name} MBC`);
      if (c.kind === 'unitary') forms.push(`${c.name} Borough Council`, `The ${c.name} Council`);
      for (const text of forms) expect(codeOf(text), `"${text}"`).toBe(c.code);
    }
  });

  it('makes "Lancashire", "Lancashire County Council" and "E10000017" one council', () => {
    expect(
      new Set(
        [
          'Lancashire',
          'Lancashire County Council',
          'E10000017',
          'lancs',
          "Lancashire County Council children's services",
        ].map(codeOf),
      ),
    ).toEqual(new Set(['E10000017']));
  });

  it('reads the usual spellings of awkward names', () => {
    expect(codeOf('St. Helens')).toBe('E08000013');
    expect(codeOf('Saint Helens Council')).toBe('E08000013');
    expect(codeOf('Bath & North East Somerset Council')).toBe('E06000022');
    expect(codeOf('Royal Borough of Kensington & Chelsea')).toBe('E09000020');
    expect(codeOf('Hull City Council')).toBe('E06000010');
    expect(codeOf('Durham County Council')).toBe('E06000047');
    expect(codeOf('City of York Council')).toBe('E06000014');
    expect(codeOf('Leicester City Council')).toBe('E06000016');
    expect(codeOf('Leicestershire County Council')).toBe('E10000018');
    expect(codeOf('Stoke on Trent')).toBe('E06000021');
    expect(codeOf('Council of the Isles of Scilly')).toBe('E06000053');
    expect(codeOf('City of London Corporation')).toBe('E09000001');
    expect(codeOf('North Yorkshire County Council')).toBe('E06000065');
    expect(codeOf('Somerset County Council')).toBe('E06000066');
    expect(codeOf('Cardiff Council')).toBe('W92000004');
    expect(codeOf('Glasgow City Council')).toBe('S92000003');
    expect(codeOf('Belfast Trust')).toBe('N92000002');
  });

  it('asks which council is meant when a name covers several', () => {
    for (const [text, codes] of [
      ['London', 33],
      ['Northamptonshire', 2],
      ['Northamptonshire County Council', 2],
      ['E10000021', 2],
      ['Cumbria County Council', 2],
      ['Berkshire', 6],
      ['Kingston', 2],
    ] as const) {
      const m = matchCouncil(text);
      expect(m.kind, text).toBe('ambiguous');
      if (m.kind === 'ambiguous') expect(m.candidates, text).toHaveLength(codes);
    }
    const cumbria = matchCouncil('Cumbria');
    expect(cumbria.kind === 'ambiguous' && cumbria.candidates.map((c) => c.name)).toEqual([
      'Cumberland',
      'Westmorland and Furness',
    ]);
  });

  it('never matches a misspelling, but suggests the council it is close to', () => {
    for (const [typed, meant] of [
      ['Lancshire', 'E10000017'],
      ['Lancashre County Council', 'E10000017'],
      ['Surey', 'E10000030'],
      ['Birmingam', 'E08000025'],
      ['Kensington and Chelse', 'E09000020'],
      ['Manchestr City Council', 'E08000003'],
      ['Nottinghamshir', 'E10000024'],
      ['Cumberlnad', 'E06000063'],
    ] as const) {
      const m = matchCouncil(typed);
      expect(m.kind, typed).toBe('none');
      if (m.kind === 'none')
        expect(
          m.suggestions.map((c) => c.code),
          typed,
        ).toContain(meant);
      expect(councilCodeFor(typed)).toBeNull();
    }
    expect(codeOf('E10000099')).toBe('none');
    expect(codeOf('Gotham')).toBe('none');
    expect(codeOf('Lancashire Constabulary')).toBe('none');
    expect(codeOf('   ')).toBe('empty');
    expect(codeOf('')).toBe('empty');
  });

  it('shows a stored code by its name, and text that was never matched as it was typed', () => {
    expect(councilName('E10000017')).toBe('Lancashire');
    expect(councilName('Lancshire')).toBe('Lancshire');
  });
});
