export * from './common.ts';
export * from './config.ts';
export * from './criterion.ts';
export * from './guide.ts';
export * from './icp.ts';
export * from './persona.ts';
export * from './term.ts';

import { guideSchema } from './guide.ts';
import { icpSchema } from './icp.ts';
import { personaSchema } from './persona.ts';
import { termSchema } from './term.ts';

/** Content types, each a folder under the content directory. */
export const ENTRY_TYPES = ['icp', 'persona', 'term', 'guide'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** Folder of each content type. */
export const TYPE_FOLDERS: Record<EntryType, string> = {
  icp: 'icps',
  persona: 'personas',
  term: 'glossary',
  guide: 'guides',
};

export const SCHEMAS = {
  icp: icpSchema,
  persona: personaSchema,
  term: termSchema,
  guide: guideSchema,
} as const;

/**
 * Where an unknown key probably belongs: company-level facts go in an ICP, person-level facts in a
 * persona. Returns the other type, or undefined when the key is unknown to both.
 */
export function otherTypeFor(type: EntryType, key: string): EntryType | undefined {
  if (type === 'icp' && (key in personaSchema.shape || PERSONA_HINT_KEYS.has(key))) return 'persona';
  if (type === 'persona' && (key in icpSchema.shape || ICP_HINT_KEYS.has(key))) return 'icp';
  return undefined;
}

/** Common misplaced keys that are not fields themselves but clearly belong to one type. */
const PERSONA_HINT_KEYS = new Set([
  'job_title',
  'title_role',
  'age',
  'education',
  'location',
  'interviews',
  'persona_name',
]);
const ICP_HINT_KEYS = new Set([
  'industries',
  'employees',
  'annual_revenue',
  'regions',
  'growth_stages',
  'industry',
  'revenue',
  'headcount',
  'tam',
  'sam',
  'som',
  'technographics_uses',
]);
