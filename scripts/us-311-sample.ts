import { seededRandom } from '../src/server/seed/random';

/**
 * A made-up but realistic US 311 export in New York City's open-data layout (its column names,
 * US dates with AM/PM in America/New_York, agencies by acronym): service types per agency, and
 * per-neighbourhood routing, so routing can be learned from it — most of a service type in a
 * neighbourhood goes to one agency (the usual one, or a local one for shared types), about 7 %
 * elsewhere. Deterministic: the same rows and seed give the same file.
 */

const agencies = {
  NYPD: 'New York City Police Department',
  HPD: 'Department of Housing Preservation and Development',
  DSNY: 'Department of Sanitation',
  DOT: 'Department of Transportation',
  DEP: 'Department of Environmental Protection',
  DPR: 'Department of Parks and Recreation',
  DOHMH: 'Department of Health and Mental Hygiene',
  DOB: 'Department of Buildings',
} as const;
type Agency = keyof typeof agencies;

/** Service type → its usual agency, the agencies that take it in some neighbourhoods, weight, descriptors, hours to close. */
const serviceTypes: { type: string; agency: Agency; shared?: Agency[]; weight: number; descriptors: string[]; hours: number }[] = [
  {
    type: 'Noise - Residential',
    agency: 'NYPD',
    weight: 14,
    descriptors: ['Loud Music/Party', 'Banging/Pounding', 'Loud Talking'],
    hours: 3,
  },
  {
    type: 'Illegal Parking',
    agency: 'NYPD',
    weight: 9,
    descriptors: ['Blocked Hydrant', 'Double Parked Blocking Traffic', 'Posted Parking Sign Violation'],
    hours: 4,
  },
  { type: 'Blocked Driveway', agency: 'NYPD', weight: 6, descriptors: ['No Access', 'Partial Access'], hours: 4 },
  { type: 'Noise - Street/Sidewalk', agency: 'NYPD', weight: 4, descriptors: ['Loud Music/Party', 'Loud Talking'], hours: 3 },
  { type: 'HEAT/HOT WATER', agency: 'HPD', weight: 12, descriptors: ['ENTIRE BUILDING', 'APARTMENT ONLY'], hours: 60 },
  { type: 'PLUMBING', agency: 'HPD', weight: 4, descriptors: ['WATER SUPPLY', 'BATHTUB/SHOWER', 'TOILET'], hours: 200 },
  {
    type: 'UNSANITARY CONDITION',
    agency: 'HPD',
    shared: ['DOHMH'],
    weight: 4,
    descriptors: ['PESTS', 'MOLD', 'GARBAGE/RECYCLING STORAGE'],
    hours: 240,
  },
  { type: 'PAINT/PLASTER', agency: 'HPD', weight: 3, descriptors: ['CEILING', 'WALLS'], hours: 300 },
  {
    type: 'Missed Collection',
    agency: 'DSNY',
    weight: 5,
    descriptors: ['Trash', 'Recycling - Paper', 'Recycling - Metal/Glass/Plastic'],
    hours: 30,
  },
  { type: 'Dirty Condition', agency: 'DSNY', shared: ['DPR'], weight: 4, descriptors: ['Trash', 'Sidewalk', 'Litter'], hours: 48 },
  {
    type: 'Illegal Dumping',
    agency: 'DSNY',
    shared: ['DPR'],
    weight: 3,
    descriptors: ['Removal Request', 'Surveillance Request'],
    hours: 96,
  },
  { type: 'Derelict Vehicles', agency: 'DSNY', shared: ['NYPD'], weight: 2, descriptors: ['Derelict Vehicles'], hours: 240 },
  { type: 'Street Condition', agency: 'DOT', weight: 6, descriptors: ['Pothole', 'Cave-in', 'Rough, Pitted or Cracked Roads'], hours: 72 },
  {
    type: 'Street Light Condition',
    agency: 'DOT',
    weight: 4,
    descriptors: ['Street Light Out', 'Street Light Cycling', 'Lamppost Damaged'],
    hours: 120,
  },
  { type: 'Traffic Signal Condition', agency: 'DOT', weight: 2, descriptors: ['Controller', 'Ped Signal', 'LED Lense'], hours: 6 },
  { type: 'Sidewalk Condition', agency: 'DOT', shared: ['DPR'], weight: 2, descriptors: ['Broken Sidewalk', 'Defacement'], hours: 400 },
  {
    type: 'Water System',
    agency: 'DEP',
    weight: 4,
    descriptors: ['Hydrant Running (WC3)', 'No Water (WNW)', 'Leak (Use Comments) (WA2)'],
    hours: 12,
  },
  {
    type: 'Sewer',
    agency: 'DEP',
    weight: 3,
    descriptors: ['Catch Basin Clogged/Flooding (Use Comments) (SC)', 'Sewer Backup (Use Comments) (SA)'],
    hours: 24,
  },
  {
    type: 'Noise',
    agency: 'DEP',
    shared: ['NYPD'],
    weight: 3,
    descriptors: ['Noise: Construction Before/After Hours (NM1)', 'Noise: Jack Hammering (NC2)', 'Noise: Alarms (NR3)'],
    hours: 96,
  },
  { type: 'Damaged Tree', agency: 'DPR', weight: 2, descriptors: ['Branch Cracked and Will Fall', 'Trunk Damaged'], hours: 150 },
  {
    type: 'Overgrown Tree/Branches',
    agency: 'DPR',
    weight: 2,
    descriptors: ['Hitting Building', 'Blocking Street', 'Blocking Sidewalk'],
    hours: 500,
  },
  {
    type: 'Rodent',
    agency: 'DOHMH',
    shared: ['DSNY'],
    weight: 3,
    descriptors: ['Rat Sighting', 'Mouse Sighting', 'Signs of Rodents'],
    hours: 300,
  },
  {
    type: 'Food Establishment',
    agency: 'DOHMH',
    weight: 1,
    descriptors: ['Food Contaminated', 'Pests/Rodents', 'Food Worker Illness'],
    hours: 200,
  },
  {
    type: 'Building/Use',
    agency: 'DOB',
    shared: ['HPD'],
    weight: 2,
    descriptors: ['Illegal Conversion Of Residential Building/Space', 'Illegal Conversion Of Commercial Bldg/Space'],
    hours: 500,
  },
];

const boroughs: Record<string, { streets: string[]; neighbourhoods: [string, number, number][] }> = {
  MANHATTAN: {
    streets: [
      'BROADWAY',
      'AMSTERDAM AVENUE',
      'WEST 86 STREET',
      'LENOX AVENUE',
      'EAST HOUSTON STREET',
      'WEST 23 STREET',
      'ST NICHOLAS AVENUE',
    ],
    neighbourhoods: [
      ['Upper West Side', 40.787, -73.975],
      ['Harlem', 40.811, -73.946],
      ['Chelsea', 40.746, -74.001],
      ['Lower East Side', 40.715, -73.984],
      ['Washington Heights', 40.84, -73.939],
    ],
  },
  BROOKLYN: {
    streets: ['FLATBUSH AVENUE', 'BEDFORD AVENUE', 'ATLANTIC AVENUE', '5 AVENUE', 'FULTON STREET', 'BUSHWICK AVENUE', 'OCEAN PARKWAY'],
    neighbourhoods: [
      ['Williamsburg', 40.708, -73.957],
      ['Bedford-Stuyvesant', 40.687, -73.941],
      ['Park Slope', 40.672, -73.977],
      ['Flatbush', 40.641, -73.961],
      ['Bay Ridge', 40.626, -74.03],
      ['Bushwick', 40.694, -73.921],
    ],
  },
  QUEENS: {
    streets: ['NORTHERN BOULEVARD', 'QUEENS BOULEVARD', 'JAMAICA AVENUE', 'ROOSEVELT AVENUE', '31 STREET', 'MAIN STREET'],
    neighbourhoods: [
      ['Astoria', 40.764, -73.923],
      ['Flushing', 40.767, -73.833],
      ['Jamaica', 40.702, -73.789],
      ['Long Island City', 40.744, -73.949],
      ['Jackson Heights', 40.756, -73.885],
    ],
  },
  BRONX: {
    streets: ['GRAND CONCOURSE', 'FORDHAM ROAD', 'WEBSTER AVENUE', 'EAST 149 STREET', 'WESTCHESTER AVENUE'],
    neighbourhoods: [
      ['Fordham', 40.861, -73.89],
      ['Mott Haven', 40.809, -73.922],
      ['Riverdale', 40.89, -73.912],
      ['Parkchester', 40.837, -73.86],
    ],
  },
  'STATEN ISLAND': {
    streets: ['RICHMOND AVENUE', 'HYLAN BOULEVARD', 'VICTORY BOULEVARD', 'BAY STREET'],
    neighbourhoods: [
      ['St. George', 40.644, -74.077],
      ['Tottenville', 40.512, -74.245],
      ['New Dorp', 40.573, -74.117],
    ],
  },
};

const pad = (n: number) => String(n).padStart(2, '0');
/** New York wall-clock time as the city's exports write it: 04/12/2018 11:11:26 AM. */
function usDate(wall: Date): string {
  const h = wall.getUTCHours();
  return `${pad(wall.getUTCMonth() + 1)}/${pad(wall.getUTCDate())}/${wall.getUTCFullYear()} ${pad(h % 12 || 12)}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

const quoted = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const us311Columns = [
  'Unique Key',
  'Created Date',
  'Closed Date',
  'Agency',
  'Agency Name',
  'Complaint Type',
  'Descriptor',
  'Incident Address',
  'Borough',
  'Neighborhood',
  'Latitude',
  'Longitude',
];

/** The export's text: a header and `rows` requests from 2018 and 2019. */
export function* us311Lines(rows: number, seed = 311): Generator<string> {
  const { next, pick } = seededRandom(seed);
  const places = Object.entries(boroughs).flatMap(([borough, b]) =>
    b.neighbourhoods.map(([name, lat, lon]) => ({ borough, name, lat, lon, streets: b.streets })),
  );
  // Where a shared type goes in each neighbourhood: a third of them route it to the other agency.
  const localAgency = new Map<string, Agency>();
  for (const place of places)
    for (const s of serviceTypes) localAgency.set(`${s.type}|${place.name}`, s.shared && next() < 0.33 ? pick(s.shared) : s.agency);
  const total = serviceTypes.reduce((sum, s) => sum + s.weight, 0);
  const agencyCodes = Object.keys(agencies) as Agency[];
  const start = Date.UTC(2018, 0, 1);
  const span = Date.UTC(2020, 0, 1) - start;
  yield us311Columns.join(',');
  for (let i = 0; i < rows; i++) {
    let w = next() * total;
    const service = serviceTypes.find((s) => (w -= s.weight) < 0) ?? serviceTypes[0]!;
    const place = pick(places);
    const agency = next() < 0.07 ? pick(agencyCodes) : localAgency.get(`${service.type}|${place.name}`)!;
    // Wall-clock time in New York, kept in a Date's UTC fields: the export writes local time without a zone.
    const created = new Date(start + Math.floor(next() * span));
    const closed = next() < 0.08 ? null : new Date(created.getTime() + Math.floor((0.2 + next() * 1.8) * service.hours * 3_600_000));
    const address = `${1 + Math.floor(next() * 2400)} ${pick(place.streets)}`;
    yield [
      String(38_000_000 + i * 7 + Math.floor(next() * 7)),
      usDate(created),
      closed ? usDate(closed) : '',
      agency,
      agencies[agency],
      service.type,
      pick(service.descriptors),
      address,
      place.borough,
      place.name,
      (place.lat + (next() - 0.5) * 0.02).toFixed(6),
      (place.lon + (next() - 0.5) * 0.02).toFixed(6),
    ]
      .map(quoted)
      .join(',');
  }
}

export const us311Csv = (rows: number, seed = 311) => `${[...us311Lines(rows, seed)].join('\n')}\n`;
