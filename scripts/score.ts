import { command, formatOption, UsageError } from '../src/loader/cli.ts';
import { scoreFile } from '../src/loader/score.ts';

const USAGE = `Usage: npm run score -- ACCOUNTS.csv [--icp ID] [--format table|csv|json] [--content DIR] [--outcomes]

Scores each account in the CSV against every active ICP (or only --icp ID, which may be a draft or retired).
The CSV needs a header row with a "name" column; attribute columns are industry, region, country,
growth_stage, employees, annual_revenue, growth_rate and tech (";"-separated). Empty cells are unknown.
--outcomes backtests the ICPs on past deals: the CSV then needs an "outcome" column (won, lost, churned).
Exit codes: 0 scored, 2 bad input (unreadable file, missing column, bad cell, unknown ICP, bad flag).`;

const options = {
  icp: { type: 'string' },
  format: { type: 'string', default: 'table' },
  content: { type: 'string' },
  outcomes: { type: 'boolean', default: false },
} as const;

await command({ usage: USAGE, options, positionals: true }, ({ values, positionals }) => {
  const [file, ...rest] = positionals;
  if (file === undefined) throw new UsageError('Name the CSV file of accounts to score, e.g. npm run score -- content/data/accounts.csv');
  if (rest.length > 0) throw new UsageError(`Expected one CSV file, got ${positionals.length}: ${positionals.join(', ')}.`);
  const format = formatOption(values.format, ['table', 'csv', 'json'] as const);
  if (values.outcomes && format === 'csv') {
    throw new UsageError('--outcomes prints a backtest report as a table or JSON; use --format table or --format json.');
  }
  return scoreFile({ file, icp: values.icp, content: values.content, format, outcomes: values.outcomes });
});
