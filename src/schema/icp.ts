import { z } from 'zod';
import { commonFields, dateSchema, stringList, textSchema } from './common.ts';
import { criterionSchema, scoringSchema } from './criterion.ts';

/** Growth stages an ICP can target. @example "growth" */
export const GROWTH_STAGES = ['startup', 'growth', 'mid-market', 'enterprise'] as const;

/** An optional integer range. @example { min: 200, max: 1500 } */
const intRange = z.strictObject({
  /** Lower bound, inclusive. @example 200 */
  min: z.number().int().min(0).optional(),
  /** Upper bound, inclusive. @example 1500 */
  max: z.number().int().min(0).optional(),
});

/** One measure of market size. @example { accounts: 12000, value: 1800000000 } */
const marketMeasure = z.strictObject({
  /** Number of accounts. @example 12000 */
  accounts: z.number().int().min(0).optional(),
  /** Money value in `currency`. @example 1800000000 */
  value: z.number().min(0).optional(),
});

/** Market sizing: TAM ⊇ SAM ⊇ SOM. `market-sizing` checks SOM ≤ SAM ≤ TAM per measure. */
export const marketSchema = z.strictObject({
  /** Total addressable market. @example { accounts: 40000, value: 6000000000 } */
  tam: marketMeasure,
  /** Serviceable addressable market. @example { accounts: 12000 } */
  sam: marketMeasure.optional(),
  /** Serviceable obtainable market. @example { accounts: 900 } */
  som: marketMeasure.optional(),
  /** ISO 4217 code; defaults to playbook.yaml `currency`. @example "EUR" */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as "USD"' })
    .optional(),
  /** Where the figures come from. @example "Crunchbase export, Sept 2026" */
  source: textSchema.optional(),
  /** When the figures were taken. @example "2026-09-01" */
  as_of: dateSchema.optional(),
});

/** Company-level facts: who the account is. */
export const firmographicsSchema = z.strictObject({
  /** Industries. @example ["E-commerce", "Fintech"] */
  industries: stringList({ min: 1 }),
  /** Headcount band. @example { min: 200, max: 1500 } */
  employees: intRange.optional(),
  /** Revenue band. @example { min: 20000000, max: 500000000, currency: "USD" } */
  annual_revenue: z
    .strictObject({
      /** Lower bound, inclusive. @example 20000000 */
      min: z.number().min(0).optional(),
      /** Upper bound, inclusive. @example 500000000 */
      max: z.number().min(0).optional(),
      /** ISO 4217 code. @example "USD" */
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as "USD"' })
        .optional(),
    })
    .optional(),
  /** Regions served. @example ["North America", "EU"] */
  regions: stringList({ min: 1 }),
  /** Growth stages. @example ["growth", "mid-market"] */
  growth_stages: z.array(z.enum(GROWTH_STAGES)).min(1).optional(),
});

/** Ideal Customer Profile frontmatter: `content/icps/<id>.mdx`. */
// Key order is the order of the editor's form and of the files it writes: who it is, then the common
// fields, then the detail, as the example files are written.
export const icpSchema = z.strictObject({
  /** Display name, 1–80 characters. @example "Mid-market e-commerce & fintech" */
  name: textSchema.max(80),
  /** The one-sentence ICP statement, 1–280 characters. @example "Fast-growing online retailers…" */
  summary: textSchema.max(280),
  /** Customer segment this ICP belongs to. @example "Mid-market" */
  segment: textSchema.optional(),
  ...commonFields,
  /** Firmographics. */
  firmographics: firmographicsSchema,
  /** Tech stack signals. @example { uses: ["Shopify Plus"], avoids: ["SAP Commerce"] } */
  technographics: z
    .strictObject({ uses: stringList().optional(), avoids: stringList().optional() })
    .optional(),
  /** Company-level problems the product solves. @example ["Reporting takes a week each month"] */
  pains: stringList({ min: 1 }),
  /** Behavioural or buying signals. @example ["30%+ YoY revenue growth"] */
  signals: stringList().optional(),
  /** All must hold for a fit; lint warns below the configured minimum (3). */
  must_haves: z.array(criterionSchema),
  /** Any one disqualifies; lint warns below the configured minimum (2). */
  deal_breakers: z.array(criterionSchema),
  /** The weighted fit-scoring framework. */
  scoring: scoringSchema.optional(),
  /** Market size. */
  market: marketSchema.optional(),
});

export type IcpInput = z.input<typeof icpSchema>;
export type Icp = z.output<typeof icpSchema>;
export type Market = z.output<typeof marketSchema>;
