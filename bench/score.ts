/**
 * Scoring at scale (DESIGN §7, §10): `npm run score -- FILE --format csv` on generated accounts at
 * each size, in a child process with its output going to a file (wall time and the peak RSS of its
 * process tree), then DuckDB running the `--sql duckdb` query on the same rows at the largest size,
 * with the two engines' verdict counts compared.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeAccounts } from './accounts.ts';
import { memoryGrowth } from './budgets.ts';
import { type Bench, NODE, script } from './context.ts';
import { countCsvVerdicts, type DuckDbFigure, duckdbScore, type VerdictCounts } from './duckdb.ts';
import { mib, sec } from './format.ts';
import { run, treeRss } from './measure.ts';
import { loadAverage } from './report.ts';

export interface ScoreFigure {
  accounts: number;
  csvBytes: number;
  wallMs: number;
  accountsPerSecond: number;
  peakRssBytes: number;
  outputBytes: number;
}

export interface ScoringFigures {
  date: string;
  loadAverage: { start: number[]; end: number[] };
  seed: number;
  /** The CSV scorer (`npm run score -- --format csv`) at each size. */
  csv: ScoreFigure[];
  /** Peak RSS at the largest size over that at the smallest. */
  memory?: { from: number; to: number; ratio: number };
  duckdb?: DuckDbFigure;
  /** The CSV scorer's verdicts at the largest size, counted in its output. */
  csvVerdicts?: VerdictCounts;
  /** Same rows, verdict counts and best fits from both engines. */
  verdictsMatch?: boolean;
}

/** Generates the accounts, scores them at each size, and runs DuckDB at the largest. */
export async function measureScoring(b: Bench, sizes: number[]): Promise<ScoringFigures> {
  const date = new Date().toISOString();
  const start = loadAverage();
  const dir = join(b.work, 'accounts');
  const content = join(b.root, 'content');
  const csv: ScoreFigure[] = [];
  let last: { file: string; output: string } | undefined;
  for (const n of [...new Set(sizes)].sort((x, y) => x - y)) {
    let t = performance.now();
    const { file, bytes } = writeAccounts(dir, n, b.seed);
    b.say(`accounts ${n} (${mib(bytes)} of CSV) written in ${sec(performance.now() - t)}`);
    const output = join(dir, `scores-${n}.csv`);
    t = performance.now();
    const args = [script(b, 'score'), file, '--format', 'csv', '--content', content];
    const r = await runToFile(NODE, args, output, { cwd: b.root, env: b.env });
    if (r.code !== 0) throw new Error(`npm run score on ${n} accounts failed (exit ${r.code}): ${r.stderr}`);
    const figure = {
      accounts: n,
      csvBytes: bytes,
      wallMs: Math.round(r.ms),
      accountsPerSecond: Math.round(n / (r.ms / 1000)),
      peakRssBytes: r.peakRssBytes,
      outputBytes: statSync(output).size,
    };
    csv.push(figure);
    const rate = `${figure.accountsPerSecond.toLocaleString('en-US')} accounts/s`;
    b.say(`score ${n} accounts (CSV scorer): ${sec(r.ms)}, ${rate}, peak RSS ${mib(r.peakRssBytes)}`);
    last = { file, output };
  }
  const figures: ScoringFigures = { date, loadAverage: { start, end: start }, seed: b.seed, csv };
  figures.memory = memoryGrowth(csv);
  if (last) Object.assign(figures, await compareDuckDb(b, csv.at(-1)!.accounts, last, content));
  figures.loadAverage.end = loadAverage();
  return figures;
}

/** DuckDB on the same file, and the verdict counts of both engines side by side. */
async function compareDuckDb(
  b: Bench,
  accounts: number,
  files: { file: string; output: string },
  content: string,
): Promise<Pick<ScoringFigures, 'duckdb' | 'csvVerdicts' | 'verdictsMatch'>> {
  const query = await run(NODE, [script(b, 'score'), '--sql', 'duckdb', '--content', content], {
    cwd: b.root,
    env: b.env,
  });
  if (query.code !== 0)
    throw new Error(`npm run score -- --sql duckdb failed (exit ${query.code}): ${query.stderr}`);
  b.say(`DuckDB: loading ${accounts} accounts and running the --sql duckdb query…`);
  const duckdb = await duckdbScore(files.file, accounts, query.stdout);
  const rate = `${duckdb.accountsPerSecond.toLocaleString('en-US')} accounts/s`;
  b.say(
    `DuckDB ${duckdb.version} (${duckdb.threads} threads): load ${sec(duckdb.loadMs)}, query ${sec(duckdb.queryMs)}, ${rate}`,
  );
  const csvVerdicts = await countCsvVerdicts(files.output);
  const verdictsMatch = sameCounts(csvVerdicts, duckdb);
  const shown = (c: VerdictCounts) =>
    `${Object.entries(c.verdicts)
      .map(([v, n]) => `${v} ${n}`)
      .join(', ')}; best ${c.best}`;
  b.say(
    `verdicts: CSV scorer ${shown(csvVerdicts)}; DuckDB ${shown(duckdb)} (${verdictsMatch ? 'same' : 'DIFFERENT'})`,
  );
  return { duckdb, csvVerdicts, verdictsMatch };
}

/** True when both give the same number of rows, of each verdict, and of best fits. */
export function sameCounts(a: VerdictCounts, b: VerdictCounts): boolean {
  const keys = new Set([...Object.keys(a.verdicts), ...Object.keys(b.verdicts)]);
  return a.rows === b.rows && a.best === b.best && [...keys].every((k) => a.verdicts[k] === b.verdicts[k]);
}

/**
 * Runs a command with its stdout going to `output` (so millions of lines never pass through this
 * process), sampling the peak RSS of its process tree every 100 ms as bench/measure.ts does.
 */
function runToFile(
  command: string,
  args: string[],
  output: string,
  options: { cwd: string; env: Record<string, string | undefined> },
): Promise<{ ms: number; peakRssBytes: number; code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...options.env };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    const fd = openSync(output, 'w');
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', fd, 'pipe'] });
    let stderr = '';
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid).total);
    }, 100);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const done = () => {
      clearInterval(timer);
      closeSync(fd);
    };
    child.on('error', (error) => {
      done();
      reject(error);
    });
    child.on('close', (code) => {
      done();
      resolve({ ms: performance.now() - started, peakRssBytes: peak, code: code ?? -1, stderr });
    });
  });
}
