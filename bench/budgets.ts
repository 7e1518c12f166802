/** The figures set against DESIGN §7's budgets. A budget is judged at the largest size measured. */
import { allowance } from '../src/core/parse/limits.ts';
import type { BuildFigure } from './build.ts';
import { kb, mib, sec } from './format.ts';
import type { ExampleFigure } from './hostile/example.ts';
import type { LintFigure } from './lint.ts';
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
  factor: number;
  ideal: number;
}

export const LIMITS = {
  lintMsPerFile: 1,
  starlightRatio: 0.25,
  linearity: 5.5,
  peakRssBytes: 2 ** 30,
  personaPageBytes: 30_000,
  jsBytes: 2_000,
  searchBytes: 150_000,
  /** Peak RSS of the CSV scorer at 1,000,000 accounts over that at 100,000. */
  scoreMemoryRatio: 1.5,
  /** Lint of the example playbook with hostile files added: 2 × clean + 5 s + allowances. */
  hostileCleanFactor: 2,
  hostileSlackMs: 5000,
};

/** Our build time over Starlight's at each size both were built. */
export function ratios(ours: BuildFigure[], starlight: BuildFigure[]): Ratio[] {
  return ours.flatMap((a) => {
    const b = starlight.find((s) => s.pages === a.pages);
    if (!b) return [];
    return [{ pages: a.pages, ours: a.wallMs, starlight: b.wallMs, ratio: round(a.wallMs / b.wallMs, 3) }];
  });
}

/** How build time grows from the smallest size to the largest; `ideal` is the ratio of the sizes. */
export function linearity(ours: BuildFigure[]): Linearity | undefined {
  if (ours.length < 2) return undefined;
  const sizes = ours.map((b) => b.pages);
  const from = ours.find((b) => b.pages === Math.min(...sizes))!;
  const to = ours.find((b) => b.pages === Math.max(...sizes))!;
  const factor = round(to.wallMs / from.wallMs, 2);
  return { from: from.pages, to: to.pages, factor, ideal: to.pages / from.pages };
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
}

export function budgets(f: Figures): Budget[] {
  const list: Budget[] = [];
  const lint = f.lint.reduce<LintFigure | undefined>((a, b) => (!a || b.files > a.files ? b : a), undefined);
  if (lint) {
    list.push({
      id: 'lint',
      budget: '≤ 1 ms per file at 10,000 files',
      at: `${lint.files} files`,
      value: `${lint.msPerFile} ms`,
      holds: lint.msPerFile <= LIMITS.lintMsPerFile,
    });
  }
  const ratio = f.ratios.at(-1);
  if (ratio) {
    list.push({
      id: 'build-vs-starlight',
      budget: '≤ 0.25 × Starlight at 5,000 pages',
      at: `${ratio.pages} pages`,
      value: `${ratio.ratio} ×`,
      holds: ratio.ratio <= LIMITS.starlightRatio,
    });
  }
  if (f.linearity) {
    const { from, to, factor, ideal } = f.linearity;
    list.push({
      id: 'build-linearity',
      budget: 'T(5,000) ≤ 5.5 × T(1,000)',
      at: `${to} / ${from} pages`,
      value: `${factor} ×`,
      // 5.5 for five times the pages, in proportion for other sizes.
      holds: factor <= LIMITS.linearity * (ideal / 5),
    });
  }
  const largest = largestBuild(f.ours);
  if (largest) {
    list.push({
      id: 'build-peak-rss',
      budget: '≤ 1 GiB at 5,000 pages',
      at: `${largest.pages} pages`,
      value: mib(largest.peakRssBytes),
      holds: largest.peakRssBytes <= LIMITS.peakRssBytes,
    });
  }
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
  list.push(...scoringBudgets(f.scoring), ...hostileBudgets(f.example));
  return list;
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

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** The build of the most pages (the first of them, if a size was built twice). */
export function largestBuild(builds: BuildFigure[]): BuildFigure | undefined {
  return builds.reduce<BuildFigure | undefined>((a, b) => (!a || b.pages > a.pages ? b : a), undefined);
}
