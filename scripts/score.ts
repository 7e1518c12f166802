import { command, formatOption, UsageError } from '../src/loader/cli.ts';
import { scoreFile, scoreSql } from '../src/loader/score.ts';

const USAGE = `Usage: npm run score -- ACCOUNTS.csv [--icp ID] [--format table|csv|json] [--content DIR] [--outcomes]
       npm run score -- --sql duckdb|postgres|snowflake|bigquery [--icp ID] [--table NAME] [--key COLUMN] [--content DIR]

Scores each account in the CSV against every active ICP (or only --icp ID, which may be a draft or retired).
The CSV needs a header row with a "name" column; attribute columns are industry, region, country,
growth_stage, employees, annual_revenue, growth_rate and tech (";"-separated). Empty cells are unknown.
--outcomes backtests the ICPs on past deals: the CSV then needs an "outcome" column (won, lost, churned).
--sql prints the same scoring as one SQL query for that engine, to run where the accounts are: it reads
the table --table (default accounts; any text, so "{{ ref('accounts') }}" makes a dbt model) with the
columns of the CSV, and returns account (the --key column, default name), icp, verdict, score, is_best.
Exit codes: 0 scored, 2 bad input (unreadable file, missing column, bad cell, unknown ICP, bad flag).`;

const options = {
  icp: { type: 'string' },
  format: { type: 'string' },
  content: { type: 'string' },
  outcomes: { type: 'boolean', default: false },
  sql: { type: 'string' },
  table: { type: 'string' },
  key: { type: 'string' },
} as const;

await command({ usage: USAGE, options, positionals: true }, ({ values, positionals }) => {
  const { icp, content } = values;
  if (values.sql !== undefined) {
    if (positionals.length > 0)
      throw new UsageError(`--sql prints a query and reads no CSV; leave out ${positionals.join(', ')}.`);
    if (values.format !== undefined || values.outcomes)
      throw new UsageError('--sql cannot be combined with --format or --outcomes.');
    return scoreSql({
      dialect: values.sql,
      icp,
      content,
      table: values.table ?? 'accounts',
      key: values.key ?? 'name',
    });
  }
  if (values.table !== undefined || values.key !== undefined)
    throw new UsageError('--table and --key go with --sql DIALECT.');
  const [file, ...rest] = positionals;
  if (file === undefined)
    throw new UsageError(
      'Name the CSV file of accounts to score, e.g. npm run score -- content/data/accounts.csv',
    );
  if (rest.length > 0)
    throw new UsageError(`Expected one CSV file, got ${positionals.length}: ${positionals.join(', ')}.`);
  const format = formatOption(values.format ?? 'table', ['table', 'csv', 'json'] as const);
  if (values.outcomes && format === 'csv') {
    throw new UsageError(
      '--outcomes prints a backtest report as a table or JSON; use --format table or --format json.',
    );
  }
  return scoreFile({ file, icp, content, format, outcomes: values.outcomes });
});
