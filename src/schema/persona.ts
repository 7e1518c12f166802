import { z } from 'zod';
import { commonFields, dateSchema, idSchema, stringList, textSchema } from './common.ts';

/** Seniority levels. @example "vp" */
export const SENIORITIES = ['ic', 'manager', 'director', 'vp', 'c-level', 'owner'] as const;
/** Roles a person plays in a decision-making unit. @example "economic-buyer" */
export const DMU_ROLES = [
  'champion',
  'economic-buyer',
  'technical-buyer',
  'end-user',
  'influencer',
  'procurement',
] as const;
export type DmuRole = (typeof DMU_ROLES)[number];
export type Seniority = (typeof SENIORITIES)[number];

/** Buyer persona frontmatter: `content/personas/<id>.mdx`. */
// Key order is the order of the editor's form and of the files it writes: who it is, then the common
// fields, then the detail, as the example files are written.
export const personaSchema = z.strictObject({
  /** Display name, 1–60 characters. @example "Analytics Alex" */
  name: textSchema.max(60),
  /** Job title. @example "VP of Analytics" */
  role: textSchema,
  /** Seniority. @example "vp" */
  seniority: z.enum(SENIORITIES),
  /** Department. @example "Finance" */
  department: textSchema.optional(),
  /** DMU roles this person plays. @example ["champion", "end-user"] */
  dmu_roles: z
    .array(z.enum(DMU_ROLES))
    .min(1, { error: 'must list at least one DMU role' })
    .refine((roles) => new Set(roles).size === roles.length, { error: 'lists a DMU role twice' }),
  /** ICP ids this persona belongs to; empty or unresolved makes it an orphan. @example ["midmarket-ecommerce"] */
  icps: z.array(idSchema),
  ...commonFields,
  /** A sentence in the persona's voice, ≤ 200 characters. @example "I need numbers I can defend." */
  quote: textSchema.max(200).optional(),
  /** What they want to achieve. @example ["Close the books in three days"] */
  goals: stringList({ min: 1 }),
  /** What gets in their way. @example ["Spreadsheets break every month-end"] */
  pains: stringList({ min: 1 }),
  /** Fears and buying objections. @example ["Another tool nobody adopts"] */
  objections: stringList().optional(),
  /** How they judge a purchase. @example ["SOC 2 report"] */
  buying_criteria: stringList().optional(),
  /** Preferred channels. @example ["email", "LinkedIn"] */
  channels: stringList().optional(),
  /** Content they consume. @example ["case studies"] */
  content_preferences: stringList().optional(),
  /** What success looks like to them. @example ["Forecast accuracy within 5%"] */
  success_metrics: stringList().optional(),
  /** How to engage. */
  messaging: z
    .strictObject({
      /** One-line value proposition. @example "Close faster with numbers you trust." */
      value_proposition: textSchema.optional(),
      /** Points to make. @example ["Live in two weeks"] */
      key_messages: stringList().optional(),
      /** Things not to say. @example ["rip and replace"] */
      avoid: stringList().optional(),
    })
    .optional(),
  /** Research behind the persona. */
  evidence: z
    .strictObject({
      /** Interviews held. @example 7 */
      interviews: z.number().int().min(0).optional(),
      /** Survey responses. @example 120 */
      surveys: z.number().int().min(0).optional(),
      /** Sources. @example ["Win/loss interviews Q3 2026"] */
      sources: stringList().optional(),
      /** Date of the latest interview. @example "2026-09-12" */
      last_interview: dateSchema.optional(),
    })
    .optional(),
  /** Demographics. */
  demographics: z
    .strictObject({
      /** @example "35-50" */
      age_range: textSchema.optional(),
      /** @example "London, UK" */
      location: textSchema.optional(),
      /** @example "MBA" */
      education: textSchema.optional(),
    })
    .optional(),
});

export type PersonaInput = z.input<typeof personaSchema>;
export type Persona = z.output<typeof personaSchema>;
