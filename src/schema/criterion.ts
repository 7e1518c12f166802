import { z } from 'zod';
import { textSchema } from './common.ts';

/** Account attributes a rule can test, by type. */
export const STRING_ATTRIBUTES = ['industry', 'region', 'country', 'growth_stage'] as const;
export const NUMBER_ATTRIBUTES = ['employees', 'annual_revenue', 'growth_rate'] as const;
export const LIST_ATTRIBUTES = ['tech'] as const;
export const ATTRIBUTES = [...STRING_ATTRIBUTES, ...NUMBER_ATTRIBUTES, ...LIST_ATTRIBUTES] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
export type AttributeType = 'string' | 'number' | 'list';

export function attributeType(attribute: Attribute): AttributeType {
  if ((STRING_ATTRIBUTES as readonly string[]).includes(attribute)) return 'string';
  if ((NUMBER_ATTRIBUTES as readonly string[]).includes(attribute)) return 'number';
  return 'list';
}

/** Operators, and the attribute type each one fits. */
export const OPERATORS = {
  in: 'string',
  not_in: 'string',
  between: 'number',
  min: 'number',
  max: 'number',
  includes_any: 'list',
  includes_all: 'list',
} as const satisfies Record<string, AttributeType>;
export type Operator = keyof typeof OPERATORS;
export const OPERATOR_NAMES = Object.keys(OPERATORS) as Operator[];

const valueList = z.array(textSchema).min(1, { error: 'must list at least one value' });

const ruleFields = {
  /** What readers see. @example "200–1,500 employees" */
  label: textSchema,
  /** The account attribute tested. @example "employees" */
  field: z.enum(ATTRIBUTES),
  /** String attribute is one of these (case-insensitive). @example ["E-commerce", "Fintech"] */
  in: valueList.optional(),
  /** String attribute is none of these (case-insensitive). @example ["Government"] */
  not_in: valueList.optional(),
  /** Number attribute within [min, max], inclusive. @example [200, 1500] */
  between: z.tuple([z.number(), z.number()]).optional(),
  /** Number attribute at least this. @example 20 */
  min: z.number().optional(),
  /** Number attribute at most this. @example 5000 */
  max: z.number().optional(),
  /** List attribute shares at least one value (case-insensitive). @example ["Shopify", "Stripe"] */
  includes_any: valueList.optional(),
  /** List attribute holds every value (case-insensitive). @example ["Snowflake", "dbt"] */
  includes_all: valueList.optional(),
};

type RuleShape = { field: Attribute } & Partial<Record<Operator, unknown>>;

/** Exactly one operator, and it must fit the attribute's type. */
function checkOperator(rule: RuleShape, ctx: z.RefinementCtx) {
  const used = OPERATOR_NAMES.filter((op) => rule[op] !== undefined);
  if (used.length === 0) {
    ctx.addIssue({ code: 'custom', message: `needs one operator: ${OPERATOR_NAMES.join(', ')}`, path: [] });
    return;
  }
  if (used.length > 1) {
    ctx.addIssue({
      code: 'custom',
      message: `uses ${used.join(' and ')}; a rule takes exactly one operator`,
      path: [used[1]!],
    });
    return;
  }
  const op = used[0]!;
  const want = OPERATORS[op];
  const have = attributeType(rule.field);
  if (want !== have) {
    const fits = OPERATOR_NAMES.filter((o) => OPERATORS[o] === have).join(', ');
    ctx.addIssue({
      code: 'custom',
      message: `operator "${op}" works on ${want} attributes, but "${rule.field}" is a ${have}; use ${fits}`,
      path: [op],
    });
  }
}

/**
 * An executable rule on one account attribute.
 * @example { label: "200–1,500 employees", field: employees, between: [200, 1500] }
 */
export const ruleSchema = z.strictObject(ruleFields).superRefine(checkOperator);

/**
 * A must-have or deal-breaker: a plain sentence (shown, not evaluated) or an executable rule.
 * @example "Has a data team of at least two people"
 */
export const criterionSchema = z.union([textSchema, ruleSchema]);

/** A weighted scoring rule. @example { label: "Uses Shopify", field: tech, includes_any: [Shopify], weight: 20 } */
export const scoringRuleSchema = z
  .strictObject({
    ...ruleFields,
    /** Relative weight, 1–100. @example 20 */
    weight: z.number().int().min(1).max(100),
  })
  .superRefine(checkOperator);

/** The fit-scoring framework. @example { threshold: 60, rules: [...] } */
export const scoringSchema = z.strictObject({
  /** Score at or above which an account with every must-have is a fit, 0–100. @example 60 */
  threshold: z.number().min(0).max(100),
  /** Weighted rules. */
  rules: z.array(scoringRuleSchema).min(1, { error: 'must list at least one scoring rule' }),
});

export type Rule = z.output<typeof ruleSchema>;
export type Criterion = z.output<typeof criterionSchema>;
export type ScoringRule = z.output<typeof scoringRuleSchema>;
export type Scoring = z.output<typeof scoringSchema>;
