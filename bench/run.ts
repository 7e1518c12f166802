/**
 * `npm run bench`: measures lint, build, page weight and search against the budgets in DESIGN §7,
 * on generated playbooks (corpus/generate.ts), and compares the build with a stock Starlight site;
 * then scoring at scale (score.ts) and lint under hostile input (hostile/). Each measurement has its
 * own module; this one runs them in order, prints progress and a table, and writes the figures to
 * bench/results.json. `--huge` (huge.ts) runs alone: 5,000 pages against 20,000.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { EXIT_OK } from '../src/loader/cli.ts';
import { largestBuild, linearity, ratios } from './budgets.ts';
import { type BuildFigure, prepareAdminCache } from './build.ts';
import { buildSizes } from './builds.ts';
import { type Bench, CHILD_ENV } from './context.ts';
import { CORPUS_TODAY, corpusCounts } from './corpus/generate.ts';
import { writeCorpus } from './corpus/write.ts';
import { kb, mib, sec } from './format.ts';
import { type HostileFigures, measureHostile } from './hostile/measure.ts';
import { cornerTable } from './hostile/table.ts';
import { type HugeFigures, measureHuge } from './huge.ts';
import { type LintFigure, measureLint } from './lint.ts';
import { type BenchOptions, benchOptions, USAGE } from './options.ts';
import {
  judgeBudgets,
  loadAverage,
  type Machine,
  machine,
  mergeResults,
  type Results,
  summaryTable,
} from './report.ts';
import { measureScoring, type ScoringFigures } from './score.ts';
import { measureSearch, type SearchTransfer } from './search.ts';
import type { StarlightVersions } from './starlight.ts';
import { budgetPages, type PageWeight } from './weight.ts';

export { USAGE };

const ROOT = resolve(import.meta.dirname, '..');

/** Runs the benchmark `argv` asks for, printing each line with `say`; returns the exit code. */
export async function runBench(argv: string[], say: (line: string) => void): Promise<number> {
  const options = benchOptions(argv, ROOT);
  if (!options) {
    say(USAGE);
    return EXIT_OK;
  }
  const started = new Date();
  const host = machine();
  const load = host.loadAverageAtStart.join(' ');
  say(`Benchmark on ${host.cores} cores, ${mib(host.memoryBytes)}, Node ${host.node}; load average ${load}`);
  mkdirSync(options.work, { recursive: true });
  const { work, seed, runs } = options;
  const b: Bench = { root: ROOT, work, seed, runs, env: CHILD_ENV, say };

  const hugeSizes = options.huge ? [options.huge.base, options.huge.huge] : [];
  const corpora = writeCorpora(b, [...options.lintSizes, ...options.buildSizes, ...hugeSizes]);
  const lint: LintFigure[] = [];
  for (const n of options.lintSizes) lint.push(await measureLint(b, n, corpora.get(n)!));
  const building = options.buildSizes.length > 0 || options.huge !== undefined;
  const adminCache = building ? await prepareAdminCache(b) : undefined;
  const { ours, dists, starlight } = await buildSizes(b, options.buildSizes, corpora, {
    runs: options.buildRuns,
    starlight: options.starlight,
    adminCache,
  });
  const largest = largestBuild(ours);
  const site = largest ? await measureSite(b, options, dists.get(largest.pages)!, largest.pages) : {};
  const huge = options.huge
    ? await measureHuge(b, options.huge, { runs: options.buildRuns, corpora, adminCache })
    : undefined;
  const scoring = options.parts.includes('score') ? await measureScoring(b, options.accounts) : undefined;
  const hostile = options.parts.includes('hostile')
    ? await measureHostile(b, {
        sizes: options.hostileSizes,
        beforeMax: options.beforeMax,
        corners: options.corners,
      })
    : undefined;

  const measured = collect({ options, started, host, lint, ours, site, starlight, scoring, hostile, huge });
  const results = mergeResults(previousResults(options.out), measured, options.parts);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  for (const line of ['', ...summaryTable(results), '']) say(line);
  if (hostile) for (const line of [...cornerTable(hostile), '']) say(line);
  const out = relative(process.cwd(), options.out) || options.out;
  say(`Results written to ${out} in ${sec(measured.durationMs)}.`);
  return EXIT_OK;
}

/** Writes each corpus once, fresh, so that it always matches the generator; returns their folders. */
function writeCorpora(b: Bench, sizes: number[]): Map<number, string> {
  const dirs = new Map<number, string>();
  for (const n of [...new Set(sizes)].sort((x, y) => x - y)) {
    const t = performance.now();
    dirs.set(n, writeCorpus(b.work, n, b.seed));
    const c = corpusCounts(n);
    const what = `${c.icps} ICPs, ${c.personas} personas, ${c.terms} terms`;
    b.say(`corpus ${n} files (${what}) written in ${sec(performance.now() - t)}`);
  }
  return dirs;
}

interface SiteFigures {
  persona?: PageWeight;
  glossary?: PageWeight;
  search?: SearchTransfer;
  searchPasted?: SearchTransfer;
}

/** Page weight and the first search query, on the last output of the largest build. */
async function measureSite(
  b: Bench,
  options: BenchOptions,
  dist: string,
  pages: number,
): Promise<SiteFigures> {
  const { persona, glossary } = budgetPages(dist);
  const weights = `HTML ${kb(persona.html)}, CSS ${kb(persona.css)}, JS ${kb(persona.js)}`;
  b.say(
    `page weight: persona ${persona.page} ${kb(persona.total)} (${weights}); glossary JS ${kb(glossary.js)}`,
  );
  const { query, chromium } = options;
  const measured = options.search
    ? await measureSearch(b, dist, persona.page, { pages, query, chromium })
    : {};
  const { typed: search, pasted: searchPasted } = measured;
  return { persona, glossary, search, searchPasted };
}

/** The results file of an earlier run, to keep the figures of the parts this run leaves out. */
function previousResults(file: string): Results | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Results;
  } catch {
    return undefined;
  }
}

interface Measured {
  options: BenchOptions;
  started: Date;
  host: Machine;
  lint: LintFigure[];
  ours: BuildFigure[];
  site: SiteFigures;
  starlight?: { versions: StarlightVersions; builds: BuildFigure[] };
  scoring?: ScoringFigures;
  hostile?: HostileFigures;
  huge?: HugeFigures;
}

/** Everything measured, with the budgets judged, as bench/results.json holds it. */
function collect(m: Measured): Results {
  const { options, started, host, lint, ours, site, starlight } = m;
  const { persona, glossary, search, searchPasted } = site;
  const buildRatios = ratios(ours, starlight?.builds ?? []);
  const growth = linearity(ours);
  const hugeSizes = options.huge ? [options.huge.base, options.huge.huge] : [];
  const sizes = [...options.buildSizes, ...options.lintSizes, ...hugeSizes];
  const results: Omit<Results, 'budgets'> = {
    version: 1,
    date: started.toISOString(),
    durationMs: Math.round(Date.now() - started.getTime()),
    machine: { ...host, loadAverageAtEnd: loadAverage() },
    options: {
      parts: options.parts,
      lintSizes: options.lintSizes,
      buildSizes: options.buildSizes,
      runs: options.runs,
      buildRuns: options.buildRuns,
      seed: options.seed,
      today: CORPUS_TODAY,
      query: options.query,
      starlight: options.starlight,
      accounts: options.parts.includes('score') ? options.accounts : undefined,
      hostileSizes: options.parts.includes('hostile') ? options.hostileSizes : undefined,
    },
    corpus: Object.fromEntries(sizes.map((n) => [n, corpusCounts(n)])),
    lint,
    build: {
      ours,
      starlight: starlight?.builds ?? [],
      starlightVersions: starlight?.versions,
      ratios: buildRatios,
      linearity: growth,
    },
    pageWeight: { persona, glossary },
    search,
    searchPasted,
    scoring: m.scoring,
    hostile: m.hostile,
    huge: m.huge,
  };
  return { ...results, budgets: judgeBudgets(results) };
}
