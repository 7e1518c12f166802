/** The figures set against DESIGN §7's budgets. A budget is judged at the largest size measured. */
import { allowance } from '../src/core/parse/limits.ts';
import type { BuildFigure } from './build.ts';
import { kb, mib, sec } from './format.ts';
import type { ExampleFigure } from './hostile/example.ts';
import type { HugeFigures } from './huge.ts';
import type { LintFigure } from './lint.ts';
import { median } from './measure.ts';
import type { ScoreFigure, ScoringFigures } from './score.ts';
import type { SearchTransfer } from './search.ts';
import type { PageWeight } from './weight.ts';

export interface Budget {
  id: string;
  budget: string;
  at: string;
  value: string;
  holds: boolean;
}

export interface Ratio {
  pages: number;
  ours: number;
  starlight: number;
  ratio: number;
}

export interface Linearity {
  from: number;
  to: number;
  /** The median times compared (absent in results files written before they were kept). */
  fromMs?: number;
  toMs?: number;
  factor: number;
  ideal: number;
}

export const LIMITS = {
  /** Lint at the largest size, per file: median of the warm runs, and the cold run. */
  lintWarmMsPerFile: 1,
  lintColdMsPerFile: 2,
  /** Our build over Starlight's, medians, at 5,000 pages. */
  starlightRatio: 0.1,
  /** T(5,000) / T(1,000); for other sizes in proportion to their ratio (5.5 for 5 ×). */
  linearity: 5.5,
  peakRssBytes: 2 ** 30,
  /** T(20,000) / T(5,000); for other sizes in proportion to their ratio (4.4 for 4 ×). */
  hugeFactor: 4.4,
  hugePeakRssBytes: 2 * 2 ** 30,
  personaPageBytes: 30_000,
  jsBytes: 2_000,
  searchBytes: 150_000,
  /** Peak RSS of the CSV scorer at 1,000,000 accounts over that at 100,000. */
  scoreMemoryRatio: 1.5,
  /** Lint of the example playbook with hostile files added: 2 × clean + 5 s + allowances. */
  hostileCleanFactor: 2,
  hostileSlackMs: 5000,
};

/** Our build time over Starlight's (medians) at each size both were built. */
export function ratios(ours: BuildFigure[], starlight: BuildFigure[]): Ratio[] {
  return ours.flatMap((a) => {
    const b = starlight.find((s) => s.pages === a.pages);
    if (!b) return [];
    return [{ pages: a.pages, ours: a.wallMs, starlight: b.wallMs, ratio: round(a.wallMs / b.wallMs, 3) }];
  });
}

/**
 * How build time (median) grows from the smallest size to the largest; `ideal` is the ratio of the
 * sizes.
 */
export function linearity(ours: BuildFigure[]): Linearity | undefined {
  if (ours.length < 2) return undefined;
  const sizes = ours.map((b) => b.pages);
  const from = ours.find((b) => b.pages === Math.min(...sizes))!;
  const to = ours.find((b) => b.pages === Math.max(...sizes))!;
  if (from.pages === to.pages) return undefined;
  return {
    from: from.pages,
    to: to.pages,
    fromMs: from.wallMs,
    toMs: to.wallMs,
    factor: round(to.wallMs / from.wallMs, 2),
    ideal: to.pages / from.pages,
  };
}

/** The most `to` may take over `from`: `limit` for the budget's own sizes, in proportion otherwise. */
export function growthLimit(limit: number, budgetIdeal: number, ideal: number): number {
  return round((limit * ideal) / budgetIdeal, 3);
}

/** How the CSV scorer's peak memory grows from the fewest accounts measured to the most. */
export function memoryGrowth(runs: readonly ScoreFigure[]): ScoringFigures['memory'] {
  if (runs.length < 2) return undefined;
  const from = runs.reduce((a, b) => (b.accounts < a.accounts ? b : a));
  const to = runs.reduce((a, b) => (b.accounts > a.accounts ? b : a));
  return { from: from.accounts, to: to.accounts, ratio: round(to.peakRssBytes / from.peakRssBytes, 2) };
}

/**
 * The most a lint with hostile files may take (§12): 2 × the clean lint + 5 s + the allowance of
 * each file cut short (1 s + 1 s per 100 kB of its text), in ms.
 */
export function hostileLimit(cleanMs: number, cutBytes: readonly number[]) {
  const allowanceMs = Math.round(cutBytes.reduce((sum, bytes) => sum + allowance(bytes), 0));
  const limitMs = LIMITS.hostileCleanFactor * cleanMs + LIMITS.hostileSlackMs + allowanceMs;
  return { allowanceMs, limitMs };
}

/** Lint ms per file over the warm runs (all after the first): their median; undefined after one run. */
export function warmMsPerFile(l: LintFigure): number | undefined {
  const warm = l.runsMs.slice(1);
  return warm.length ? round(median(warm) / l.files, 3) : undefined;
}

export interface Figures {
  lint: LintFigure[];
  ours: BuildFigure[];
  ratios: Ratio[];
  linearity?: Linearity;
  persona?: PageWeight;
  glossary?: PageWeight;
  search?: SearchTransfer;
  scoring?: ScoringFigures;
  example?: ExampleFigure;
  huge?: HugeFigures;
}

export function budgets(f: Figures): Budget[] {
  const largest = largestBuild(f.ours);
  const list: Budget[] = [...lintBudgets(f.lint), ...buildBudgets(f)];
  if (f.persona && f.glossary) {
    const js = Math.max(f.persona.js, f.glossary.js);
    list.push(
      {
        id: 'persona-page-weight',
        budget: '≤ 30 kB HTML+CSS+JS before search',
        at: f.persona.page,
        value: kb(f.persona.total),
        holds: f.persona.total <= LIMITS.personaPageBytes,
      },
      {
        id: 'js-without-islands',
        budget: '≤ 2 kB JS on pages without the fit island',
        at: 'persona and glossary pages',
        value: kb(js),
        holds: js <= LIMITS.jsBytes,
      },
    );
  }
  if (f.search && largest) {
    list.push({
      id: 'search-first-query',
      budget: '≤ 150 kB gzip for the first query at 5,000 pages',
      at: `${largest.pages} pages, "${f.search.query}"`,
      value: kb(f.search.bytes),
      holds: f.search.bytes <= LIMITS.searchBytes,
    });
  }
  list.push(...scoringBudgets(f.scoring), ...hostileBudgets(f.example), ...hugeBudgets(f.huge));
  return list;
}

/** Which runs the cold figure is: the median of several, or one. */
export const coldRuns = (l: LintFigure) =>
  (l.coldRunsMs?.length ?? 1) > 1 ? `median of ${l.coldRunsMs!.length} cold runs` : 'run 1';

/** Lint at the largest size: warm (median of the runs after the cold one) and cold (median of the cold runs). */
function lintBudgets(lint: LintFigure[]): Budget[] {
  const l = lint.reduce<LintFigure | undefined>((a, b) => (!a || b.files > a.files ? b : a), undefined);
  if (!l) return [];
  const list: Budget[] = [];
  const warm = warmMsPerFile(l);
  if (warm !== undefined) {
    const runs = l.runsMs.length;
    list.push({
      id: 'lint-warm',
      budget: '≤ 1 ms per file at 10,000 files, warm parse cache (median of the runs after the first)',
      at: `${l.files} files, ${runs === 2 ? 'run 2' : `runs 2–${runs}`}`,
      value: `${warm} ms`,
      holds: median(l.runsMs.slice(1)) / l.files <= LIMITS.lintWarmMsPerFile,
    });
  }
  list.push({
    id: 'lint-cold',
    budget: '≤ 2 ms per file at 10,000 files, cold (empty parse cache; median of the cold runs)',
    at: `${l.files} files, ${coldRuns(l)}`,
    value: `${l.coldMsPerFile} ms`,
    holds: l.coldMs / l.files <= LIMITS.lintColdMsPerFile,
  });
  return list;
}

/** Our builds: against Starlight and their own growth (median times), and peak memory (highest run). */
function buildBudgets(f: Figures): Budget[] {
  const list: Budget[] = [];
  const ratio = f.ratios.reduce<Ratio | undefined>((a, b) => (!a || b.pages > a.pages ? b : a), undefined);
  if (ratio) {
    list.push({
      id: 'build-vs-starlight',
      budget: '≤ 0.10 × Starlight at 5,000 pages (median times)',
      at: `${ratio.pages} pages`,
      value: `${ratio.ratio} × (${sec(ratio.ours)} / ${sec(ratio.starlight)})`,
      holds: ratio.ours / ratio.starlight <= LIMITS.starlightRatio,
    });
  }
  if (f.linearity) {
    const { from, to, fromMs, toMs, factor, ideal } = f.linearity;
    const limit = growthLimit(LIMITS.linearity, 5, ideal);
    list.push({
      id: 'build-linearity',
      budget: `T(5,000) ≤ 5.5 × T(1,000) (median times; other sizes in proportion: ≤ ${limit} × here)`,
      at: `${to} / ${from} pages`,
      value: `${factor} ×`,
      // Earlier results files kept only the rounded factor.
      holds: (fromMs && toMs ? toMs / fromMs : factor) <= limit,
    });
  }
  const largest = largestBuild(f.ours);
  if (largest) {
    list.push({
      id: 'build-peak-rss',
      budget: '≤ 1 GiB at 5,000 pages, whole process tree (highest of the runs)',
      at: `${largest.pages} pages`,
      value: mib(largest.peakRssBytes),
      holds: largest.peakRssBytes <= LIMITS.peakRssBytes,
    });
  }
  return list;
}

/** --huge: the large build's time over the reference size's median, and its peak memory. */
function hugeBudgets(huge: HugeFigures | undefined): Budget[] {
  if (!huge) return [];
  const { base, large, factor, ideal } = huge;
  const limit = growthLimit(LIMITS.hugeFactor, 4, ideal);
  return [
    {
      id: 'huge-time',
      budget: `T(20,000) ≤ 4.4 × T(5,000) (median of the 5,000-page runs; other sizes in proportion: ≤ ${limit} × here)`,
      at: `${large.pages} / ${base.pages} pages`,
      value: `${factor} × (${sec(large.wallMs)} / ${sec(base.wallMs)})`,
      holds: large.wallMs / base.wallMs <= limit,
    },
    {
      id: 'huge-peak-rss',
      budget: '≤ 2 GiB at 20,000 pages, whole process tree',
      at: `${large.pages} pages`,
      value: mib(large.peakRssBytes),
      holds: large.peakRssBytes <= LIMITS.hugePeakRssBytes,
    },
  ];
}

function scoringBudgets(scoring: ScoringFigures | undefined): Budget[] {
  if (!scoring?.memory) return [];
  const { from, to, ratio } = scoring.memory;
  return [
    {
      id: 'score-memory-flat',
      budget: 'CSV scorer peak RSS at 1,000,000 accounts ≤ 1.5 × at 100,000',
      at: `${to} / ${from} accounts`,
      value: `${ratio} ×`,
      holds: ratio <= LIMITS.scoreMemoryRatio,
    },
  ];
}

function hostileBudgets(example: ExampleFigure | undefined): Budget[] {
  if (!example) return [];
  return [
    {
      id: 'hostile-example',
      budget: 'lint with a hostile file of each corner ≤ 2 × clean + 5 s + allowances, others unchanged',
      at: `example playbook + ${example.files} files of ${example.target} B`,
      value: `${sec(example.hostileMs)} (limit ${sec(example.limitMs)})`,
      holds: example.holds && example.othersUnchanged,
    },
  ];
}

export const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** The build of the most pages (the first of them, if a size was built twice). */
export function largestBuild(builds: BuildFigure[]): BuildFigure | undefined {
  return builds.reduce<BuildFigure | undefined>((a, b) => (!a || b.pages > a.pages ? b : a), undefined);
}
