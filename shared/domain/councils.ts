/**
 * The councils a case can belong to: every English local authority with children's services
 * duties as of 2026 (county councils, metropolitan boroughs, London boroughs with the City of
 * London, and unitary authorities including the Isles of Scilly), keyed by ONS code, plus one
 * entry each for Wales, Scotland and Northern Ireland (by their ONS country codes) and one for
 * anywhere else. Names are the ones advocates use; `also` lists other names and short forms
 * people type, and the codes of councils that have been replaced by the one listed.
 */
export type CouncilKind = 'county' | 'metropolitan' | 'london' | 'unitary' | 'nation' | 'other';

export interface Council {
  code: string;
  name: string;
  kind: CouncilKind;
  also: readonly string[];
}

type Row = readonly [code: string, name: string, ...also: string[]];

const county: readonly Row[] = [
  ['E10000003', 'Cambridgeshire', 'Cambs'],
  ['E10000007', 'Derbyshire', 'Derbys'],
  ['E10000008', 'Devon'],
  ['E10000011', 'East Sussex', 'E Sussex'],
  ['E10000012', 'Essex'],
  ['E10000013', 'Gloucestershire', 'Glos'],
  ['E10000014', 'Hampshire', 'Hants'],
  ['E10000015', 'Hertfordshire', 'Herts'],
  ['E10000016', 'Kent'],
  ['E10000017', 'Lancashire', 'Lancs'],
  ['E10000018', 'Leicestershire', 'Leics'],
  ['E10000019', 'Lincolnshire', 'Lincs'],
  ['E10000020', 'Norfolk'],
  ['E10000024', 'Nottinghamshire', 'Notts'],
  ['E10000025', 'Oxfordshire', 'Oxon'],
  ['E10000028', 'Staffordshire', 'Staffs'],
  ['E10000029', 'Suffolk'],
  ['E10000030', 'Surrey'],
  ['E10000031', 'Warwickshire', 'Warks'],
  ['E10000032', 'West Sussex', 'W Sussex'],
  ['E10000034', 'Worcestershire', 'Worcs'],
];

const metropolitan: readonly Row[] = [
  ['E08000001', 'Bolton'],
  ['E08000002', 'Bury'],
  ['E08000003', 'Manchester'],
  ['E08000004', 'Oldham'],
  ['E08000005', 'Rochdale'],
  ['E08000006', 'Salford'],
  ['E08000007', 'Stockport'],
  ['E08000008', 'Tameside'],
  ['E08000009', 'Trafford'],
  ['E08000010', 'Wigan'],
  ['E08000011', 'Knowsley'],
  ['E08000012', 'Liverpool'],
  ['E08000013', 'St Helens'],
  ['E08000014', 'Sefton'],
  ['E08000015', 'Wirral'],
  ['E08000016', 'Barnsley'],
  ['E08000017', 'Doncaster'],
  ['E08000018', 'Rotherham'],
  ['E08000019', 'Sheffield'],
  ['E08000021', 'Newcastle upon Tyne', 'Newcastle'],
  ['E08000022', 'North Tyneside'],
  ['E08000023', 'South Tyneside'],
  ['E08000024', 'Sunderland'],
  ['E08000025', 'Birmingham'],
  ['E08000026', 'Coventry'],
  ['E08000027', 'Dudley'],
  ['E08000028', 'Sandwell'],
  ['E08000029', 'Solihull'],
  ['E08000030', 'Walsall'],
  ['E08000031', 'Wolverhampton'],
  ['E08000032', 'Bradford'],
  ['E08000033', 'Calderdale'],
  ['E08000034', 'Kirklees'],
  ['E08000035', 'Leeds'],
  ['E08000036', 'Wakefield'],
  ['E08000037', 'Gateshead', 'E08000020'],
];

const london: readonly Row[] = [
  ['E09000001', 'City of London', 'City of London Corporation', 'Corporation of London'],
  ['E09000002', 'Barking and Dagenham', 'LBBD'],
  ['E09000003', 'Barnet'],
  ['E09000004', 'Bexley'],
  ['E09000005', 'Brent'],
  ['E09000006', 'Bromley'],
  ['E09000007', 'Camden'],
  ['E09000008', 'Croydon'],
  ['E09000009', 'Ealing'],
  ['E09000010', 'Enfield'],
  ['E09000011', 'Greenwich', 'Royal Borough of Greenwich'],
  ['E09000012', 'Hackney'],
  ['E09000013', 'Hammersmith and Fulham', 'LBHF', 'H and F'],
  ['E09000014', 'Haringey'],
  ['E09000015', 'Harrow'],
  ['E09000016', 'Havering'],
  ['E09000017', 'Hillingdon'],
  ['E09000018', 'Hounslow'],
  ['E09000019', 'Islington'],
  ['E09000020', 'Kensington and Chelsea', 'RBKC'],
  ['E09000021', 'Kingston upon Thames'],
  ['E09000022', 'Lambeth'],
  ['E09000023', 'Lewisham'],
  ['E09000024', 'Merton'],
  ['E09000025', 'Newham'],
  ['E09000026', 'Redbridge'],
  ['E09000027', 'Richmond upon Thames', 'Richmond'],
  ['E09000028', 'Southwark'],
  ['E09000029', 'Sutton'],
  ['E09000030', 'Tower Hamlets'],
  ['E09000031', 'Waltham Forest'],
  ['E09000032', 'Wandsworth'],
  ['E09000033', 'Westminster'],
];

const unitary: readonly Row[] = [
  ['E06000001', 'Hartlepool'],
  ['E06000002', 'Middlesbrough'],
  ['E06000003', 'Redcar and Cleveland', 'Redcar'],
  ['E06000004', 'Stockton-on-Tees', 'Stockton'],
  ['E06000005', 'Darlington'],
  ['E06000006', 'Halton'],
  ['E06000007', 'Warrington'],
  ['E06000008', 'Blackburn with Darwen', 'Blackburn'],
  ['E06000009', 'Blackpool'],
  ['E06000010', 'Kingston upon Hull', 'Hull', 'Kingston upon Hull, City of'],
  ['E06000011', 'East Riding of Yorkshire', 'East Riding'],
  ['E06000012', 'North East Lincolnshire', 'NE Lincolnshire', 'NE Lincs'],
  ['E06000013', 'North Lincolnshire', 'N Lincolnshire', 'N Lincs'],
  ['E06000014', 'York'],
  ['E06000015', 'Derby'],
  ['E06000016', 'Leicester'],
  ['E06000017', 'Rutland'],
  ['E06000018', 'Nottingham'],
  ['E06000019', 'Herefordshire', 'Herefordshire, County of'],
  ['E06000020', 'Telford and Wrekin', 'Telford'],
  ['E06000021', 'Stoke-on-Trent', 'Stoke'],
  ['E06000022', 'Bath and North East Somerset', 'BANES', 'B and NES'],
  ['E06000023', 'Bristol', 'Bristol, City of'],
  ['E06000024', 'North Somerset'],
  ['E06000025', 'South Gloucestershire', 'South Glos'],
  ['E06000026', 'Plymouth'],
  ['E06000027', 'Torbay'],
  ['E06000030', 'Swindon'],
  ['E06000031', 'Peterborough'],
  ['E06000032', 'Luton'],
  ['E06000033', 'Southend-on-Sea', 'Southend'],
  ['E06000034', 'Thurrock'],
  ['E06000035', 'Medway'],
  ['E06000036', 'Bracknell Forest', 'Bracknell'],
  ['E06000037', 'West Berkshire'],
  ['E06000038', 'Reading'],
  ['E06000039', 'Slough'],
  ['E06000040', 'Windsor and Maidenhead', 'RBWM'],
  ['E06000041', 'Wokingham'],
  ['E06000042', 'Milton Keynes'],
  ['E06000043', 'Brighton and Hove', 'Brighton'],
  ['E06000044', 'Portsmouth'],
  ['E06000045', 'Southampton'],
  ['E06000046', 'Isle of Wight'],
  ['E06000047', 'County Durham', 'Durham'],
  ['E06000049', 'Cheshire East'],
  ['E06000050', 'Cheshire West and Chester', 'Cheshire West'],
  ['E06000051', 'Shropshire'],
  ['E06000052', 'Cornwall'],
  ['E06000053', 'Isles of Scilly', 'Scilly'],
  ['E06000054', 'Wiltshire', 'Wilts'],
  ['E06000055', 'Bedford', 'Bedford Borough'],
  ['E06000056', 'Central Bedfordshire'],
  ['E06000057', 'Northumberland', 'E06000048'],
  [
    'E06000058',
    'Bournemouth, Christchurch and Poole',
    'BCP',
    'Bournemouth',
    'Poole',
    'Christchurch',
    'E06000028',
    'E06000029',
  ],
  ['E06000059', 'Dorset', 'E10000009'],
  ['E06000060', 'Buckinghamshire', 'Bucks', 'E10000002'],
  ['E06000061', 'North Northamptonshire', 'North Northants'],
  ['E06000062', 'West Northamptonshire', 'West Northants'],
  ['E06000063', 'Cumberland'],
  ['E06000064', 'Westmorland and Furness'],
  ['E06000065', 'North Yorkshire', 'N Yorkshire', 'E10000023'],
  ['E06000066', 'Somerset', 'E10000027'],
];

const nations: readonly Row[] = [
  [
    'W92000004',
    'Wales',
    'Welsh council',
    'Blaenau Gwent',
    'Bridgend',
    'Caerphilly',
    'Cardiff',
    'Carmarthenshire',
    'Ceredigion',
    'Conwy',
    'Denbighshire',
    'Flintshire',
    'Gwynedd',
    'Isle of Anglesey',
    'Anglesey',
    'Merthyr Tydfil',
    'Monmouthshire',
    'Neath Port Talbot',
    'Newport',
    'Pembrokeshire',
    'Powys',
    'Rhondda Cynon Taf',
    'Swansea',
    'Torfaen',
    'Vale of Glamorgan',
    'Wrexham',
  ],
  [
    'S92000003',
    'Scotland',
    'Scottish council',
    'Aberdeen City',
    'Aberdeen',
    'Aberdeenshire',
    'Angus',
    'Argyll and Bute',
    'Clackmannanshire',
    'Dumfries and Galloway',
    'Dundee City',
    'Dundee',
    'East Ayrshire',
    'East Dunbartonshire',
    'East Lothian',
    'East Renfrewshire',
    'City of Edinburgh',
    'Edinburgh',
    'Falkirk',
    'Fife',
    'Glasgow City',
    'Glasgow',
    'Highland',
    'Inverclyde',
    'Midlothian',
    'Moray',
    'Na h-Eileanan Siar',
    'Comhairle nan Eilean Siar',
    'Western Isles',
    'North Ayrshire',
    'North Lanarkshire',
    'Orkney Islands',
    'Orkney',
    'Perth and Kinross',
    'Renfrewshire',
    'Scottish Borders',
    'Shetland Islands',
    'Shetland',
    'South Ayrshire',
    'South Lanarkshire',
    'Stirling',
    'West Dunbartonshire',
    'West Lothian',
  ],
  [
    'N92000002',
    'Northern Ireland',
    'NI',
    'Belfast Health and Social Care Trust',
    'Belfast Trust',
    'Belfast',
    'Northern Health and Social Care Trust',
    'Northern Trust',
    'South Eastern Health and Social Care Trust',
    'South Eastern Trust',
    'Southern Health and Social Care Trust',
    'Southern Trust',
    'Western Health and Social Care Trust',
    'Western Trust',
  ],
];

/** The code for a council outside the list: abroad, or an area the list does not name. */
export const OTHER_COUNCIL = 'OTHER';
const other: readonly Row[] = [
  [OTHER_COUNCIL, 'Another area (outside the UK or not listed)', 'Other', 'Outside the UK', 'Abroad'],
];

const build = (rows: readonly Row[], kind: CouncilKind): Council[] =>
  rows.map(([code, name, ...also]) => ({ code, name, kind, also }));

export const councils: readonly Council[] = [
  ...build(county, 'county'),
  ...build(metropolitan, 'metropolitan'),
  ...build(london, 'london'),
  ...build(unitary, 'unitary'),
  ...build(nations, 'nation'),
  ...build(other, 'other'),
];

/**
 * Names that cover more than one council (a former county split in two, a region): typing one
 * asks which is meant rather than choosing for the advocate.
 */
export const sharedAreaNames: Readonly<Record<string, readonly string[]>> = {
  London: london.map(([code]) => code),
  Cumbria: ['E06000063', 'E06000064'],
  E10000006: ['E06000063', 'E06000064'],
  Northamptonshire: ['E06000061', 'E06000062'],
  Northants: ['E06000061', 'E06000062'],
  E10000021: ['E06000061', 'E06000062'],
  Bedfordshire: ['E06000055', 'E06000056', 'E06000032'],
  Beds: ['E06000055', 'E06000056', 'E06000032'],
  Berkshire: ['E06000036', 'E06000037', 'E06000038', 'E06000039', 'E06000040', 'E06000041'],
  Berks: ['E06000036', 'E06000037', 'E06000038', 'E06000039', 'E06000040', 'E06000041'],
  Cheshire: ['E06000049', 'E06000050'],
  Kingston: ['E09000021', 'E06000010'],
  Avon: ['E06000022', 'E06000023', 'E06000024', 'E06000025'],
  Cleveland: ['E06000001', 'E06000002', 'E06000003', 'E06000004'],
  Yorkshire: [
    'E06000011',
    'E06000014',
    'E06000065',
    'E08000016',
    'E08000017',
    'E08000018',
    'E08000019',
    'E08000032',
    'E08000033',
    'E08000034',
    'E08000035',
    'E08000036',
  ],
  Northumbria: ['E06000057', 'E08000021', 'E08000022', 'E08000023', 'E08000024', 'E08000037'],
};

const byCode = new Map(councils.map((c) => [c.code, c]));

/** The council with this code, or undefined. */
export const councilByCode = (code: string): Council | undefined => byCode.get(code);

/** Every name a stored council goes by (not its codes), e.g. to take them out of an anonymised case study. */
export function councilNames(stored: string): string[] {
  const c = byCode.get(stored);
  return c ? [c.name, ...c.also.filter((a) => !/^[A-Z]\d{8}$/.test(a))] : [stored];
}

/** The name to show for a stored council: the list's name for a code, otherwise what was typed. */
export function councilName(stored: string): string {
  return byCode.get(stored)?.name ?? stored;
}
