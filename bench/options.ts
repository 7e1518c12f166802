/** The benchmark's command line: sizes, runs, what to skip, and where its files go. */
import { join, resolve } from 'node:path';
import { parse, UsageError } from '../src/loader/cli.ts';
import { CHROMIUM } from './chromium.ts';
import { CORNERS } from './hostile/corners.ts';

export const USAGE = `Usage: npm run bench -- [--quick | --pages N | --lint-only | --only PARTS | --huge]
         [--lint-sizes 1000,10000] [--build-sizes 1000,5000] [--runs 3] [--seed 1] [--query forecast]
         [--no-starlight] [--no-search] [--chromium PATH] [--accounts 100000,1000000]
         [--hostile-sizes 10000,100000,1000000] [--before-max 100000] [--corners TEXT]...
         [--out FILE] [--tmp DIR]

Generates playbooks, then measures lint (ms per file), build time and peak memory (ours and a stock
Starlight site with the same pages), page weight and the bytes of a first search query; scoring
throughput (the CSV scorer and DuckDB on the --sql duckdb query) on generated accounts; and lint
time on pathological files (bench/hostile/corners.ts), with the parse bound and without it.
Each build size is built --runs times, ours and Starlight alternately, every build cold (fresh
output folder, empty parse cache); budgets use the median time and the highest peak memory.
  --runs N        lint runs per size: N cold, each from an empty parse cache (the figure is their
                  median), then N - 1 warm; and build runs per size (default 3; 1 for builds with
                  --quick or --pages)
  --quick         200 files, no Starlight, no 10,000-file lint, no scoring or hostile input (under
                  two minutes)
  --pages N       one size for everything, no Starlight, no scoring or hostile input (for tests)
  --lint-only     lint figures only (the same as --only lint)
  --only PARTS    only these of lint, build, score, hostile (comma-separated), e.g. --only score;
                  the other parts' figures in the results file are kept from its last run
  --huge          only the large build, ours, cold: 5,000 pages (--runs times), then 20,000 pages
                  once; time, peak memory by program, each phase, and T(20,000) / T(5,000) against
                  DESIGN §7 (the other figures in the results file are kept). With --build-sizes
                  SMALL,LARGE it builds those two sizes instead, e.g. --build-sizes 20,40
  --accounts      account counts to score; peak memory is compared between the fewest and the most
  --hostile-sizes sizes in bytes of each pathological file; the largest is also added, one file of
                  each corner, to the example playbook
  --before-max    largest size at which the parsers also run alone, without the bound (stopped
                  after 30 s each)
  --corners TEXT  only the corners whose name contains TEXT (repeat for more), e.g. --corners YAML
Results go to bench/results.json (or --out). Corpora, accounts, builds, caches and the Starlight install
go to node_modules/.cache/playbook-bench/ (or PLAYBOOK_BENCH_DIR, or --tmp), out of sight of
\`npm run dev\` and the type checker.`;

/** What a run measures: the generated playbooks' lint, their build (with page weight and search), scoring, hostile input. */
export const PARTS = ['lint', 'build', 'score', 'hostile'] as const;
/** A part of the results file; `huge` (the 20,000-page build) runs only with --huge, on its own. */
export type Part = (typeof PARTS)[number] | 'huge';

/** The sizes --huge builds: the reference size `runs` times, then the large one once. */
export const HUGE_SIZES = { base: 5000, huge: 20000 };

export interface BenchOptions {
  parts: Part[];
  /** Empty when lint is not measured. */
  lintSizes: number[];
  /** Empty when builds are not measured (--lint-only). */
  buildSizes: number[];
  /** Account counts for scoring. */
  accounts: number[];
  /** Sizes in bytes of each pathological file. */
  hostileSizes: number[];
  /** The largest size at which the parsers also run without the bound. */
  beforeMax: number;
  /** Names of the corners measured (all by default). */
  corners: string[];
  /** Lint runs per size; the first is cold. */
  runs: number;
  /** Builds per size, ours and Starlight alternately, each cold. */
  buildRuns: number;
  /** With --huge: the reference size (built `buildRuns` times) and the large one (built once). */
  huge?: { base: number; huge: number };
  seed: number;
  /** The first search query typed on a persona page. */
  query: string;
  starlight: boolean;
  search: boolean;
  chromium: string;
  /** The results file, absolute. */
  out: string;
  /** The scratch folder, absolute. */
  work: string;
}

/** The scratch folder: `--tmp`, else `PLAYBOOK_BENCH_DIR`, else `node_modules/.cache/playbook-bench`. */
export function workDir(
  root: string,
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return resolve(flag || env.PLAYBOOK_BENCH_DIR || join(root, 'node_modules', '.cache', 'playbook-bench'));
}

/** Reads the command line; `undefined` when it asks for help. Throws a UsageError on bad input. */
export function benchOptions(argv: string[], root: string, env = process.env): BenchOptions | undefined {
  const { values, positionals } = parse(
    {
      quick: { type: 'boolean' },
      pages: { type: 'string' },
      'lint-sizes': { type: 'string' },
      'build-sizes': { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string', default: '1' },
      query: { type: 'string', default: 'forecast' },
      'no-starlight': { type: 'boolean' },
      'no-search': { type: 'boolean' },
      'lint-only': { type: 'boolean' },
      only: { type: 'string' },
      huge: { type: 'boolean' },
      accounts: { type: 'string', default: '100000,1000000' },
      'hostile-sizes': { type: 'string', default: '10000,100000,1000000' },
      'before-max': { type: 'string', default: '100000' },
      corners: { type: 'string', multiple: true },
      chromium: { type: 'string', default: CHROMIUM },
      out: { type: 'string' },
      tmp: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    argv,
  );
  if (values.help) return undefined;
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const small = values.pages ? sizes(values.pages, '--pages') : values.quick ? [200] : undefined;
  const huge = values.huge ? hugeSizes(values, values['build-sizes']) : undefined;
  const parts = huge
    ? (['huge'] as Part[])
    : partsOf(values.only, values['lint-only'] === true, small !== undefined);
  const lintSizes = !parts.includes('lint')
    ? []
    : values['lint-sizes']
      ? sizes(values['lint-sizes'], '--lint-sizes')
      : (small ?? [1000, 10000]);
  const buildSizes = !parts.includes('build')
    ? []
    : values['build-sizes']
      ? sizes(values['build-sizes'], '--build-sizes')
      : (small ?? [1000, 5000]);
  const runs = values.runs === undefined ? 3 : wholeNumber(values.runs, '--runs', 1);
  return {
    parts,
    lintSizes,
    buildSizes,
    accounts: sizes(values.accounts, '--accounts'),
    hostileSizes: sizes(values['hostile-sizes'], '--hostile-sizes'),
    beforeMax: wholeNumber(values['before-max'], '--before-max', 0),
    corners: cornerNames(values.corners),
    runs,
    // Small corpora are for quick looks and tests: one build each unless --runs says otherwise.
    buildRuns: values.runs === undefined && small ? 1 : runs,
    huge,
    seed: wholeNumber(values.seed, '--seed'),
    query: values.query,
    starlight: !values['no-starlight'] && !small,
    search: !values['no-search'],
    chromium: values.chromium,
    out: resolve(values.out ?? join(root, 'bench', 'results.json')),
    work: workDir(root, values.tmp, env),
  };
}

/**
 * The two sizes of --huge: 5,000 and 20,000 pages, or the two of --build-sizes (smaller first), e.g.
 * 20,40 to try the command on tiny corpora. It runs alone: the flags that pick other parts are refused.
 */
function hugeSizes(flags: Record<string, unknown>, buildSizes: string | undefined) {
  const other = ['quick', 'pages', 'lint-only', 'only'].find((f) => flags[f] !== undefined);
  if (other) throw new UsageError(`--huge runs on its own; leave out --${other}.`);
  if (buildSizes === undefined) return { ...HUGE_SIZES };
  const [base, huge, ...rest] = sizes(buildSizes, '--build-sizes');
  if (huge === undefined || rest.length || huge <= base!) {
    throw new UsageError(
      `--huge with --build-sizes takes two sizes, the smaller first (e.g. 5000,20000); got "${buildSizes}".`,
    );
  }
  return { base: base!, huge };
}

/** The parts to measure: --only, else lint with --lint-only, else lint and build with --quick or --pages, else all. */
function partsOf(only: string | undefined, lintOnly: boolean, small: boolean): Part[] {
  if (only !== undefined) {
    if (lintOnly) throw new UsageError('Use --lint-only or --only, not both.');
    const named = only.split(',').map((p) => p.trim());
    const unknown = named.find((p) => !(PARTS as readonly string[]).includes(p));
    if (unknown !== undefined) {
      throw new UsageError(`--only takes some of ${PARTS.join(', ')}, comma-separated; got "${only}".`);
    }
    return PARTS.filter((p) => named.includes(p));
  }
  if (lintOnly) return ['lint'];
  return small ? ['lint', 'build'] : [...PARTS];
}

/** The corners whose name contains one of `texts` (any case); all when none is given. */
function cornerNames(texts: string[] | undefined): string[] {
  if (!texts?.length) return CORNERS.map((c) => c.name);
  const names: string[] = [];
  for (const text of texts) {
    const found = CORNERS.filter((c) => c.name.toLowerCase().includes(text.toLowerCase()));
    if (found.length === 0) {
      const known = CORNERS.map((c) => `"${c.name}"`).join(', ');
      throw new UsageError(`--corners "${text}" matches no corner. The corners are ${known}.`);
    }
    for (const c of found) if (!names.includes(c.name)) names.push(c.name);
  }
  return CORNERS.map((c) => c.name).filter((name) => names.includes(name));
}

function sizes(value: string, flag: string): number[] {
  const list = value.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 10)) {
    throw new UsageError(`${flag} takes whole numbers ≥ 10, e.g. 1000,5000; got "${value}".`);
  }
  return list;
}

function wholeNumber(value: string, flag: string, min?: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || (min !== undefined && n < min)) {
    const range = min === undefined ? '' : ` ≥ ${min}`;
    throw new UsageError(`${flag} must be a whole number${range}, got "${value}".`);
  }
  return n;
}
