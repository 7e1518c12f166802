/**
 * ICP fit scoring: one account against one ICP's must-haves, deal-breakers and weighted rules.
 *
 * The same module runs in the `score` command and in the browser on the /fit page, so it has no
 * dependencies and imports schema types only (`import type` is erased at build time). Each
 * operator's evaluation lives in the operator table (operators.ts), beside its SQL forms.
 */
import type { Criterion, Rule, Scoring } from '../../schema/criterion.ts';
import { holds } from './operators.ts';

/** An account to score. A missing (undefined) attribute is unknown. */
export interface Account {
  /** How the account is labelled in results. @example "Acme Outfitters" */
  name: string;
  /** @example "E-commerce" */
  industry?: string;
  /** @example "North America" */
  region?: string;
  /** @example "United States" */
  country?: string;
  /** @example "growth" */
  growth_stage?: string;
  /** @example 420 */
  employees?: number;
  /** In the ICP's currency. @example 85000000 */
  annual_revenue?: number;
  /** Year-over-year revenue growth in percent. @example 35 */
  growth_rate?: number;
  /** Tech stack. @example ["Shopify Plus", "Klaviyo"] */
  tech?: string[];
}

/** What scoring needs from an ICP: its id and the three criteria lists. An `IcpEntry` fits. */
export interface ScorableIcp {
  id: string;
  data: {
    must_haves: readonly Criterion[];
    deal_breakers: readonly Criterion[];
    scoring?: Scoring;
  };
}

export type Verdict = 'fit' | 'partial' | 'excluded';
export type RuleOutcome = 'matched' | 'failed' | 'unknown';
export type ReasonKind = 'must_have' | 'deal_breaker' | 'scoring';

/** One executable criterion and what it gave for the account. */
export interface Reason {
  label: string;
  outcome: RuleOutcome;
  kind: ReasonKind;
}

export interface ScoreResult {
  /** ICP id. */
  icp: string;
  verdict: Verdict;
  /** 0–100. */
  score: number;
  /** The score a fit needs: the ICP's `scoring.threshold`, or 100 without `scoring`. */
  threshold: number;
  /** Must-haves, then deal-breakers, then scoring rules, in file order; plain sentences omitted. */
  reasons: Reason[];
}

export interface AccountScores {
  /** The account's name. */
  account: string;
  /** Id of the highest-scoring `fit` (a tie goes to the alphabetically first id), else null. */
  best: string | null;
  results: ScoreResult[];
}

/** The account's value for a rule's attribute, or undefined when it is unknown. */
function knownValue(account: Account, rule: Rule): string | number | string[] | undefined {
  const value = account[rule.field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  const list = value.filter((v) => typeof v === 'string' && v.trim() !== '');
  return list.length > 0 ? list : undefined;
}

/** Evaluates one executable rule: matched, failed, or unknown when the account lacks the attribute. */
export function evaluateRule(rule: Rule, account: Account): RuleOutcome {
  const value = knownValue(account, rule);
  if (value === undefined) return 'unknown';
  const result = holds(rule, value);
  return result === undefined ? 'unknown' : result ? 'matched' : 'failed';
}

const isRule = (c: Criterion): c is Rule => typeof c === 'object' && c !== null;

/** Scores one account against one ICP (DESIGN §2.2 "Scoring semantics", §8.15). */
export function scoreAccount(icp: ScorableIcp, account: Account): ScoreResult {
  const reasons: Reason[] = [];
  let mustHavesHold = true;
  for (const rule of icp.data.must_haves.filter(isRule)) {
    const outcome = evaluateRule(rule, account);
    if (outcome !== 'matched') mustHavesHold = false;
    reasons.push({ label: rule.label, outcome, kind: 'must_have' });
  }
  let excluded = false;
  for (const rule of icp.data.deal_breakers.filter(isRule)) {
    const outcome = evaluateRule(rule, account);
    if (outcome === 'matched') excluded = true;
    reasons.push({ label: rule.label, outcome, kind: 'deal_breaker' });
  }
  const scoring = icp.data.scoring;
  let matchedWeight = 0;
  let totalWeight = 0;
  for (const rule of scoring?.rules ?? []) {
    const outcome = evaluateRule(rule, account);
    totalWeight += rule.weight;
    if (outcome === 'matched') matchedWeight += rule.weight;
    reasons.push({ label: rule.label, outcome, kind: 'scoring' });
  }
  const threshold = scoring ? scoring.threshold : 100;
  if (excluded) return { icp: icp.id, verdict: 'excluded', score: 0, threshold, reasons };
  const score = scoring
    ? totalWeight > 0
      ? Math.round((100 * matchedWeight) / totalWeight)
      : 0
    : mustHavesHold
      ? 100
      : 0;
  const verdict: Verdict = mustHavesHold && score >= threshold ? 'fit' : 'partial';
  return { icp: icp.id, verdict, score, threshold, reasons };
}

/** The highest-scoring fit, a tie going to the alphabetically first ICP id; null without a fit. */
export function bestFit(results: readonly ScoreResult[]): string | null {
  let best: ScoreResult | undefined;
  for (const r of results) {
    if (r.verdict !== 'fit') continue;
    if (!best || r.score > best.score || (r.score === best.score && r.icp < best.icp)) best = r;
  }
  return best ? best.icp : null;
}

/** Scores every account against every ICP, in the order given. */
export function scoreAccounts(icps: readonly ScorableIcp[], accounts: readonly Account[]): AccountScores[] {
  return accounts.map((account) => {
    const results = icps.map((icp) => scoreAccount(icp, account));
    return { account: account.name, best: bestFit(results), results };
  });
}
