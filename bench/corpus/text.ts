/** Text shared by every page type: casing, ids, dates, numbers, sentence decks, body assembly. */
import type { Rng } from './rng.ts';

export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Lowercases the first letter of a phrase unless it is an acronym or a name such as "B2B SaaS". */
export function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) && !/^[A-Z][a-z]+[A-Z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

export function kebab(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** An id not yet in `used`: the slug itself, else the slug with `-2`, `-3`… */
export function uniqueId(slug: string, used: Set<string>): string {
  let id = slug;
  for (let n = 2; used.has(id); n++) id = `${slug}-${n}`;
  used.add(id);
  return id;
}

export function dateBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export function money(millions: number): string {
  return millions >= 1000 ? `$${(millions / 1000).toFixed(millions % 1000 === 0 ? 0 : 1)}B` : `$${millions}M`;
}

/** Rounds a head count the way people write one: 230, 1,400, 27,000. */
export function nice(n: number): number {
  const step = n < 1000 ? 10 : n < 10000 ? 100 : 1000;
  return Math.max(step, Math.round(n / step) * step);
}

export function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

/** The items of `list` without repeats, in first-seen order. */
export function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

/** Two owning teams: the one named after `team`, and one more. */
export function owners(rng: Rng, team: string): string[] {
  // biome-ignore format: a word list reads better packed
  const teams = [
    'revops', 'product-marketing', 'sales-enablement', 'demand-gen', 'customer-success', 'strategy',
  ];
  return unique([`@acme/${kebab(team) || 'revops'}`, `@acme/${rng.pick(teams)}`]);
}

/** Words in a Markdown text, as a reader counts them (markup such as `|`, `-` or `##` is not a word). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export type Say = () => string;

/** Draws sentences (functions, so every call draws new words), none again until all were used. */
export function deck(rng: Rng, sentences: readonly Say[]): Say {
  let pool: Say[] = [];
  return () => {
    if (pool.length === 0) pool = rng.sample(sentences, sentences.length);
    return pool.pop()!();
  };
}

export function paragraph(draw: Say, n: number): string {
  return Array.from({ length: n }, draw).join(' ');
}

/** `n` sentences drawn at random from `sentences`, as a Markdown list. */
export function bullets(rng: Rng, sentences: readonly Say[], n: number): string {
  return rng
    .sample(sentences, n)
    .map((s) => `- ${s()}`)
    .join('\n');
}

// biome-ignore format: a word list reads better packed
const NOTE_HEADINGS = [
  'Field notes', 'What we heard', 'Notes from the field', 'Lessons from recent deals', 'Working notes',
] as const;

/**
 * Assembles a body from required sections, then adds filler paragraphs from `extra` until the
 * text reaches a random length between 440 and 560 words (and never beyond 600).
 */
export function assemble(rng: Rng, sections: string[], extra: Say): string {
  const target = rng.int(440, 560);
  let words = countWords(sections.join('\n\n'));
  const added: string[] = [];
  for (let guard = 0; words < target && guard < 40; guard++) {
    const p = extra();
    const w = countWords(p);
    if (words + w + 4 > 600) continue;
    added.push(p);
    words += w;
  }
  const tail = sections.pop()!;
  if (added.length > 0) sections.push(`## ${rng.pick(NOTE_HEADINGS)}\n\n${added.join('\n\n')}`);
  sections.push(tail);
  return `\n${sections.join('\n\n')}\n`;
}

export interface NoteContext {
  /** Who the page is about, in a sentence: "Ingrid", "the buyer". */
  who: string;
  team: string;
  metric: Say;
  tech: Say;
  city: Say;
  /** A glossary term as it reads in prose (auto-linked by the site). */
  term: Say;
  /** A `[[term:id]]` cross-link. */
  termLink: Say;
}

/** Neutral sentences from sales and marketing practice, shared by every page type. */
export function notes(rng: Rng, c: NoteContext): Say[] {
  return [
    () => `Agree on how ${c.who} reads ${c.term()} before the first review, and write it down.`,
    () =>
      `New sellers should read the enablement notes on ${c.term()} before their first call in this segment.`,
    () => `When ${c.term()} comes up in discovery, capture the customer's own definition in the CRM.`,
    () => `Win-loss interviews from last quarter mention ${c.metric()} more often than price.`,
    () =>
      `${capital(rng.pick(['three', 'two', 'four']))} of the last five lost deals stalled ` +
      'at the security review, not at the business case.',
    () => `Partners who implement ${c.tech()} are the fastest route to a warm introduction.`,
    () => `A short benchmark on ${c.metric()} gets more replies than any product announcement.`,
    () => `Reference calls work best when the reference runs the same ${c.tech()} setup.`,
    () => `Our customer advisory board in ${c.city()} asked for better exports of ${c.metric()}.`,
    () => `Pricing conversations go better once ${c.metric()} is agreed as the success measure.`,
    () => `The ${c.team} team keeps a running list of objections; review it before every renewal.`,
    () =>
      `Expect the evaluation to take ${rng.int(3, 6)} to ${rng.int(7, 14)} weeks ` +
      'when procurement joins early.',
    () => `Deals that include a ${c.termLink()} discussion in the first meeting close faster.`,
    () => `Keep slides to a minimum: a live walk-through on sample data lands better.`,
    () => `Follow up within two working days with a written summary and the agreed next step.`,
    () => `Marketing runs a quarterly webinar on ${c.metric()} that reliably sources new pipeline.`,
    () =>
      `If ${c.who} goes quiet for more than two weeks, re-engage through a peer rather than another email.`,
    () => `Case studies from ${c.city()} and ${c.city()} are the ones most often forwarded internally.`,
    () => `Most pilots succeed or fail on data access in the first week, so agree on it before kick-off.`,
    () => `Buyers compare us with ${c.tech()} add-ons; be ready to show where the built-in reports stop.`,
    () => `Expansion usually starts in a second team once ${c.metric()} improves visibly.`,
    () => `A ${c.termLink()} review at the halfway point of the evaluation prevents late surprises.`,
    () => `Sales engineering should join once the technical questions move beyond ${c.tech()}.`,
    () => `Renewal risk rises when the original champion changes roles, so map a second contact early.`,
    () => `Survey answers point to ${c.metric()} as the number executives check first each week.`,
    () => `In regulated markets the data processing terms take longer than the commercial terms.`,
    () => `Annual planning in this segment starts about ${rng.int(6, 16)} weeks before the fiscal year ends.`,
    () => `Keep the mutual plan in a shared document rather than in email attachments.`,
    () => `Most doubts about ${c.term()} disappear once the buyer sees their own data.`,
    () => `Budget holders respond to a clear cost of inaction, expressed in ${c.metric()}.`,
  ];
}
