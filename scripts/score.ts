import { readFileSync } from 'node:fs';
import { parseAccounts, describeLocation } from '../src/core/score/accounts.ts';
import { backtest } from '../src/core/score/backtest.ts';
import { parseEntry, type IcpEntry } from '../src/core/parse/entry.ts';
import { formatBacktestJson, formatBacktestTable, formatScoresCsv, formatScoresJson, formatScoresTable } from '../src/core/score/format.ts';
import { buildGraph } from '../src/core/graph/graph.ts';
import { scoreAccounts } from '../src/core/score/score.ts';
import { nearest } from '../src/core/graph/suggest.ts';
import { decode, loadPlaybook } from '../src/loader/index.ts';
import { EXIT_OK, EXIT_USAGE, main, parse, UsageError } from '../src/loader/cli.ts';

const USAGE = `Usage: npm run score -- ACCOUNTS.csv [--icp ID] [--format table|csv|json] [--content DIR] [--outcomes]

Scores each account in the CSV against every active ICP (or only --icp ID, which may be a draft or retired).
The CSV needs a header row with a "name" column; attribute columns are industry, region, country,
growth_stage, employees, annual_revenue, growth_rate and tech (";"-separated). Empty cells are unknown.
--outcomes backtests the ICPs on past deals: the CSV then needs an "outcome" column (won, lost, churned).
Exit codes: 0 scored, 2 bad input (unreadable file, missing column, bad cell, unknown ICP, bad flag).`;

const FORMATS = ['table', 'csv', 'json'] as const;

await main(USAGE, () => {
  const { values, positionals } = parse({
    icp: { type: 'string' },
    format: { type: 'string', default: 'table' },
    content: { type: 'string' },
    outcomes: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError('Name the CSV file of accounts to score, e.g. npm run score -- content/data/accounts.csv');
  if (positionals.length > 1) throw new UsageError(`Expected one CSV file, got ${positionals.length}: ${positionals.join(', ')}.`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}".`);
  if (values.outcomes && format === 'csv') throw new UsageError('--outcomes prints a backtest report as a table or JSON; use --format table or --format json.');

  const file = positionals[0]!;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (error as Error).message);
    process.stderr.write(`Cannot read ${file}: ${why}. Pass the path of a CSV file with a header row and a "name" column.\n`);
    return EXIT_USAGE;
  }
  const decoded = decode(bytes);
  if (decoded.text === undefined) {
    process.stderr.write(`Cannot read ${file}: ${decoded.readError}. Save it as UTF-8 CSV.\n`);
    return EXIT_USAGE;
  }

  const playbook = loadPlaybook({ content: values.content });
  for (const notice of playbook.notices) process.stderr.write(`${notice}\n`);
  const graph = buildGraph(playbook.sources.filter((s) => s.type === 'icp').map(parseEntry));
  let icps: IcpEntry[];
  if (values.icp !== undefined) {
    const icp = graph.icps.get(values.icp);
    if (!icp) {
      const known = [...graph.all.icp.keys()].sort();
      if (graph.all.icp.has(values.icp)) {
        process.stderr.write(`ICP "${values.icp}" has errors in its frontmatter, so it cannot be scored. Run npm run lint to see them.\n`);
        return EXIT_USAGE;
      }
      const guess = nearest(values.icp, known);
      throw new UsageError(`There is no ICP "${values.icp}".${guess ? ` Did you mean "${guess}"?` : ''} Known ICPs: ${known.join(', ') || 'none'}.`);
    }
    icps = [icp];
  } else {
    icps = [...graph.icps.values()].filter((i) => i.data.status === 'active').sort((a, b) => (a.id < b.id ? -1 : 1));
    const broken = [...graph.all.icp.values()].filter((e) => e.data === undefined).map((e) => e.file);
    if (broken.length > 0) process.stderr.write(`Skipped ICPs with errors (run npm run lint): ${broken.join(', ')}\n`);
    if (icps.length === 0) {
      process.stderr.write(`No active ICP to score against in ${playbook.dir}. Set "status: active" on an ICP, or name one with --icp ID.\n`);
      return EXIT_USAGE;
    }
  }

  const parsed = parseAccounts(decoded.text, { outcomes: values.outcomes });
  let errors = 0;
  for (const problem of parsed.problems) {
    if (problem.severity === 'error') errors += 1;
    const where = describeLocation(problem);
    process.stderr.write(`${problem.severity}: ${file}${where ? ` ${where}` : ''}: ${problem.message}\n`);
  }
  if (parsed.fatal) return EXIT_USAGE;
  if (errors === 0 && parsed.rows.length === 0) process.stderr.write(`warning: ${file} has a header row but no ${values.outcomes ? 'deals' : 'accounts'}.\n`);

  let output: string;
  if (values.outcomes) {
    const result = backtest(icps, parsed.rows.map((r) => ({ account: r.account, outcome: r.outcome! })));
    output = format === 'json' ? formatBacktestJson(result) : formatBacktestTable(result, new Map(icps.map((i) => [i.id, i.data.name])));
  } else {
    const scores = scoreAccounts(icps, parsed.rows.map((r) => r.account));
    if (format === 'json') output = formatScoresJson(scores);
    else if (format === 'csv') output = formatScoresCsv(scores);
    else output = formatScoresTable(scores, icps.map((i) => ({ id: i.id, threshold: i.data.scoring?.threshold ?? 100 })));
  }
  process.stdout.write(`${output}\n`);
  if (errors > 0) {
    process.stderr.write(`${errors} ${errors === 1 ? 'error' : 'errors'} in ${file}: rows with errors were left out; the other ${parsed.rows.length} ${parsed.rows.length === 1 ? 'row was' : 'rows were'} scored.\n`);
    return EXIT_USAGE;
  }
  return EXIT_OK;
});
