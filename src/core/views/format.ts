import type { Criterion, Rule } from '../../schema/index.ts';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 1500 → "1,500". */
export function formatNumber(n: number): string {
  return integer.format(n);
}

/** A money amount, compact: 25000000 USD → "$25M"; unknown currencies are written as "25M EUR". */
export function formatMoney(n: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(n);
  } catch {
    return `${compact.format(n)} ${currency}`;
  }
}

/** A band such as "100–1,000", "1,000+" or "up to 50"; undefined when both ends are missing. */
export function formatBand(
  min: number | undefined,
  max: number | undefined,
  fmt: (n: number) => string = formatNumber,
): string | undefined {
  if (min !== undefined && max !== undefined) return `${fmt(min)}–${fmt(max)}`;
  if (min !== undefined) return `${fmt(min)}+`;
  if (max !== undefined) return `up to ${fmt(max)}`;
  return undefined;
}

const FIELD_NAMES: Record<string, string> = {
  industry: 'Industry',
  region: 'Region',
  country: 'Country',
  growth_stage: 'Growth stage',
  employees: 'Employees',
  annual_revenue: 'Annual revenue',
  growth_rate: 'Growth rate (%)',
  tech: 'Tech stack',
};

const list = (values: readonly string[]) => values.join(', ');

/** A rule as a sentence a reader can check: "Employees between 100 and 1,000". */
export function ruleSentence(rule: Rule): string {
  const field = FIELD_NAMES[rule.field] ?? rule.field;
  const num = (n: number) => (rule.field === 'growth_rate' ? `${n}` : formatNumber(n));
  if (rule.in) return `${field} is one of: ${list(rule.in)}`;
  if (rule.not_in) return `${field} is none of: ${list(rule.not_in)}`;
  if (rule.between) return `${field} between ${num(rule.between[0])} and ${num(rule.between[1])}`;
  if (rule.min !== undefined) return `${field} at least ${num(rule.min)}`;
  if (rule.max !== undefined) return `${field} at most ${num(rule.max)}`;
  if (rule.includes_any) return `${field} includes any of: ${list(rule.includes_any)}`;
  if (rule.includes_all) return `${field} includes all of: ${list(rule.includes_all)}`;
  return field;
}

export interface CriterionView {
  /** What readers see first: the label, or the sentence itself. */
  label: string;
  /** For executable rules: the condition in words. */
  condition?: string;
}

export function criterionView(criterion: Criterion): CriterionView {
  if (typeof criterion === 'string') return { label: criterion };
  return { label: criterion.label, condition: ruleSentence(criterion) };
}
