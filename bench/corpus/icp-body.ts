/** The Markdown body of an ICP file: why it matters, how to spot one, who is in the deal, traps. */
import { inProse, type TermSpec } from './glossary.ts';
import type { IcpFacts, IcpSpec } from './icps.ts';
import type { Rng } from './rng.ts';
import {
  assemble,
  bullets,
  capital,
  deck,
  lowerFirst,
  money,
  nice,
  notes,
  paragraph,
  thousands,
} from './text.ts';
import { CITIES, METRICS } from './words.ts';

/** What each DMU slot does in a deal, as said of the persona in it. */
const SLOT_ROLES = [
  'signs as the economic buyer and owns the budget',
  'finds us first and becomes the champion',
  'decides whether the systems and security fit',
  'uses the product every week and shapes the renewal',
];

export function icpBody(rng: Rng, icp: IcpSpec, terms: TermSpec[], f: IcpFacts): string {
  const t = () => rng.pick(terms);
  const lead = icp.industries[0]!;
  const region = icp.regions[0]!;
  const city = () => rng.pick(CITIES);
  const metric = () => rng.pick(METRICS);
  const tech = () => rng.pick(icp.tech);
  const why = deck(rng, [
    () =>
      `${capital(lowerFirst(icp.segment.name))} ${lowerFirst(lead)} companies have outgrown spreadsheet ` +
      'reporting but rarely staff a full revenue data team.',
    () => `Their ${f.team} teams ${f.pain}, and the cost shows up in ${metric()} and in ${metric()}.`,
    () =>
      `Closed-won deals in this ICP reach production in a median of ${rng.int(12, 60)} days ` +
      `and renew at ${rng.int(95, 130)}% net revenue retention.`,
    () =>
      `The average contract is worth $${thousands(f.acv)} a year, ` +
      `and the first expansion usually comes within ${rng.int(4, 14)} months.`,
    () =>
      `Accounts around ${city()} and ${city()} convert best, ` +
      'largely because our reference customers there speak at the same events.',
    () => `We win when the buyer already owns ${tech()} and wants one trusted view of ${metric()}.`,
    () =>
      'Compared with our other segments, win rates are higher ' +
      `and sales cycles are shorter by about ${rng.int(10, 40)}%.`,
    () =>
      'Most of these companies sell through a mix of field and inside sales, ' +
      `with ${rng.int(2, 6)} regional teams.`,
    () =>
      `Finance and operations leaders here read ${inProse(t())} reports every month ` +
      'and want them explained in plain words.',
  ]);
  const spot = deck(rng, [
    () => `Look for a company that has just hired its first operations lead or raised a growth round.`,
    () => `Job posts that pair ${tech()} with reporting work are the strongest buying signal we track.`,
    () =>
      `A new executive in ${f.team} often reopens tooling decisions ` +
      `within the first ${rng.int(60, 180)} days.`,
    () =>
      `Public revenue growth above ${f.growth}% a year is a reliable sign ` +
      'that manual processes are about to break.',
    () =>
      `Events in ${city()} and partner referrals from ${tech()} implementers ` +
      'bring the warmest introductions.',
    () => `Review sites and community forums show the same complaints about ${metric()} again and again.`,
  ]);
  const floor = Math.max(1, Math.floor(f.revMin / 2));
  const traps = [
    () => `Companies below ${money(floor)} in revenue love the demo and rarely buy.`,
    () =>
      'Teams whose leaders want to build everything in-house run long evaluations ' +
      'and then write their own scripts.',
    () =>
      'Deals stall when nobody above the team level owns the budget, ' +
      'so confirm the economic buyer before the second meeting.',
    () => `Procurement in ${region} often asks for a security review late; start it during the evaluation.`,
    () =>
      'Avoid discounting to win a pilot: accounts that start discounted ' +
      `expand ${rng.int(20, 50)}% less in the first year.`,
    () => `Do not promise integrations with ${tech()} that are still on the roadmap.`,
  ];
  const extra = deck(
    rng,
    notes(rng, {
      who: 'the buyer',
      team: f.team,
      metric,
      tech,
      city,
      term: () => inProse(t()),
      termLink: () => `[[term:${t().id}]]`,
    }),
  );
  const personas = icp.personas;
  const dmu = personas
    .map((p, i) => {
      const opener = i === 0 ? '' : i === personas.length - 1 ? 'Finally, ' : '';
      return `${opener}[[persona:${p.id}]] ${SLOT_ROLES[p.slot]!}.`;
    })
    .join(' ');
  const quarter = (from: number, to: number) => Math.floor((to - from) / 4);
  const table = [
    '| Attribute | Sweet spot | Still a fit |',
    '|---|---|---|',
    `| Employees | ${thousands(nice(f.empMin + (f.empMax - f.empMin) / 4))}–` +
      `${thousands(nice(f.empMax - (f.empMax - f.empMin) / 4))} | ` +
      `${thousands(f.empMin)}–${thousands(f.empMax)} |`,
    `| Annual revenue | ${money(f.revMin + quarter(f.revMin, f.revMax))}–` +
      `${money(f.revMax - quarter(f.revMin, f.revMax))} | ${money(f.revMin)}–${money(f.revMax)} |`,
    `| Stack | ${icp.tech[0]} | ${icp.tech[1]} |`,
    `| Growth | ${f.growth}%+ a year | ${Math.max(5, f.growth - 10)}%+ with a new pricing model |`,
  ].join('\n');
  const sections = [
    `## Why this ICP\n\n${paragraph(why, 4)}`,
    `## How to spot them\n\n${paragraph(spot, 3)}\n\n${table}\n\n` +
      'Run any account through the [fit check](/fit/) before you add it to a target account list; ' +
      'it applies the scoring rules above.',
    `## Who is in the deal\n\nThe buying committee is usually ${personas.length} people. ${dmu} ` +
      'The [DMU matrix](/matrix/) shows how these roles compare with our other ICPs, ' +
      `and [[term:${t().id}]] explains the vocabulary.`,
    `## Common traps\n\n${bullets(rng, traps, 3)}`,
  ];
  return assemble(rng, sections, () => paragraph(extra, 3));
}
