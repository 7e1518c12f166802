/**
 * `npm run score`: reads an accounts CSV, scores each account against the selected ICPs (or
 * backtests them on past deals with `outcomes`), and prints the result; or, with `--sql`, prints
 * the selected ICPs compiled to one SQL query (DESIGN §10).
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CsvError, type Options as CsvOptions, parse as csvStream } from 'csv-parse';
import type { IcpEntry } from '../core/parse/entry.ts';
import {
  type AccountRow,
  CSV_OPTIONS,
  type CsvProblem,
  createAccountReader,
  type DealOutcome,
  describeLocation,
  fileProblem,
  parseAccounts,
} from '../core/score/accounts.ts';
import { backtest } from '../core/score/backtest.ts';
import * as format from '../core/score/format.ts';
import { scoreAccounts } from '../core/score/score.ts';
import { selectIcps } from '../core/score/select.ts';
import { compileSql } from '../core/score/sql/compile.ts';
import { DIALECTS, type Dialect } from '../core/score/sql/dialects.ts';
import { count } from '../core/words.ts';
import { EXIT_OK, EXIT_USAGE, say, UsageError, warn } from './cli.ts';
import { git } from './git.ts';
import { decode } from './index.ts';
import { runPipeline } from './pipeline.ts';

export interface ScoreOptions {
  file: string;
  icp?: string;
  content?: string;
  format: 'table' | 'csv' | 'json';
  outcomes: boolean;
}

/** Says why the accounts file the user named could not be opened. */
function cannotOpen(file: string, error: unknown): void {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a folder'
        : (code ?? (error as Error).message);
  warn(`Cannot read ${file}: ${why}. Pass the path of a CSV file with a header row and a "name" column.`);
}

/** Reads a text file the user named; undefined (with the reason printed) when it cannot be used. */
function readCsv(file: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    cannotOpen(file, error);
    return undefined;
  }
  const decoded = decode(bytes);
  if (decoded.text === undefined) warn(`Cannot read ${file}: ${decoded.readError}. Save it as UTF-8 CSV.`);
  return decoded.text;
}

/** The ICPs to score (DESIGN §3, §8.15) and the content folder; an exit code when there are none. */
async function loadIcps(options: {
  icp?: string;
  content?: string;
}): Promise<{ icps: IcpEntry[]; dir: string } | number> {
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
    warn(
      `No active ICP to score against in ${playbook.dir}. Set "status: active" on an ICP, or name one with --icp ID.`,
    );
    return EXIT_USAGE;
  }
  return { icps, dir: playbook.dir };
}

/** Scores (or backtests) the accounts of one CSV file; returns the exit code. */
export async function scoreFile(options: ScoreOptions): Promise<number> {
  const { file } = options;
  if (!options.outcomes && options.format !== 'table')
    return streamScores({ ...options, format: options.format });
  const text = readCsv(file);
  if (text === undefined) return EXIT_USAGE;
  const loaded = await loadIcps(options);
  if (typeof loaded === 'number') return loaded;
  const { icps } = loaded;

  const parsed = parseAccounts(text, { outcomes: options.outcomes });
  let errors = 0;
  for (const problem of parsed.problems) {
    if (problem.severity === 'error') errors += 1;
    warn(describeProblem(file, problem));
  }
  if (parsed.fatal) return EXIT_USAGE;
  if (errors === 0 && parsed.rows.length === 0)
    warn(`warning: ${file} has a header row but no ${options.outcomes ? 'deals' : 'accounts'}.`);

  if (options.outcomes) {
    // In outcomes mode every row that parsed has an outcome.
    const result = backtest(
      icps,
      parsed.rows.map((r) => ({ account: r.account, outcome: r.outcome as DealOutcome })),
    );
    const names = new Map(icps.map((i) => [i.id, i.data.name]));
    say(
      options.format === 'json'
        ? format.formatBacktestJson(result)
        : format.formatBacktestTable(result, names),
    );
  } else {
    const scores = scoreAccounts(
      icps,
      parsed.rows.map((r) => r.account),
    );
    const thresholds = icps.map((i) => ({ id: i.id, threshold: i.data.scoring?.threshold ?? 100 }));
    if (options.format === 'json') say(format.formatScoresJson(scores));
    // Every CSV record ends with CRLF (RFC 4180), the last one too: strict CSV readers need one kind.
    else if (options.format === 'csv') process.stdout.write(`${format.formatScoresCsv(scores)}\r\n`);
    else say(format.formatScoresTable(scores, thresholds));
  }
  return finish(file, errors, parsed.rows.length);
}

const describeProblem = (file: string, problem: CsvProblem) => {
  const where = describeLocation(problem);
  return `${problem.severity}: ${file}${where ? ` ${where}` : ''}: ${problem.message}`;
};

/** The closing summary when rows had errors; the exit code. */
function finish(file: string, errors: number, rows: number): number {
  if (errors === 0) return EXIT_OK;
  const left = `the other ${rows} ${rows === 1 ? 'row was' : 'rows were'} scored`;
  warn(`${count(errors, 'error')} in ${file}: rows with errors were left out; ${left}.`);
  return EXIT_USAGE;
}

const CHUNK = 64 * 1024;

/** Why bytes are not UTF-8 text (the reasons `decode` gives), or undefined when they are. */
function textProblem(decoder: TextDecoder, bytes: Uint8Array, end: boolean): string | undefined {
  if (bytes.includes(0)) return 'it contains binary data (a NUL byte), so it is not a text file';
  try {
    decoder.decode(bytes, { stream: !end });
    return undefined;
  } catch {
    return 'it is not valid UTF-8 text';
  }
}

class TextError extends Error {}

/**
 * Opens the CSV and checks its first bytes, so that a missing, binary or non-UTF-8 file is reported
 * before anything else, as when the file is read whole; undefined (reason printed) when unusable.
 */
function openCsv(file: string): number | undefined {
  let fd: number;
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    fd = openSync(file, 'r');
  } catch (error) {
    cannotOpen(file, error);
    return undefined;
  }
  const head = Buffer.alloc(CHUNK);
  const length = readSync(fd, head, 0, CHUNK, 0);
  const problem = textProblem(
    new TextDecoder('utf-8', { fatal: true }),
    head.subarray(0, length),
    length < CHUNK,
  );
  if (problem) {
    closeSync(fd);
    warn(`Cannot read ${file}: ${problem}. Save it as UTF-8 CSV.`);
    return undefined;
  }
  return fd;
}

/** stdout in chunks of about 64 kB, waiting when the reader is slower than the scorer. */
class Output {
  private parts: string[] = [];
  private size = 0;
  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.size === 0) return;
    const ok = process.stdout.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
    if (!ok) await once(process.stdout, 'drain');
  }
}

/** A line on a terminal's stderr that says how far scoring is, every two seconds. */
class Progress {
  private shown = false;
  private last = Date.now();
  private readonly enabled = process.stderr.isTTY === true;
  tick(scored: number) {
    if (!this.enabled || Date.now() - this.last < 2000) return;
    this.last = Date.now();
    process.stderr.write(`\r${count(scored, 'account')} scored…\x1b[K`);
    this.shown = true;
  }
  clear() {
    if (this.shown) process.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}

/**
 * `--format csv` and `--format json`, one account at a time (DESIGN §10): memory stays flat however
 * many rows the file has. Output and messages are those of the whole-file path; a bad row is
 * reported on stderr with its row and column while the others score, and the exit code is 2 at the end.
 */
async function streamScores(options: ScoreOptions & { format: 'csv' | 'json' }): Promise<number> {
  const { file } = options;
  const fd = openCsv(file);
  if (fd === undefined) return EXIT_USAGE;
  try {
    const loaded = await loadIcps(options);
    if (typeof loaded === 'number') return loaded;
    const { icps } = loaded;
    const out = new Output();
    const progress = new Progress();
    let errors = 0;
    let scored = 0;
    let row = 0;
    const reader = createAccountReader({
      onProblem: (problem) => {
        if (problem.severity === 'error') errors += 1;
        progress.clear();
        warn(describeProblem(file, problem));
      },
    });
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const checkText = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        const problem = textProblem(decoder, chunk, false);
        done(problem ? new TextError(problem) : undefined, chunk);
      },
      flush(done) {
        const problem = textProblem(decoder, new Uint8Array(), true);
        done(problem ? new TextError(problem) : undefined);
      },
    });
    const csvOptions: CsvOptions<AccountRow, string[]> = {
      ...CSV_OPTIONS,
      on_record: (cells: string[]) => {
        row += 1;
        return reader.record(row, cells) ?? null;
      },
      on_skip: (error: CsvError | undefined) => {
        row += 1;
        reader.skip(row, error);
        return undefined;
      },
    };
    // on_record turns each record into an account row; csv-parse's non-generic overload types records as cells.
    const parser = csvStream(csvOptions as unknown as CsvOptions);
    const print = async (rows: AsyncIterable<AccountRow>) => {
      for await (const accountRow of rows) {
        const [scores] = scoreAccounts(icps, [accountRow.account]);
        if (options.format === 'json')
          await out.write(`${scored === 0 ? '[\n' : ',\n'}${format.formatScoresJsonItem(scores!)}`);
        else
          await out.write(
            `${scored === 0 ? format.SCORES_CSV_HEADER : ''}\r\n${format.formatScoresCsvRows(scores!).join('\r\n')}`,
          );
        scored += 1;
        progress.tick(scored);
      }
    };
    try {
      await pipeline(
        createReadStream('', { fd, start: 0, autoClose: false, highWaterMark: CHUNK }),
        checkText,
        parser,
        print,
      );
    } catch (error) {
      // The file breaks off (bytes that are not UTF-8 text, or CSV that cannot be read on): what was
      // scored before stays printed, as a complete CSV or JSON document, and the exit code is 2.
      progress.clear();
      const reason =
        error instanceof TextError
          ? error.message
          : fileProblem(error as CsvError).message.replace(/^the file /, 'it ');
      if (scored > 0) await out.write(options.format === 'json' ? '\n]\n' : '\r\n');
      await out.flush();
      const before = scored > 0 ? `, after ${count(scored, 'account')} scored and printed` : '';
      warn(`Cannot read ${file} past row ${row}: ${reason}${before}. Save it as UTF-8 CSV.`);
      return EXIT_USAGE;
    }
    progress.clear();
    reader.end();
    if (reader.fatal) return EXIT_USAGE;
    if (errors === 0 && scored === 0) warn(`warning: ${file} has a header row but no accounts.`);
    if (options.format === 'json') await out.write(scored === 0 ? '[]\n' : '\n]\n');
    else await out.write(scored === 0 ? `${format.SCORES_CSV_HEADER}\r\n` : '\r\n');
    await out.flush();
    return finish(file, errors, scored);
  } finally {
    closeSync(fd);
  }
}

export interface SqlOptions {
  /** One of DIALECTS; anything else is a usage error that lists them. */
  dialect: string;
  icp?: string;
  content?: string;
  /** The accounts table, inserted into the query as given (a dbt `{{ ref('accounts') }}` too). */
  table: string;
  /** The column that identifies an account. */
  key: string;
}

/** Prints the selected ICPs compiled to one SQL query for the dialect (DESIGN §10); returns the exit code. */
export async function scoreSql(options: SqlOptions): Promise<number> {
  if (!(DIALECTS as readonly string[]).includes(options.dialect)) {
    throw new UsageError(`--sql must be one of ${DIALECTS.join(', ')}, got "${options.dialect}".`);
  }
  if (options.table.trim() === '')
    throw new UsageError('--table needs a table name, such as analytics.accounts.');
  if (options.key.trim() === '') throw new UsageError('--key needs a column name, such as crm_id.');
  const loaded = await loadIcps(options);
  if (typeof loaded === 'number') return loaded;
  const version = playbookVersion(loaded.dir, loaded.icps);
  const dialect = options.dialect as Dialect;
  say(compileSql(loaded.icps, { dialect, table: options.table, key: options.key, version }));
  return EXIT_OK;
}

/**
 * Where the rules came from: the git commit of the content folder (and whether the ICP files
 * changed since), and a digest of the ICP files that is the same on every machine.
 */
function playbookVersion(dir: string, icps: readonly IcpEntry[]): string {
  const hash = createHash('sha256');
  for (const icp of [...icps].sort((a, b) => (a.path < b.path ? -1 : 1)))
    hash.update(`${icp.path}\0${icp.text ?? ''}\0`);
  const digest = `ICP files sha256 ${hash.digest('hex').slice(0, 12)}`;
  try {
    const head = git(['rev-parse', '--short=12', 'HEAD'], dir);
    if (head.status !== 0) return `no git commit, ${digest}`;
    const files = icps.map((i) => join(dir, i.path));
    const status = git(['status', '--porcelain', '--', ...files], dir);
    const changed = status.status === 0 && status.stdout.length > 0 ? ' with uncommitted ICP changes' : '';
    return `commit ${head.stdout.toString().trim()}${changed}, ${digest}`;
  } catch {
    return `git not available, ${digest}`;
  }
}
