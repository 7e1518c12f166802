/**
 * `npm run score`: reads an accounts CSV, scores each account against the selected ICPs (or
 * backtests them on past deals with `outcomes`), and prints the result.
 */
import { readFileSync } from 'node:fs';
import { type DealOutcome, describeLocation, parseAccounts } from '../core/score/accounts.ts';
import { backtest } from '../core/score/backtest.ts';
import * as format from '../core/score/format.ts';
import { scoreAccounts } from '../core/score/score.ts';
import { selectIcps } from '../core/score/select.ts';
import { count } from '../core/words.ts';
import { EXIT_OK, EXIT_USAGE, say, UsageError, warn } from './cli.ts';
import { decode } from './index.ts';
import { runPipeline } from './pipeline.ts';

export interface ScoreOptions {
  file: string;
  icp?: string;
  content?: string;
  format: 'table' | 'csv' | 'json';
  outcomes: boolean;
}

/** Reads a text file the user named; undefined (with the reason printed) when it cannot be used. */
function readCsv(file: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (error as Error).message);
    warn(`Cannot read ${file}: ${why}. Pass the path of a CSV file with a header row and a "name" column.`);
    return undefined;
  }
  const decoded = decode(bytes);
  if (decoded.text === undefined) warn(`Cannot read ${file}: ${decoded.readError}. Save it as UTF-8 CSV.`);
  return decoded.text;
}

/** Scores (or backtests) the accounts of one CSV file; returns the exit code. */
export async function scoreFile(options: ScoreOptions): Promise<number> {
  const { file } = options;
  const text = readCsv(file);
  if (text === undefined) return EXIT_USAGE;
  const load = { content: options.content, lint: false, types: ['icp'] as const, onNotice: warn };
  const { graph, playbook } = await runPipeline(load);
  const selection = selectIcps(graph, options.icp);
  if ('problem' in selection) {
    if (selection.problem === 'unknown') throw new UsageError(selection.message);
    warn(selection.message);
    return EXIT_USAGE;
  }
  const { icps, skipped } = selection;
  if (skipped.length > 0) warn(`Skipped ICPs with errors (run npm run lint): ${skipped.join(', ')}`);
  if (icps.length === 0) {
    warn(`No active ICP to score against in ${playbook.dir}. Set "status: active" on an ICP, or name one with --icp ID.`);
    return EXIT_USAGE;
  }

  const parsed = parseAccounts(text, { outcomes: options.outcomes });
  let errors = 0;
  for (const problem of parsed.problems) {
    if (problem.severity === 'error') errors += 1;
    const where = describeLocation(problem);
    warn(`${problem.severity}: ${file}${where ? ` ${where}` : ''}: ${problem.message}`);
  }
  if (parsed.fatal) return EXIT_USAGE;
  if (errors === 0 && parsed.rows.length === 0) warn(`warning: ${file} has a header row but no ${options.outcomes ? 'deals' : 'accounts'}.`);

  if (options.outcomes) {
    // In outcomes mode every row that parsed has an outcome.
    const result = backtest(icps, parsed.rows.map((r) => ({ account: r.account, outcome: r.outcome as DealOutcome })));
    const names = new Map(icps.map((i) => [i.id, i.data.name]));
    say(options.format === 'json' ? format.formatBacktestJson(result) : format.formatBacktestTable(result, names));
  } else {
    const scores = scoreAccounts(icps, parsed.rows.map((r) => r.account));
    const thresholds = icps.map((i) => ({ id: i.id, threshold: i.data.scoring?.threshold ?? 100 }));
    if (options.format === 'json') say(format.formatScoresJson(scores));
    else if (options.format === 'csv') say(format.formatScoresCsv(scores));
    else say(format.formatScoresTable(scores, thresholds));
  }
  if (errors > 0) {
    const rows = parsed.rows.length;
    const left = `the other ${rows} ${rows === 1 ? 'row was' : 'rows were'} scored`;
    warn(`${count(errors, 'error')} in ${file}: rows with errors were left out; ${left}.`);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}
