/**
 * Our build (lint + Astro + Pagefind), one cold run at a time: a fresh output folder and an empty
 * parse cache each time. Several runs of one size make one figure: the median time, the highest
 * peak memory.
 */
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Bench, NODE, script } from './context.ts';
import { CORPUS_TODAY } from './corpus/generate.ts';
import { mib, programs, sec } from './format.ts';
import { median, run } from './measure.ts';
import { loadAverage } from './report.ts';
import type { PageWeight } from './weight.ts';

/** One build, as measured. */
export interface BuildRun {
  wallMs: number;
  /** The load average (1, 5 and 15 minutes) when the run started. */
  loadAverage: number[];
  /** Highest sum of RSS over the whole process tree, and its split by program at that sample. */
  peakRssBytes: number;
  peakByProgram: Record<string, number>;
  /** Our build's own stage timings (load, parse, lint, model, astro, search, admin…). */
  phasesMs?: Record<string, number>;
}

export interface BuildFigure {
  pages: number;
  htmlFiles: number;
  /** Median wall time of the runs. */
  wallMs: number;
  /** Every run's wall time, in the order run (absent in results files written before builds were repeated). */
  runsMs?: number[];
  /** Highest peak RSS of the runs, and the split by program of that run. */
  peakRssBytes: number;
  peakByProgram: Record<string, number>;
  /** Median of each stage over the runs (ours only). */
  phasesMs?: Record<string, number>;
  runs?: BuildRun[];
  personaPage?: PageWeight;
}

/** The figure of several runs of one size: median wall time and phases, highest peak memory. */
export function combineRuns(pages: number, htmlFiles: number, runs: BuildRun[]): BuildFigure {
  if (runs.length === 0) throw new Error(`no build runs to combine for ${pages} pages`);
  const highest = runs.reduce((a, b) => (b.peakRssBytes > a.peakRssBytes ? b : a));
  const figure: BuildFigure = {
    pages,
    htmlFiles,
    wallMs: Math.round(median(runs.map((r) => r.wallMs))),
    runsMs: runs.map((r) => r.wallMs),
    peakRssBytes: highest.peakRssBytes,
    peakByProgram: highest.peakByProgram,
    runs,
  };
  const phases = [...new Set(runs.flatMap((r) => Object.keys(r.phasesMs ?? {})))];
  if (phases.length) {
    figure.phasesMs = Object.fromEntries(
      phases.map((name) => {
        const times = runs.flatMap((r) => (r.phasesMs?.[name] === undefined ? [] : [r.phasesMs[name]]));
        return [name, Math.round(median(times))];
      }),
    );
  }
  return figure;
}

/** "run 2/3" */
export const runLabel = (i: number, runs: number) => `run ${i + 1}/${runs}`;

/** The line printed after each run: "build 5000 pages, run 2/3: ours 41.2 s, peak 980 MiB (…)". */
export function runLine(pages: number, label: string, who: string, r: BuildRun): string {
  const memory = `peak ${mib(r.peakRssBytes)} (${programs(r.peakByProgram)})`;
  return `build ${pages} pages, ${label}: ${who} ${sec(r.wallMs)}, ${memory}`;
}

/**
 * Builds the corpus once with `scripts/build.ts` into a fresh folder with an empty parse cache,
 * printing the build's stage lines; returns the run and the output folder. The admin cache (Decap's
 * bundle and the editor schemas' field docs) comes from `adminCache` when given: it is a fixed
 * download per machine, which CI caches, not a cost per page, so no run pays for it.
 */
export async function buildOurs(
  b: Bench,
  pages: number,
  corpus: string,
  options: { label: string; adminCache?: string },
) {
  const dist = join(b.work, `out-ours-${pages}`);
  const cache = join(b.work, `cache-build-${pages}`);
  rmSync(dist, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  const admin = join(cache, 'admin');
  if (options.adminCache && existsSync(options.adminCache)) {
    cpSync(options.adminCache, admin, { recursive: true });
  }
  b.say(`build ${pages} pages, ${options.label}: ours…`);
  const phasesMs: Record<string, number> = {};
  const args = [script(b, 'build'), '--content', corpus, '--out', dist, '--today', CORPUS_TODAY];
  const load = loadAverage();
  const r = await run(NODE, args, {
    cwd: b.root,
    env: { ...b.env, PLAYBOOK_CACHE_DIR: cache },
    onLine: (line) => {
      const m = /^\s+(\w+)\s+([\d.]+) s\b/.exec(line);
      if (m) {
        phasesMs[m[1]!] = Math.round(Number(m[2]) * 1000);
        b.say(`  ${line.trim()}`);
      }
    },
  });
  if (r.code !== 0) {
    throw new Error(
      `our build of ${pages} pages (${options.label}) failed (exit ${r.code}); the command was\n` +
        `  ${NODE} ${args.join(' ')}\nwith PLAYBOOK_CACHE_DIR=${cache}. Its last output:\n${r.stderr.slice(-4000)}`,
    );
  }
  // Whatever the build fetched itself (when the bench could not fetch it first) serves the next runs.
  if (options.adminCache && existsSync(admin)) cpSync(admin, options.adminCache, { recursive: true });
  const measured: BuildRun = {
    wallMs: Math.round(r.ms),
    loadAverage: load,
    peakRssBytes: r.peakRssBytes,
    peakByProgram: r.peakByProgram,
    phasesMs,
  };
  b.say(runLine(pages, options.label, 'ours', measured));
  return { run: measured, dist, htmlFiles: countHtml(dist) };
}

/**
 * Fills `<work>/cache-admin` with what the build's admin stage reads from its cache: Decap's bundle
 * (fetched with `npm pack`, 3–4 s on the network) and the field docs of the editor schemas. Every
 * build starts from a copy of it, so the parse cache stays cold while this fixed per-machine
 * download, which CI keeps in its cache, is paid before timing starts rather than by the first run.
 * Both are keyed by version and content, so a copy from an earlier run is reused as it is.
 */
export async function prepareAdminCache(b: Bench): Promise<string> {
  const dir = join(b.work, 'cache-admin');
  const t = performance.now();
  try {
    const { decapBundle, schemaDocs } = await import('../src/loader/admin.ts');
    await schemaDocs(dir);
    const decap = decapBundle(dir, process.env);
    const took = sec(performance.now() - t);
    if ('error' in decap) b.say(`admin cache: ${decap.error}; each build tries again itself (${took})`);
    else b.say(`admin cache: Decap's bundle and the field docs ready in ${took}, copied into every build`);
  } catch (error) {
    // The first build then fetches them itself, and the later ones get its copy.
    const why = error instanceof Error ? error.message : String(error);
    b.say(`admin cache: could not be filled before the builds (${why}); the first build fetches it`);
  }
  return dir;
}

export function countHtml(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) n++;
  }
  return n;
}
