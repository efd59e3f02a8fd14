/**
 * Equality and placement facts that commissioners ask for, with the codes councils already use:
 * ethnicity as in the Department for Education's children-in-need census and SSDA903 returns, so
 * a figure can be set beside the council's own.
 */
export const ethnicityCodes = [
  'WBRI',
  'WIRI',
  'WIRT',
  'WOTH',
  'WROM',
  'MWBC',
  'MWBA',
  'MWAS',
  'MOTH',
  'AIND',
  'APKN',
  'ABAN',
  'AOTH',
  'BCRB',
  'BAFR',
  'BOTH',
  'CHNE',
  'OOTH',
  'REFU',
  'NOBT',
] as const;
export type EthnicityCode = (typeof ethnicityCodes)[number];

export const ethnicityLabels: Record<EthnicityCode, string> = {
  WBRI: 'White British',
  WIRI: 'White Irish',
  WIRT: 'Traveller of Irish heritage',
  WOTH: 'Any other White background',
  WROM: 'Gypsy/Roma',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Black Caribbean',
  BAFR: 'Black African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
};

export const disabilityStatuses = ['yes', 'no', 'not_known'] as const;
export type DisabilityStatus = (typeof disabilityStatuses)[number];
export const disabilityLabels: Record<DisabilityStatus, string> = {
  yes: 'Disabled',
  no: 'Not disabled',
  not_known: 'Not known',
};

/** Where a child is placed, against the council that looks after them. Stored as `placement_in_area`. */
export const placementAreas = ['in_area', 'out_of_area'] as const;
export type PlacementArea = (typeof placementAreas)[number];
export const placementAreaLabels: Record<PlacementArea, string> = { in_area: 'In area', out_of_area: 'Out of area' };
export const placementAreaOf = (inArea: number | boolean | null | undefined): PlacementArea | null =>
  inArea === null || inArea === undefined ? null : inArea === true || inArea === 1 ? 'in_area' : 'out_of_area';

/** The four kinds of change the Medway report asks a service to describe. */
export const systemicAreas = ['individuals', 'health_social_care', 'wider_community', 'advocacy_service'] as const;
export type SystemicArea = (typeof systemicAreas)[number];
export const systemicAreaLabels: Record<SystemicArea, string> = {
  individuals: 'Changes for individuals',
  health_social_care: 'Changes to health and social care',
  wider_community: 'Changes to the wider community',
  advocacy_service: 'Changes to the advocacy service',
};

/** Extra words people write in spreadsheets for these codes, beside the labels above. */
const synonyms: Record<string, string> = {
  y: 'yes',
  n: 'no',
  unknown: 'not_known',
  'not known': 'not_known',
  disabled: 'yes',
  'not disabled': 'no',
  instructed: 'instructed',
  'non instructed': 'non_instructed',
  'non-instructed': 'non_instructed',
  'in area': 'in_area',
  'out of area': 'out_of_area',
  in: 'in_area',
  out: 'out_of_area',
};

const fold = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');

/**
 * A code from a spreadsheet cell that holds either the code or its words ("WBRI" or "White
 * British", "out_of_area" or "Out of area"), ignoring case, spaces and underscores; undefined when
 * it is neither.
 */
export function matchCode<T extends string>(
  list: readonly T[],
  labels: Partial<Record<T, string>>,
  value: string,
): T | undefined {
  const v = fold(value);
  if (!v) return undefined;
  const byCode = list.find((c) => fold(c) === v);
  if (byCode) return byCode;
  const byLabel = list.find((c) => labels[c] !== undefined && fold(labels[c]!) === v);
  if (byLabel) return byLabel;
  const other = synonyms[v];
  return list.find((c) => c === other);
}
