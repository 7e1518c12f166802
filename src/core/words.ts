/**
 * The words the product uses everywhere: counts with the right plural, lists joined the way a
 * sentence reads, ids made from names, and the reader-facing labels of every enum.
 */
import type { DmuRole, EntryType, Seniority } from '../schema/index.ts';

/** The singular or plural form for `n`: plural(1, 'error') → "error", plural(2, 'error') → "errors". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
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

export const SENIORITY_LABELS: Record<Seniority, string> = {
  ic: 'Individual contributor',
  manager: 'Manager',
  director: 'Director',
  vp: 'VP',
  'c-level': 'C-level',
  owner: 'Owner',
};

/** The search filter value of each content type. */
export const TYPE_NAMES: Record<EntryType, string> = {
  icp: 'ICP',
  persona: 'Persona',
  term: 'Glossary term',
  guide: 'Guide',
};

export const GROWTH_STAGE_LABELS: Record<string, string> = {
  startup: 'Startup',
  growth: 'Growth',
  'mid-market': 'Mid-market',
  enterprise: 'Enterprise',
};
