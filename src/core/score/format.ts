/** Output formats of the `score` command: fit results and backtests as a table, CSV or JSON. */

import { count, countEntries } from '../words.ts';
import type { Backtest, IcpBacktest, WinRate } from './backtest.ts';
import type { AccountScores, ScoreResult } from './score.ts';

/** `--format json`: `[{account, best, results: [{icp, verdict, score, reasons}]}]` (DESIGN §3). */
export function formatScoresJson(scores: readonly AccountScores[]): string {
  return scores.length === 0 ? '[]' : ['[', scores.map(formatScoresJsonItem).join(',\n'), ']'].join('\n');
}

/**
 * One account of `--format json`, indented as an element of the array, so the command can print
 * a file of any size one account at a time: `[`, the items joined by `,` and a line break, `]`.
 */
export function formatScoresJsonItem(s: AccountScores): string {
  const shaped = {
    account: s.account,
    best: s.best,
    results: s.results.map((r) => ({
      icp: r.icp,
      verdict: r.verdict,
      score: r.score,
      reasons: r.reasons.map((reason) => ({
        label: reason.label,
        outcome: reason.outcome,
        kind: reason.kind,
      })),
    })),
  };
  return `  ${JSON.stringify(shaped, null, 2).replaceAll('\n', '\n  ')}`;
}

/** `--format table`: one line per account, its best ICP, then verdict and score per ICP. */
export function formatScoresTable(
  scores: readonly AccountScores[],
  icps: readonly { id: string; threshold: number }[],
): string {
  const header = ['account', 'best', ...icps.map((i) => i.id)];
  const rows = scores.map((s) => [
    s.account,
    s.best ?? '-',
    ...s.results.map((r) => `${r.verdict} ${r.score}`),
  ]);
  const lines = alignColumns([header, ...rows], { rightAlign: new Set() });
  const thresholds = icps.map((i) => `${i.id} ${i.threshold}`).join(', ');
  lines.push('');
  const scored = `${count(scores.length, 'account')} scored against ${countEntries(icps.length, 'icp')}`;
  lines.push(`${scored}. A fit matches every must-have and reaches the threshold (${thresholds}).`);
  return lines.join('\n');
}

/** `--format csv`: one row per account × ICP, with the rules behind each verdict. */
export function formatScoresCsv(scores: readonly AccountScores[]): string {
  return [SCORES_CSV_HEADER, ...scores.flatMap(formatScoresCsvRows)].join('\r\n');
}

/** The header row of `--format csv`. */
export const SCORES_CSV_HEADER = [
  'account',
  'icp',
  'verdict',
  'score',
  'threshold',
  'best',
  'must_haves_missed',
  'deal_breakers_matched',
  'scoring_matched',
  'unknown',
].join(',');

/** The `--format csv` rows of one account, one per ICP (joined by CRLF after the header). */
export function formatScoresCsvRows(s: AccountScores): string[] {
  return s.results.map((r) =>
    [
      s.account,
      r.icp,
      r.verdict,
      String(r.score),
      String(r.threshold),
      s.best === r.icp ? 'yes' : 'no',
      labels(r, 'must_have', 'failed'),
      labels(r, 'deal_breaker', 'matched'),
      labels(r, 'scoring', 'matched'),
      r.reasons
        .filter((x) => x.outcome === 'unknown')
        .map((x) => x.label)
        .join('; '),
    ]
      .map(csvCell)
      .join(','),
  );
}

const labels = (r: ScoreResult, kind: string, outcome: string) =>
  r.reasons
    .filter((x) => x.kind === kind && x.outcome === outcome)
    .map((x) => x.label)
    .join('; ');

/**
 * RFC 4180: quote a cell holding a comma, quote, line break or edge spaces; double inner quotes.
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with `'`, since
 * account names and rule labels come from people outside the team (OWASP "CSV injection").
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `--outcomes --format json`. */
export function formatBacktestJson(result: Backtest): string {
  return JSON.stringify(result, null, 2);
}

const percent = (value: number | null) => (value === null ? '-' : `${Math.round(value * 100)}%`);
const KIND_LABELS = { must_have: 'must-have', deal_breaker: 'deal-breaker', scoring: 'scoring' } as const;

/** `--outcomes --format table`: per ICP, verdict × outcome, precision and recall of fit, rule lift. */
export function formatBacktestTable(
  result: Backtest,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  const out: string[] = [];
  const o = result.outcomes;
  const outcomes = `${o.won} won, ${o.lost} lost, ${o.churned} churned; win rate ${percent(result.win_rate)}`;
  const against = countEntries(result.icps.length, 'icp');
  out.push(`Backtest of ${count(result.deals, 'deal')} (${outcomes}) against ${against}.`);
  for (const icp of result.icps) {
    out.push('', ...icpSection(icp, names.get(icp.icp)));
  }
  out.push(
    '',
    'Precision: of the deals the ICP called fit, the share won. Recall: of the deals won, the share the ICP called fit.',
    'Lift: win rate when a rule matched divided by win rate when it did not. Above 1 the rule points at wins; below 1 at losses,',
    'which is what a good deal-breaker shows. Churned deals count as misses.',
  );
  return out.join('\n');
}

function icpSection(icp: IcpBacktest, name: string | undefined): string[] {
  const out: string[] = [];
  out.push(name ? `${icp.icp}: ${name}` : icp.icp);
  const matrix: string[][] = [['verdict', 'won', 'lost', 'churned', 'deals', 'win rate']];
  for (const verdict of ['fit', 'partial', 'excluded'] as const) {
    const m = icp.matrix[verdict];
    const v = icp.verdicts[verdict];
    matrix.push([
      verdict,
      String(m.won),
      String(m.lost),
      String(m.churned),
      String(v.deals),
      percent(v.win_rate),
    ]);
  }
  out.push(...alignColumns(matrix, { rightAlign: new Set([1, 2, 3, 4, 5]), indent: '  ' }));
  const f = icp.fit;
  out.push(
    `  fit predicts won: precision ${percent(f.precision)} (${f.fit_won} of ${f.fit_deals} fits won), recall ${percent(f.recall)} (${f.fit_won} of ${f.won_deals} wins were fits)`,
  );
  if (icp.rules.length > 0) {
    const rules: string[][] = [['rule', 'kind', 'matched', 'not matched', 'lift']];
    for (const r of icp.rules) {
      const notMatched = `${rate(r.not_matched)}${r.unknown ? `, ${r.unknown} unknown` : ''}`;
      rules.push([
        r.label,
        KIND_LABELS[r.kind],
        rate(r.matched),
        notMatched,
        r.lift === null ? '-' : `${r.lift.toFixed(2)}x`,
      ]);
    }
    out.push('', ...alignColumns(rules, { rightAlign: new Set([4]), indent: '  ' }));
  }
  return out;
}

const rate = (w: WinRate) =>
  w.deals === 0 ? 'no deals' : `${w.won}/${w.deals} won (${percent(w.win_rate)})`;

/** Pads cells so columns line up; the header row is underlined. */
function alignColumns(rows: string[][], options: { rightAlign: Set<number>; indent?: string }): string[] {
  const clean = rows.map((row) => row.map((cell) => cell.replace(/\s+/g, ' ')));
  const widths: number[] = [];
  for (const row of clean) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  const line = (row: string[]) =>
    (options.indent ?? '') +
    row
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - [...cell].length);
        if (i === row.length - 1 && !options.rightAlign.has(i)) return cell;
        return options.rightAlign.has(i) ? pad + cell : cell + pad;
      })
      .join('  ');
  const [head, ...body] = clean;
  return [
    line(head!),
    (options.indent ?? '') + widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
  ];
}
