/** Glossary terms: the well-known ones first, then made-up ones; `glossary/<id>.mdx` files. */
import { mdxFile } from './frontmatter.ts';
import type { IcpSpec } from './icps.ts';
import type { Rng } from './rng.ts';
import { BASE_TERMS, type BaseTerm, TERM_NOUNS, TERM_QUALIFIERS, TERM_SUFFIXES } from './terms.ts';
import { assemble, capital, deck, kebab, lowerFirst, notes, paragraph, uniqueId } from './text.ts';
import { CITIES, METRICS, SEGMENTS, TECH } from './words.ts';

export interface TermSpec extends BaseTerm {
  id: string;
  /** Ids of related terms. */
  related: string[];
}

/** How a glossary term reads in the middle of a sentence. */
export function inProse(t: TermSpec): string {
  return lowerFirst(t.term);
}

/** `count` terms whose names, abbreviations and aliases are unique case-insensitively. */
export function makeTerms(rng: Rng, count: number): TermSpec[] {
  const names = new Set<string>();
  const ids = new Set<string>();
  const terms: TermSpec[] = [];
  const claim = (t: BaseTerm) => {
    const words = [t.term, t.abbr, ...(t.aliases ?? [])]
      .filter((w): w is string => w !== undefined)
      .map((w) => w.toLowerCase());
    if (words.some((w) => names.has(w))) return;
    for (const w of words) names.add(w);
    const slug = kebab(t.abbr && t.term.length > 24 ? t.abbr : t.term);
    terms.push({ ...t, id: uniqueId(slug, ids), related: [] });
  };
  for (const base of BASE_TERMS) {
    if (terms.length >= count) break;
    claim(base);
  }
  for (let i = 0; terms.length < count; i++) claim(madeUpTerm(i));
  for (const t of terms) {
    const others = rng
      .sample(terms, 4)
      .filter((o) => o !== t)
      .slice(0, rng.int(1, 3));
    t.related = others.map((o) => o.id);
  }
  return terms;
}

/** The `i`th made-up term: every qualifier with every noun, then again with each suffix in turn. */
function madeUpTerm(i: number): BaseTerm {
  const q = TERM_QUALIFIERS[i % TERM_QUALIFIERS.length]!;
  const noun = TERM_NOUNS[Math.floor(i / TERM_QUALIFIERS.length) % TERM_NOUNS.length]!;
  const round = Math.floor(i / (TERM_QUALIFIERS.length * TERM_NOUNS.length));
  const suffix = round < TERM_SUFFIXES.length ? TERM_SUFFIXES[round]! : ` ${round + 1}`;
  const usedAs = suffix ? ` and used as a${/^ [aeiou]/.test(suffix) ? 'n' : ''}${suffix}` : '';
  return {
    term: `${q} ${noun}${suffix}`,
    short: `${capital(noun)} measured ${q.toLowerCase()}${usedAs}, so teams compare like with like.`,
  };
}

export function termFile(rng: Rng, term: TermSpec, terms: TermSpec[], icps: IcpSpec[]): string {
  const { abbr, aliases, short, related } = term;
  return mdxFile({ term: term.term, abbr, aliases, short, related }, termBody(rng, term, terms, icps));
}

function termBody(rng: Rng, term: TermSpec, terms: TermSpec[], icps: IcpSpec[]): string {
  const name = term.abbr ?? inProse(term);
  const other = () => rng.pick(terms);
  const metric = () => rng.pick(METRICS);
  const define = deck(rng, [
    () => `Teams use ${name} to compare accounts, segments and periods on the same footing.`,
    () => `We calculate ${name} from the CRM and the billing system, never from spreadsheets.`,
    () => `A change in ${name} is only meaningful when the definition stays the same across quarters.`,
    () => `Finance owns the definition of ${name}; RevOps owns the data that feeds it.`,
    () => `Most disagreements about ${name} come from different date ranges, not different formulas.`,
    () => `Analysts sometimes confuse it with ${inProse(other())}, but the two answer different questions.`,
  ]);
  const use = deck(rng, [
    () =>
      `In [[icp:${rng.pick(icps).id}]] deals, ${name} is one of the first numbers ` +
      'the economic buyer asks about.',
    () => `Sellers should be able to explain ${name} in one sentence, without slides.`,
    () => `Read it together with ${inProse(other())}, which often moves in the opposite direction.`,
    () => `A sudden drop usually points to a data problem before it points to a market problem.`,
    () => `Report ${name} monthly, and review the trend each quarter with the owners of ${metric()}.`,
  ]);
  const extra = deck(
    rng,
    notes(rng, {
      who: 'the team',
      team: 'RevOps',
      metric,
      tech: () => rng.pick(TECH),
      city: () => rng.pick(CITIES),
      term: () => inProse(other()),
      termLink: () => `[[term:${other().id}]]`,
    }),
  );
  const bench = [
    '| Segment | Typical value | Strong value |',
    '|---|---|---|',
    ...rng.sample(SEGMENTS, 3).map((s) => `| ${s.name} | ${rng.int(5, 40)}% | ${rng.int(41, 90)}% |`),
  ].join('\n');
  const sections = [
    `${term.short} ${paragraph(define, 3)}`,
    `## How we measure it\n\n` +
      `1. Take the ${metric()} figures for the period from the system of record.\n` +
      `2. Exclude test accounts, internal users and one-off fees.\n` +
      `3. Compare against the same period last year, not the previous month.\n\n${bench}`,
    `## Why it matters\n\n${paragraph(use, 3)}`,
    `## Related terms\n\n${term.related.map((id) => `- [[term:${id}]]`).join('\n')}`,
  ];
  return assemble(rng, sections, () => paragraph(extra, 3));
}
