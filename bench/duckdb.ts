/**
 * DuckDB (@duckdb/node-api, the engine in its npm package) running the `--sql duckdb` query on the
 * accounts CSV the CSV scorer read: the load (read_csv into a table) and the query (its result
 * materialised into a table) are timed apart. It also counts the CSV scorer's verdicts in its
 * output, so the two can be compared without reading millions of lines in JavaScript.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ACCOUNT_COLUMNS } from './accounts.ts';

/** Result rows (one per account and ICP), by verdict, and how many are an account's best fit. */
export interface VerdictCounts {
  rows: number;
  verdicts: Record<string, number>;
  best: number;
}

export interface DuckDbFigure extends VerdictCounts {
  accounts: number;
  version: string;
  threads: number;
  /** read_csv of the accounts file into a table. */
  loadMs: number;
  /** The query, its rows written to a table. */
  queryMs: number;
  /** Accounts per second of the query alone. */
  accountsPerSecond: number;
}

const NUMBER_COLUMNS = new Set(['employees', 'annual_revenue', 'growth_rate']);
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** RFC 4180 with a header, every column typed: no sniffing, so the load does the same work each run. */
function readCsv(file: string, columns: Record<string, string>): string {
  const types = Object.entries(columns)
    .map(([name, type]) => `${literal(name)}: ${literal(type)}`)
    .join(', ');
  return `read_csv(${literal(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${types}})`;
}

async function rows(connection: DuckDBConnection, sql: string) {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS();
}

/** Runs `work` on a fresh in-memory database, closed afterwards. */
async function withDatabase<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Rows, verdicts and best fits of a relation with `verdict` and a boolean expression `best`. */
async function tally(connection: DuckDBConnection, from: string, best: string): Promise<VerdictCounts> {
  const list = await rows(
    connection,
    `select verdict, count(*) as n, count(*) filter (${best}) as best from ${from} group by verdict order by verdict`,
  );
  return {
    rows: list.reduce((sum, r) => sum + Number(r.n), 0),
    verdicts: Object.fromEntries(list.map((r) => [String(r.verdict), Number(r.n)])),
    best: list.reduce((sum, r) => sum + Number(r.best), 0),
  };
}

/** Loads `file` (`accounts` rows), runs `sql` on it, and counts verdicts and best fits. */
export function duckdbScore(file: string, accounts: number, sql: string): Promise<DuckDbFigure> {
  return withDatabase(async (connection) => {
    const [about] = await rows(connection, "select version() as v, current_setting('threads') as t");
    const columns = Object.fromEntries(
      ACCOUNT_COLUMNS.map((c) => [c, NUMBER_COLUMNS.has(c) ? 'double' : 'varchar']),
    );
    let t = performance.now();
    await connection.run(`create table accounts as select * from ${readCsv(file, columns)}`);
    const loadMs = performance.now() - t;
    t = performance.now();
    await connection.run(`create table scores as\n${sql}`);
    const queryMs = performance.now() - t;
    return {
      accounts,
      version: String(about?.v),
      threads: Number(about?.t),
      loadMs: Math.round(loadMs),
      queryMs: Math.round(queryMs),
      accountsPerSecond: Math.round(accounts / (queryMs / 1000)),
      ...(await tally(connection, 'scores', 'is_best')),
    };
  });
}

/** The verdicts and best fits in a `npm run score -- --format csv` output file. */
export function countCsvVerdicts(file: string): Promise<VerdictCounts> {
  // Strict: every record of the scorer's CSV ends with CRLF, so DuckDB's strict reader takes it as is.
  const from = `read_csv(${literal(file)}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true)`;
  return withDatabase((connection) => tally(connection, from, "best = 'yes'"));
}
