/** ICPs: who they are (`makeIcps`) and their `icps/<id>.mdx` files, frontmatter and body. */
import { mdxFile } from './frontmatter.ts';
import type { TermSpec } from './glossary.ts';
import { icpBody } from './icp-body.ts';
import type { PersonaSpec } from './personas.ts';
import type { Rng } from './rng.ts';
import {
  capital,
  dateBefore,
  kebab,
  lowerFirst,
  money,
  nice,
  owners,
  thousands,
  unique,
  uniqueId,
} from './text.ts';
import {
  COUNTRIES,
  EXCLUDED_INDUSTRIES,
  INDUSTRIES,
  LEGACY_TECH,
  REGIONS,
  SEGMENTS,
  type Segment,
  STAGES,
  TEAM_PAINS,
  TECH,
} from './words.ts';

export interface IcpSpec {
  id: string;
  name: string;
  segment: Segment;
  industries: string[];
  regions: string[];
  countries: string[];
  tech: string[];
  /** Filled in by `makePersonas`, economic buyer first. */
  personas: PersonaSpec[];
}

export function makeIcps(rng: Rng, count: number): IcpSpec[] {
  const ids = new Set<string>();
  const icps: IcpSpec[] = [];
  for (let i = 0; i < count; i++) {
    const segment = rng.pick(SEGMENTS);
    const industries = rng.sample(INDUSTRIES, rng.int(1, 3));
    const regions = rng.sample(REGIONS, rng.int(1, 2));
    const lead = industries[0]!;
    const name = `${segment.name} ${lowerFirst(lead)} in ${regions.join(' and ')}`;
    icps.push({
      id: uniqueId(kebab(`${segment.slug} ${lead} ${regions[0]}`), ids),
      name: name.length > 80 ? `${segment.name} ${lowerFirst(lead)}` : name,
      segment,
      industries,
      regions,
      countries: rng.sample(COUNTRIES, rng.int(1, 3)),
      tech: rng.sample(TECH, rng.int(4, 8)),
      personas: [],
    });
  }
  return icps;
}

/** The numbers an ICP file is drawn around: size and revenue bands (revenue in million USD), market. */
export interface IcpFacts {
  empMin: number;
  empMax: number;
  revMin: number;
  revMax: number;
  team: string;
  pain: string;
  acv: number;
  tam: number;
  sam: number;
  som: number;
  growth: number;
}

function icpFacts(rng: Rng, icp: IcpSpec): IcpFacts {
  const { employees, revenue } = icp.segment;
  const empMid = Math.floor((employees[0] + employees[1]) / 2);
  const revMid = Math.floor((revenue[0] + revenue[1]) / 2);
  const empMin = nice(rng.int(employees[0], empMid));
  const empMax = Math.max(nice(rng.int(empMid, employees[1])), empMin * 2);
  const revMin = rng.int(revenue[0], revMid);
  const revMax = rng.int(Math.max(revMin + 5, revMid), revenue[1]);
  const team = rng.pick(['finance', 'RevOps', 'operations', 'data', 'sales', 'marketing']);
  const pain = rng.pick(TEAM_PAINS);
  const acv = rng.int(8, 120) * 1000;
  const tam = rng.int(4000, 60000);
  const sam = Math.floor((tam * rng.int(25, 60)) / 100);
  const som = Math.floor((sam * rng.int(3, 12)) / 100);
  const growth = rng.int(10, 40);
  return { empMin, empMax, revMin, revMax, team, pain, acv, tam, sam, som, growth };
}

type Criterion = string | Record<string, unknown>;

const DATA_PROVIDERS = ['Crunchbase', 'LinkedIn Sales Navigator', 'ZoomInfo', 'Dun & Bradstreet'];

/** Must-haves, deal-breakers and (seven times in ten) scoring rules. */
function filters(rng: Rng, icp: IcpSpec, f: IcpFacts) {
  const { industries, regions } = icp;
  const anyIndustry =
    industries.length === 1
      ? industries[0]!
      : `${industries.slice(0, -1).join(', ')} or ${industries.at(-1)}`;
  const size = `${thousands(f.empMin)}–${thousands(f.empMax)} employees`;
  const mustHaves: Criterion[] = [
    { label: size, field: 'employees', between: [f.empMin, f.empMax] },
    { label: anyIndustry, field: 'industry', in: industries },
    { label: `Sells in ${regions.join(' or ')}`, field: 'region', in: regions },
  ];
  if (rng.chance(0.7)) {
    mustHaves.push(
      rng.pick([
        'Recurring revenue makes up most of the income',
        'Has a data team of at least two people',
        'Runs a quarterly planning cycle with a named owner',
        'Reports revenue metrics to a board or investors',
        'Has a dedicated operations function for sales or finance',
      ]),
    );
  }
  const floor = Math.max(1, Math.floor(f.revMin / 2));
  const dealBreakers: Criterion[] = [
    {
      label: 'Public sector or regulated exclusion',
      field: 'industry',
      in: rng.sample(EXCLUDED_INDUSTRIES, rng.int(1, 3)),
    },
    { label: `Annual revenue of ${money(floor)} or less`, field: 'annual_revenue', max: floor * 1_000_000 },
  ];
  if (rng.chance(0.5)) {
    dealBreakers.push(
      rng.pick([
        'A mandate to build every revenue metric in-house',
        'A multi-year exclusive contract with a competing suite',
        'No budget owner above the team level',
        'Data residency rules we cannot meet yet',
      ]),
    );
  }
  const scoring = rng.chance(0.7) ? scoringRules(rng, icp, f) : undefined;
  return { mustHaves, dealBreakers, scoring };
}

function scoringRules(rng: Rng, icp: IcpSpec, f: IcpFacts) {
  const { tech, countries } = icp;
  const threshold = rng.int(5, 14) * 5;
  const rule = (label: string, field: string, test: object, weight: number) => ({
    label,
    field,
    ...test,
    weight,
  });
  const rules = [
    rule(`Revenue growth of ${f.growth}% or more`, 'growth_rate', { min: f.growth }, rng.int(15, 30)),
    rule(`Runs ${tech[0]} or ${tech[1]}`, 'tech', { includes_any: tech.slice(0, 2) }, rng.int(10, 25)),
    rule(`Headquartered in ${countries.join(' or ')}`, 'country', { in: countries }, rng.int(5, 15)),
    rule(
      `${money(f.revMin)}–${money(f.revMax)} annual revenue`,
      'annual_revenue',
      { between: [f.revMin * 1_000_000, f.revMax * 1_000_000] },
      rng.int(5, 20),
    ),
  ];
  return { threshold, rules };
}

export function icpFile(rng: Rng, icp: IcpSpec, terms: TermSpec[], today: string): string {
  const seg = icp.segment;
  const f = icpFacts(rng, icp);
  const summary =
    `${icp.industries.join(', ')} companies in ${icp.regions.join(' and ')} with ` +
    `${thousands(f.empMin)}–${thousands(f.empMax)} employees and ` +
    `${money(f.revMin)}–${money(f.revMax)} in revenue, ` +
    `whose ${f.team} teams still ${f.pain}.`;
  const small = seg.slug === 'smb' || seg.slug === 'scaleup';
  const stages = STAGES.filter((s) => (small ? s !== 'enterprise' : s !== 'startup'));
  const { mustHaves, dealBreakers, scoring } = filters(rng, icp, f);
  const fm = {
    name: icp.name,
    summary,
    segment: seg.name,
    status: 'active',
    owners: owners(rng, f.team),
    last_reviewed: dateBefore(today, rng.int(1, 80)),
    tags: unique([seg.slug, ...icp.industries.map(kebab), kebab(icp.regions[0]!)]),
    firmographics: {
      industries: icp.industries,
      employees: { min: f.empMin, max: f.empMax },
      annual_revenue: { min: f.revMin * 1_000_000, max: f.revMax * 1_000_000, currency: 'USD' },
      regions: icp.regions,
      growth_stages: rng.sample(stages, rng.int(1, 2)),
    },
    technographics: { uses: icp.tech, avoids: rng.sample(LEGACY_TECH, rng.int(1, 2)) },
    pains: rng
      .sample(TEAM_PAINS, rng.int(3, 5))
      .map((p) => `${capital(f.team)} and ${f.team === 'sales' ? 'finance' : 'sales'} teams ${p}`),
    signals: rng.sample(
      [
        'Hiring a first RevOps lead or a Head of Business Systems',
        'Raised a growth round in the last 12 months',
        `${f.growth}%+ year-over-year revenue growth`,
        `Moving from ${icp.tech[2] ?? 'HubSpot'} to ${icp.tech[3] ?? 'Salesforce'}`,
        'Bought a smaller competitor and now runs two billing systems',
        `Job posts that mention ${icp.tech[0]} next to revenue reporting`,
        'A new CFO or CRO in the last six months',
        'Opened a second sales region this year',
      ],
      rng.int(3, 5),
    ),
    must_haves: mustHaves,
    deal_breakers: dealBreakers,
    scoring,
    market: {
      tam: { accounts: f.tam, value: f.tam * f.acv },
      sam: { accounts: f.sam, value: f.sam * f.acv },
      som: { accounts: f.som, value: f.som * f.acv },
      currency: 'USD',
      source:
        `Account model from ${rng.pick(DATA_PROVIDERS)} exports, ` +
        `average contract value of $${thousands(f.acv)}`,
      as_of: dateBefore(today, rng.int(10, 89)),
    },
  };
  return mdxFile(fm, icpBody(rng, icp, terms, f));
}
