/**
 * Backtest: score past deals with each ICP and compare the verdicts with how the deals ended.
 * Pure: takes ICPs and deals, returns counts and rates.
 *
 * A deal counts as a win only when its outcome is `won`; `churned` deals were signed and then
 * lost, so for judging an ICP they are misses, like `lost`.
 */

import type { Criterion, Rule } from '../../schema/criterion.ts';
import type { DealOutcome } from './accounts.ts';
import {
  type Account,
  evaluateRule,
  type ReasonKind,
  type ScorableIcp,
  scoreAccount,
  type Verdict,
} from './score.ts';

export interface Deal {
  account: Account;
  outcome: DealOutcome;
}

/** Deals in a group and how many were won. `win_rate` is null for an empty group. */
export interface WinRate {
  deals: number;
  won: number;
  win_rate: number | null;
}

/** How deals fared when one executable rule matched versus when it did not. */
export interface RuleLift {
  label: string;
  kind: ReasonKind;
  matched: WinRate;
  /** Failed or unknown. */
  not_matched: WinRate;
  /** How many of `not_matched` lacked the attribute. */
  unknown: number;
  /** matched win rate ÷ not-matched win rate; null when either is missing or the divisor is 0. */
  lift: number | null;
}

export type ConfusionMatrix = Record<Verdict, Record<DealOutcome, number>>;

export interface IcpBacktest {
  icp: string;
  /** Verdict × outcome counts. */
  matrix: ConfusionMatrix;
  /** How well `fit` predicts `won`. */
  fit: {
    /** Deals judged fit that were won. */
    fit_won: number;
    /** Deals judged fit. */
    fit_deals: number;
    /** Deals won. */
    won_deals: number;
    /** fit_won ÷ fit_deals; null without fits. */
    precision: number | null;
    /** fit_won ÷ won_deals; null without wins. */
    recall: number | null;
  };
  /** Win rate by verdict. */
  verdicts: Record<Verdict, WinRate>;
  rules: RuleLift[];
}

export interface Backtest {
  deals: number;
  outcomes: Record<DealOutcome, number>;
  /** Won ÷ deals over all deals. */
  win_rate: number | null;
  icps: IcpBacktest[];
}

/** Ratios are rounded to 4 decimals so reports stay readable and tests exact. */
export const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

const VERDICTS: readonly Verdict[] = ['fit', 'partial', 'excluded'];
const OUTCOME_NAMES: readonly DealOutcome[] = ['won', 'lost', 'churned'];

const emptyOutcomes = (): Record<DealOutcome, number> => ({ won: 0, lost: 0, churned: 0 });
const winRate = (deals: number, won: number): WinRate => ({ deals, won, win_rate: ratio(won, deals) });
const isRule = (c: Criterion): c is Rule => typeof c === 'object' && c !== null;

function executableRules(icp: ScorableIcp): { rule: Rule; kind: ReasonKind }[] {
  return [
    ...icp.data.must_haves.filter(isRule).map((rule) => ({ rule, kind: 'must_have' as const })),
    ...icp.data.deal_breakers.filter(isRule).map((rule) => ({ rule, kind: 'deal_breaker' as const })),
    ...(icp.data.scoring?.rules ?? []).map((rule) => ({ rule, kind: 'scoring' as const })),
  ];
}

/** Backtests one ICP on the deals. */
export function backtestIcp(icp: ScorableIcp, deals: readonly Deal[]): IcpBacktest {
  const matrix = Object.fromEntries(VERDICTS.map((v) => [v, emptyOutcomes()])) as ConfusionMatrix;
  const rules = executableRules(icp);
  const tallies = rules.map(() => ({ matched: 0, matchedWon: 0, other: 0, otherWon: 0, unknown: 0 }));
  for (const deal of deals) {
    const { verdict } = scoreAccount(icp, deal.account);
    matrix[verdict][deal.outcome] += 1;
    const won = deal.outcome === 'won' ? 1 : 0;
    rules.forEach(({ rule }, i) => {
      const t = tallies[i]!;
      const outcome = evaluateRule(rule, deal.account);
      if (outcome === 'matched') {
        t.matched += 1;
        t.matchedWon += won;
      } else {
        t.other += 1;
        t.otherWon += won;
        if (outcome === 'unknown') t.unknown += 1;
      }
    });
  }
  const total = (v: Verdict) => OUTCOME_NAMES.reduce((sum, o) => sum + matrix[v][o], 0);
  const fitWon = matrix.fit.won;
  const fitDeals = total('fit');
  const wonDeals = VERDICTS.reduce((sum, v) => sum + matrix[v].won, 0);
  return {
    icp: icp.id,
    matrix,
    fit: {
      fit_won: fitWon,
      fit_deals: fitDeals,
      won_deals: wonDeals,
      precision: ratio(fitWon, fitDeals),
      recall: ratio(fitWon, wonDeals),
    },
    verdicts: Object.fromEntries(VERDICTS.map((v) => [v, winRate(total(v), matrix[v].won)])) as Record<
      Verdict,
      WinRate
    >,
    rules: rules.map(({ rule, kind }, i) => {
      const t = tallies[i]!;
      const matched = winRate(t.matched, t.matchedWon);
      const notMatched = winRate(t.other, t.otherWon);
      const lift =
        matched.win_rate === null || notMatched.win_rate === null || t.otherWon === 0
          ? null
          : ratio(t.matchedWon * t.other, t.matched * t.otherWon);
      return { label: rule.label, kind, matched, not_matched: notMatched, unknown: t.unknown, lift };
    }),
  };
}

/** Backtests every ICP, in the order given, on the same deals. */
export function backtest(icps: readonly ScorableIcp[], deals: readonly Deal[]): Backtest {
  const outcomes = emptyOutcomes();
  for (const deal of deals) outcomes[deal.outcome] += 1;
  return {
    deals: deals.length,
    outcomes,
    win_rate: ratio(outcomes.won, deals.length),
    icps: icps.map((icp) => backtestIcp(icp, deals)),
  };
}

/** Precision and recall of each ICP's `fit` verdicts on past deals (rows without an outcome are skipped). */
export function backtestFigures(
  icps: readonly ScorableIcp[],
  rows: readonly { account: Deal['account']; outcome?: Deal['outcome'] }[],
): Record<string, { precision: number | null; recall: number | null }> | undefined {
  const deals: Deal[] = rows.flatMap((r) => (r.outcome ? [{ account: r.account, outcome: r.outcome }] : []));
  if (deals.length === 0) return undefined;
  const figures: Record<string, { precision: number | null; recall: number | null }> = {};
  for (const b of backtest(icps, deals).icps)
    figures[b.icp] = { precision: b.fit.precision, recall: b.fit.recall };
  return figures;
}
