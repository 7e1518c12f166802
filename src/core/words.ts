/**
 * The words the product uses everywhere: counts with the right plural, lists joined the way a
 * sentence reads, ids made from names, and the reader-facing labels of every enum.
 */
import type { DmuRole, EntryType, Seniority } from '../schema/index.ts';

/** The singular or plural form for `n`: plural(1, 'error') → "error", plural(2, 'error') → "errors". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

const grouped = new Intl.NumberFormat('en-US');

/** A number with thousands separators, as every message writes it: 16000 → "16,000", 2.5 → "2.5". */
export function thousands(n: number): string {
  return grouped.format(n);
}

/** A number with its noun: count(1, 'file') → "1 file", count(3, 'entry', 'entries') → "3 entries". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${plural(n, one, many)}`;
}

/** Joins items as a sentence does: "a", "a and b", "a, b and c" (or "or" as the conjunction). */
export function joinList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Turns a display name into a kebab-case id: "CFO Henrik (EMEA)" → "cfo-henrik-emea". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Reader-facing names of the DMU roles, in the order a DMU map shows them. */
export const DMU_LABELS: Record<DmuRole, string> = {
  'economic-buyer': 'Economic buyer',
  champion: 'Champion',
  'technical-buyer': 'Technical buyer',
  'end-user': 'End user',
  influencer: 'Influencer',
  procurement: 'Procurement',
};

/** Reader-facing names of the seniority levels. */
export const SENIORITY_LABELS: Record<Seniority, string> = {
  ic: 'Individual contributor',
  manager: 'Manager',
  director: 'Director',
  vp: 'VP',
  'c-level': 'C-level',
  owner: 'Owner',
};

/** What the product calls a content type: "ICP" / "ICPs" in a sentence, "ICP" as a title. */
export interface TypeWords {
  /** Singular, as inside a sentence: "ICP", "persona", "glossary term". */
  one: string;
  /** Plural, as inside a sentence: "ICPs", "personas", "glossary terms". */
  many: string;
  /** Capitalised singular, for the start of a line and the search "Type" filter: "Persona". */
  title: string;
}

/** The one table of content-type words. */
export const TYPE_WORDS: Record<EntryType, TypeWords> = {
  icp: { one: 'ICP', many: 'ICPs', title: 'ICP' },
  persona: { one: 'persona', many: 'personas', title: 'Persona' },
  term: { one: 'glossary term', many: 'glossary terms', title: 'Glossary term' },
  guide: { one: 'guide', many: 'guides', title: 'Guide' },
};

/** A number of entries of one type: countEntries(1, 'icp') → "1 ICP", (3, 'persona') → "3 personas". */
export function countEntries(n: number, type: EntryType): string {
  return count(n, TYPE_WORDS[type].one, TYPE_WORDS[type].many);
}

/** Reader-facing names of the growth stages; an unknown stage is shown as written. */
export const GROWTH_STAGE_LABELS: Record<string, string> = {
  startup: 'Startup',
  growth: 'Growth',
  'mid-market': 'Mid-market',
  enterprise: 'Enterprise',
};
