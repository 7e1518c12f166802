/** The benchmark's command line: sizes, runs, what to skip, and where its files go. */
import { join, resolve } from 'node:path';
import { parse, UsageError } from '../src/loader/cli.ts';

export const USAGE = `Usage: npm run bench -- [--quick | --pages N | --lint-only] [--lint-sizes 1000,10000]
         [--build-sizes 1000,5000] [--runs 3] [--seed 1] [--query forecast] [--no-starlight]
         [--no-search] [--chromium PATH] [--out FILE] [--tmp DIR]

Generates playbooks, then measures lint (ms per file), build time and peak memory (ours and a stock
Starlight site with the same pages), page weight and the bytes of a first search query.
  --quick      200 files, no Starlight, no 10,000-file lint (under two minutes)
  --pages N    one size for everything, no Starlight (for tests)
  --lint-only  lint figures only
Results go to bench/results.json (or --out). Corpora, builds, caches and the Starlight install go to
node_modules/.cache/playbook-bench/ (or PLAYBOOK_BENCH_DIR, or --tmp), out of sight of
\`npm run dev\` and the type checker.`;

export interface BenchOptions {
  lintSizes: number[];
  /** Empty with --lint-only. */
  buildSizes: number[];
  runs: number;
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
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      query: { type: 'string', default: 'forecast' },
      'no-starlight': { type: 'boolean' },
      'no-search': { type: 'boolean' },
      'lint-only': { type: 'boolean' },
      chromium: { type: 'string', default: '/usr/bin/chromium' },
      out: { type: 'string' },
      tmp: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    argv,
  );
  if (values.help) return undefined;
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const small = values.pages ? sizes(values.pages, '--pages') : values.quick ? [200] : undefined;
  const lintSizes = values['lint-sizes']
    ? sizes(values['lint-sizes'], '--lint-sizes')
    : (small ?? [1000, 10000]);
  const buildSizes = values['lint-only']
    ? []
    : values['build-sizes']
      ? sizes(values['build-sizes'], '--build-sizes')
      : (small ?? [1000, 5000]);
  return {
    lintSizes,
    buildSizes,
    runs: wholeNumber(values.runs, '--runs', 1),
    seed: wholeNumber(values.seed, '--seed'),
    query: values.query,
    starlight: !values['no-starlight'] && !small,
    search: !values['no-search'],
    chromium: values.chromium,
    out: resolve(values.out ?? join(root, 'bench', 'results.json')),
    work: workDir(root, values.tmp, env),
  };
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
