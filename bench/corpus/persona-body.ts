/** The Markdown body of a persona file: a day in the life, how to engage, a talk track. */
import { inProse, type TermSpec } from './glossary.ts';
import type { PersonaSpec } from './personas.ts';
import type { Rng } from './rng.ts';
import { assemble, bullets, deck, lowerFirst, notes, paragraph, thousands } from './text.ts';
import { CHANNELS, CITIES, METRICS } from './words.ts';

const BOSSES = ['CEO', 'CFO', 'COO', 'CRO', 'CIO'];
// biome-ignore format: a word list reads better packed
const BACKGROUNDS = [
  'consulting', 'a larger competitor', 'a startup', 'audit', 'product management', 'sales',
];
const MINDSETS = ['projects', 'quarters', 'experiments', 'controls', 'territories'];
/** What each DMU slot does with a deal of a given size. */
const DEAL_ROLES = [
  'signs off on anything above',
  'champions deals up to',
  'reviews the technical side of deals above',
  'uses tools bought for deals around',
];
const FIRST_ASKS = ['A one-page brief', 'A benchmark', 'A peer story'];
// biome-ignore format: a word list reads better packed
const EVALUATION_ASKS = [
  'An ROI model built on their own export', 'A working session on real data', 'A security review pack',
];
const DECISION_ASKS = ['Two reference calls', 'A mutual action plan', 'A signed-off business case'];
const DECISION_WITH = ['peers of the same size', 'the economic buyer', 'procurement'];

export function personaBody(rng: Rng, p: PersonaSpec, terms: TermSpec[]): string {
  const r = p.template;
  const first = p.first;
  const t = () => rng.pick(terms);
  const metric = () => rng.pick(METRICS);
  const tech = () => rng.pick(p.icp.tech);
  const city = () => rng.pick(CITIES);
  const peers = p.icp.personas.filter((x) => x !== p);
  const peer = () => (peers.length ? `[[persona:${rng.pick(peers).id}]]` : `the ${r.team} lead`);
  const life = deck(rng, [
    () =>
      `${first} runs a ${r.team} group of ${rng.int(3, 40)} people ` +
      `at a ${lowerFirst(p.icp.industries[0]!)} company ` +
      `with about ${thousands(rng.int(2, 40) * 100)} employees.`,
    () =>
      `Mornings go to ${metric()}, hiring plans and the weekly forecast; ` +
      'afternoons to reviews, audits and vendor calls.',
    () =>
      `In the last week of each month ${first} spends more time reconciling ${metric()} than analysing it.`,
    () => `${first} reports to the ${rng.pick(BOSSES)} and is measured on ${metric()} and ${metric()}.`,
    () =>
      `Most of the team's tooling sits on ${tech()} and ${tech()}, with exports stitched together by hand.`,
    () =>
      `${first} has seen two tools fail in the last ${rng.int(2, 5)} years ` +
      'and is wary of anything that needs a long project.',
    () => `The team is based around ${city()}, with a second hub near ${city()}.`,
    () =>
      `Quarter-end weeks are the busiest; avoid outreach in the last ${rng.int(5, 10)} days of a quarter.`,
    () =>
      `${first} came to the role from ${rng.pick(BACKGROUNDS)} and still thinks in ${rng.pick(MINDSETS)}.`,
  ]);
  const engage = deck(rng, [
    () =>
      `${first} rarely finds us alone and usually hears about us from ${peer()} ` +
      'or from a peer at another company.',
    () =>
      `As ${/^[AEIOU]/.test(r.role) ? 'an' : 'a'} ${r.role} in the [[icp:${p.icp.id}]] buying committee, ` +
      `${first} ${DEAL_ROLES[p.slot]} $${thousands(rng.int(10, 90) * 1000)} a year.`,
    () =>
      `Open with a short brief on ${metric()} and a benchmark from a company of the same size, ` +
      'then offer a working session.',
    () =>
      `Reach ${first} through ${lowerFirst(rng.pick(CHANNELS))} or a warm introduction, ` +
      'not through a cold sequence.',
    () => `Bring ${peer()} into the second meeting so the technical questions surface early.`,
    () => `Time to value matters more to ${first} than feature depth, so lead with outcomes.`,
  ]);
  const talk = [
    () => `"How many days after month-end do you trust your ${metric()} numbers?"`,
    () => `"When ${r.team} and sales disagree on ${metric()}, who settles it, and how long does it take?"`,
    () => `"What would change if ${metric()} were ready on day three instead of day ten?"`,
    () => `"Which reports does your team rebuild by hand from ${tech()} every month?"`,
    () => `"Who else needs to agree before a change like this goes ahead?"`,
    () =>
      `"Customers like you improved ${metric()} by ${rng.int(10, 50)}% within one quarter. ` +
      'How would that land with your leadership?"',
  ];
  const extra = deck(
    rng,
    notes(rng, {
      who: first,
      team: r.team,
      metric,
      tech,
      city,
      term: () => inProse(t()),
      termLink: () => `[[term:${t().id}]]`,
    }),
  );
  const stages = [
    `| Stage | What ${first} needs |`,
    '|---|---|',
    `| First meeting | ${rng.pick(FIRST_ASKS)} on ${metric()} |`,
    `| Evaluation | ${rng.pick(EVALUATION_ASKS)} |`,
    `| Decision | ${rng.pick(DECISION_ASKS)} with ${rng.pick(DECISION_WITH)} |`,
  ].join('\n');
  const sections = [
    `## A day in the life\n\n${paragraph(life, 4)}`,
    `## How to engage\n\n${paragraph(engage, 4)}\n\n${stages}`,
    `## Talk track\n\n${bullets(rng, talk, 3)}`,
    `## Before the next call\n\nCheck the [fit](/fit/) of the account against [[icp:${p.icp.id}]], ` +
      `read the notes on [[term:${t().id}]], ` +
      `and keep the conversation on numbers ${first} can take to leadership.`,
  ];
  return assemble(rng, sections, () => paragraph(rng.chance(0.3) ? life : extra, 3));
}
