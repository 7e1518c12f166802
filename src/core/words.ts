import type { DmuRole, EntryType, Seniority } from '../schema/index.ts';

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
