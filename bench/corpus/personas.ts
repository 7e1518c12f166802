/** Personas: who they are (`makePersonas`) and their `personas/<id>.mdx` files. */
import { mdxFile } from './frontmatter.ts';
import type { TermSpec } from './glossary.ts';
import type { IcpSpec } from './icps.ts';
import { personaBody } from './persona-body.ts';
import type { Rng } from './rng.ts';
import { OTHER_ROLE_DMU, ROLES, type RoleTemplate } from './roles.ts';
import { capital, dateBefore, kebab, owners, unique, uniqueId } from './text.ts';
import { CHANNELS, CONTENT, EDUCATION, FIRST_NAMES, METRICS, PERIODS, SOURCES, TEAM_PAINS } from './words.ts';

export interface PersonaSpec {
  id: string;
  name: string;
  first: string;
  template: RoleTemplate;
  /** Place in the ICP's DMU: 0 economic buyer, 1 champion, 2 technical buyer, 3 other. */
  slot: number;
  icp: IcpSpec;
  status: 'active' | 'draft';
}

/** Deals personas round-robin over the ICPs, so each ICP gets its economic buyer first. */
export function makePersonas(rng: Rng, count: number, icps: IcpSpec[]): PersonaSpec[] {
  const ids = new Set<string>();
  const personas: PersonaSpec[] = [];
  for (let j = 0; j < count; j++) {
    const icp = icps[j % icps.length]!;
    const slot = Math.floor(j / icps.length);
    const template = rng.pick(ROLES[slot]!);
    const first = rng.pick(FIRST_NAMES);
    const persona: PersonaSpec = {
      id: uniqueId(kebab(`${template.label} ${first}`), ids),
      name: `${template.label} ${first}`,
      first,
      template,
      slot,
      icp,
      // The economic buyer stays active so every ICP keeps one (icp-without-personas, dmu-coverage).
      status: slot > 0 && rng.chance(0.05) ? 'draft' : 'active',
    };
    icp.personas.push(persona);
    personas.push(persona);
  }
  return personas;
}

// biome-ignore format: a word list reads better packed
const MILESTONES = [
  'an acquisition audit', 'a new funding round', 'an IPO readiness review', 'a new market entry',
];
const QUARTERS = ['Q2', 'Q3', 'Q4'];

function dmuRoles(rng: Rng, p: PersonaSpec): string[] {
  const other = OTHER_ROLE_DMU[p.template.label] ?? 'end-user';
  const dmu = [['economic-buyer'], ['champion'], ['technical-buyer'], [other]][p.slot]!;
  if (p.slot === 1 && rng.chance(0.3)) dmu.push('influencer');
  if (p.slot === 2 && rng.chance(0.2)) dmu.push('influencer');
  return dmu;
}

export function personaFile(rng: Rng, p: PersonaSpec, terms: TermSpec[], today: string): string {
  const r = p.template;
  const tech = p.icp.tech;
  const dmu = dmuRoles(rng, p);
  const metric = () => rng.pick(METRICS);
  const pct = () => rng.int(10, 60);
  const goals = rng
    .sample(
      [
        () => `Cut ${metric()} by ${pct()}% before ${rng.pick(PERIODS)}`,
        () => `Present ${metric()} to leadership without last-minute reconciliation`,
        () => `Forecast ${metric()} within ${rng.int(2, 10)}% a quarter ahead`,
        () => `Give the ${r.team} team one trusted number for ${metric()}`,
        () => `Free ${rng.int(5, 40)} hours a month from manual reporting`,
        () => `Prepare the company for ${rng.pick(MILESTONES)}`,
        () => `Improve ${metric()} while keeping headcount flat`,
      ],
      rng.int(3, 5),
    )
    .map((g) => g());
  const pains = rng.sample(TEAM_PAINS, rng.int(2, 4)).map((x) => `The ${r.team} team has to ${x}`);
  const fm = {
    name: p.name,
    role: r.role,
    seniority: r.seniority,
    department: r.department,
    dmu_roles: dmu,
    icps: [p.icp.id],
    status: p.status,
    owners: owners(rng, r.team),
    last_reviewed: dateBefore(today, rng.int(1, 85)),
    tags: unique([kebab(r.department), kebab(r.label), p.icp.segment.slug]),
    // Every quote is written (drawing its words) before one is picked, as with the lists below.
    quote: rng.pick([
      `I don't need another dashboard. I need one number for ${metric()} that everyone agrees on.`,
      `If it takes more than a quarter to show value, it will not survive the next budget review.`,
      `Show me it works on our data, with our ${rng.pick(tech)} setup, and I will listen.`,
      `My team should spend its time on decisions, not on copying numbers between systems.`,
      `Every tool promises visibility. I want fewer meetings about whose number is right.`,
    ]),
    goals,
    pains,
    objections: rng.sample(
      [
        `We already pay for ${rng.pick(tech)} reports; why add another system?`,
        'My team has no time for a six-month implementation',
        'I am not sending customer data to another vendor without a security review',
        'The last tool like this was abandoned after the pilot',
        'The price is hard to justify before the next planning cycle',
        'Our processes are too specific for an off-the-shelf product',
      ],
      rng.int(2, 4),
    ),
    buying_criteria: rng.sample(
      [
        'Payback within 12 months, shown on our own data',
        'SOC 2 Type II report and a clear data processing agreement',
        'Live in weeks, with reference customers of our size',
        `A native connector for ${rng.pick(tech)}`,
        'Pricing that scales with usage, not seats',
        'Role-based access and audit logs',
      ],
      rng.int(2, 4),
    ),
    channels: rng.sample(CHANNELS, rng.int(3, 5)),
    content_preferences: rng.sample(CONTENT, rng.int(2, 4)),
    success_metrics: rng.sample(METRICS, rng.int(2, 4)).map(capital),
    messaging: {
      value_proposition:
        `One trusted view of ${metric()} for the ${r.team} team, ` + `live in ${rng.int(2, 8)} weeks.`,
      key_messages: unique([
        `Reconciles ${rng.pick(tech)} and ${rng.pick(tech)} data automatically, every night`,
        'Every metric has a written, versioned definition',
        `Customers like yours improved ${metric()} by ${pct()}% in the first two quarters`,
      ]),
      avoid: rng.sample(
        [
          'Leading with dashboards or chart types',
          'Promising to replace the ERP',
          'Technical detail before it is asked for',
          'Generic productivity claims',
        ],
        2,
      ),
    },
    evidence: {
      interviews: rng.int(5, 14),
      surveys: rng.int(0, 120),
      sources: unique(rng.sample(SOURCES, rng.int(1, 3)).map((s) => `${s} ${rng.pick(QUARTERS)} 2026`)),
      last_interview: dateBefore(today, rng.int(1, 89)),
    },
    demographics: {
      age_range: rng.pick(['25-35', '30-45', '35-50', '40-55', '45-60']),
      location: `${rng.pick(p.icp.regions)}, major metros`,
      education: rng.pick(EDUCATION),
    },
  };
  return mdxFile(fm, personaBody(rng, p, terms));
}
