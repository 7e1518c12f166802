/**
 * `npm run bench -- --huge`: our build at 5,000 pages `runs` times, then at 20,000 pages once, every
 * run cold; how the time grows (T(20,000) over the median T(5,000)), the peak memory of the whole
 * process tree by program, and the split by stage. No Starlight, lint, search or page weight.
 */
import { round } from './budgets.ts';
import { type BuildFigure, type BuildRun, buildOurs, combineRuns, runLabel } from './build.ts';
import type { Bench } from './context.ts';
import { mib, phases, programs, sec } from './format.ts';
import { loadAverage } from './report.ts';

export interface HugeFigures {
  date: string;
  loadAverage: { start: number[]; end: number[] };
  seed: number;
  /** The reference size, built `runs` times: the median time, the highest peak. */
  base: BuildFigure;
  /** The large size, built once. */
  large: BuildFigure;
  /** T(large) / median T(base). */
  factor: number;
  /** The ratio of the sizes (4 for 20,000 / 5,000). */
  ideal: number;
}

export async function measureHuge(
  b: Bench,
  sizes: { base: number; huge: number },
  options: { runs: number; corpora: Map<number, string>; adminCache?: string },
): Promise<HugeFigures> {
  const date = new Date().toISOString();
  const start = loadAverage();
  const { adminCache } = options;
  const series = async (pages: number, runs: number) => {
    const done: BuildRun[] = [];
    let htmlFiles = 0;
    for (let i = 0; i < runs; i++) {
      const label = runLabel(i, runs);
      const built = await buildOurs(b, pages, options.corpora.get(pages)!, { label, adminCache });
      done.push(built.run);
      htmlFiles = built.htmlFiles;
    }
    return combineRuns(pages, htmlFiles, done);
  };
  const base = await series(sizes.base, options.runs);
  const large = await series(sizes.huge, 1);
  const figures: HugeFigures = {
    date,
    loadAverage: { start, end: loadAverage() },
    seed: b.seed,
    base,
    large,
    factor: round(large.wallMs / base.wallMs, 2),
    ideal: sizes.huge / sizes.base,
  };
  for (const line of hugeLines(figures)) b.say(line);
  return figures;
}

/** What --huge found, a few lines: each size's time and memory, their stages, the growth. */
export function hugeLines(h: HugeFigures): string[] {
  const { base, large } = h;
  const runs = base.runsMs && base.runsMs.length > 1 ? ` (median of ${base.runsMs.map(sec).join(', ')})` : '';
  const memory = (f: BuildFigure) => `peak RSS ${mib(f.peakRssBytes)} (${programs(f.peakByProgram)})`;
  const lines = [
    `huge: ${base.pages} pages ${sec(base.wallMs)}${runs}, ${memory(base)}`,
    `huge: ${large.pages} pages ${sec(large.wallMs)}, ${memory(large)}`,
  ];
  if (base.phasesMs) lines.push(`huge: stages at ${base.pages} pages (medians): ${phases(base.phasesMs)}`);
  if (large.phasesMs) lines.push(`huge: stages at ${large.pages} pages: ${phases(large.phasesMs)}`);
  lines.push(`huge: T(${large.pages}) / T(${base.pages}) = ${h.factor} × for ${h.ideal} × the pages`);
  return lines;
}
