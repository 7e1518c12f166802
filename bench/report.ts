/** The results file's shape, the machine it describes, and the table printed at the end of a run. */
import { cpus, loadavg, totalmem } from 'node:os';
import {
  type Budget,
  budgets,
  coldRuns,
  growthLimit,
  LIMITS,
  type Linearity,
  type Ratio,
  warmMsPerFile,
} from './budgets.ts';
import type { BuildFigure } from './build.ts';
import type { CorpusCounts } from './corpus/generate.ts';
import { kb, mib, phases, programs, row, sec, size } from './format.ts';
import type { HostileFigures } from './hostile/measure.ts';
import type { HugeFigures } from './huge.ts';
import type { LintFigure } from './lint.ts';
import { median } from './measure.ts';
import type { Part } from './options.ts';
import type { ScoringFigures } from './score.ts';
import type { SearchTransfer } from './search.ts';
import type { StarlightVersions } from './starlight.ts';
import type { PageWeight } from './weight.ts';

/** bench/results.json. */
export interface Results {
  version: 1;
  date: string;
  durationMs: number;
  machine: Machine & { loadAverageAtEnd: number[] };
  options: {
    /** The parts the last run measured; the others come from an earlier run (see mergeResults). */
    parts?: Part[];
    lintSizes: number[];
    buildSizes: number[];
    /** Lint runs per size. */
    runs: number;
    /** Build runs per size (absent in results files written before builds were repeated: one). */
    buildRuns?: number;
    seed: number;
    today: string;
    query: string;
    starlight: boolean;
    accounts?: number[];
    hostileSizes?: number[];
  };
  corpus: Record<number, CorpusCounts>;
  lint: LintFigure[];
  build: {
    ours: BuildFigure[];
    starlight: BuildFigure[];
    starlightVersions?: StarlightVersions;
    ratios: Ratio[];
    linearity?: Linearity;
  };
  pageWeight: { persona?: PageWeight; glossary?: PageWeight };
  search?: SearchTransfer;
  searchPasted?: SearchTransfer;
  scoring?: ScoringFigures;
  hostile?: HostileFigures;
  /** `--huge`: 5,000 pages against 20,000. */
  huge?: HugeFigures;
  budgets: Budget[];
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryBytes: number;
  node: string;
  platform: string;
  loadAverageAtStart: number[];
}

export const loadAverage = () => loadavg().map((n) => Number(n.toFixed(2)));

export function machine(): Machine {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadAverage(),
  };
}

/**
 * The figures as a Markdown table. A budget is judged at the largest size measured; the rows of
 * other sizes show "–" in the last column.
 */
export function summaryTable(r: Results): string[] {
  const { ours, starlight, starlightVersions, ratios, linearity } = r.build;
  const { persona, glossary } = r.pageWeight;
  const verdict = (id: string) => {
    const budget = r.budgets.find((b) => b.id === id);
    return budget ? yes(budget.holds) : '–';
  };
  const lintLargest = Math.max(...r.lint.map((l) => l.files));
  const largest = Math.max(...ours.map((b) => b.pages));
  const rows = [row('figure', 'value', 'budget', 'holds'), '|---|---|---|---|'];
  for (const l of r.lint) {
    const at = (id: string) => (l.files === lintLargest ? verdict(id) : '–');
    const warm = warmMsPerFile(l);
    if (warm !== undefined) {
      const n = l.runsMs.length;
      const which = n === 2 ? 'run 2' : `median of runs 2–${n}`;
      const value = `${warm} ms per file (${sec(median(l.runsMs.slice(1)))})`;
      rows.push(
        row(`lint, ${l.files} files, warm cache (${which})`, value, '≤ 1 ms at 10,000', at('lint-warm')),
      );
    }
    const each = (l.coldRunsMs?.length ?? 1) > 1 ? `; ${l.coldRunsMs!.map(sec).join(', ')}` : '';
    const cold = `${l.coldMsPerFile} ms per file (${sec(l.coldMs)}${each})`;
    rows.push(
      row(`lint, ${l.files} files, cold cache (${coldRuns(l)})`, cold, '≤ 2 ms at 10,000', at('lint-cold')),
    );
  }
  for (const b of ours) {
    const holds = b.pages === largest ? verdict('build-peak-rss') : '–';
    rows.push(row(`build (ours), ${b.pages} pages${ofRuns(b)}`, buildValue(b), '≤ 1 GiB at 5,000', holds));
    if (b.phasesMs) rows.push(row(`build stages (ours), ${b.pages} pages`, phases(b.phasesMs), '', ''));
  }
  for (const b of starlight) {
    const name = `build (Starlight ${starlightVersions?.starlight}), ${b.pages} pages${ofRuns(b)}`;
    rows.push(row(name, buildValue(b), '', ''));
  }
  const ratioLargest = Math.max(...ratios.map((q) => q.pages));
  for (const q of ratios) {
    const holds = q.pages === ratioLargest ? verdict('build-vs-starlight') : '–';
    rows.push(row(`ours / Starlight, ${q.pages} pages`, `${q.ratio} ×`, '≤ 0.10 × at 5,000', holds));
  }
  if (linearity) {
    const { from, to, factor, ideal } = linearity;
    const limit = growthLimit(LIMITS.linearity, 5, ideal);
    rows.push(row(`T(${to}) / T(${from})`, `${factor} ×`, `≤ ${limit} ×`, verdict('build-linearity')));
  }
  if (persona && glossary) {
    const parts = `HTML ${kb(persona.html)}, CSS ${kb(persona.css)}, JS ${kb(persona.js)}`;
    const total = `${kb(persona.total)} (${parts})`;
    rows.push(row('persona page before search', total, '≤ 30 kB', verdict('persona-page-weight')));
    const js = `persona ${kb(persona.js)}, glossary ${kb(glossary.js)}`;
    rows.push(row('JS on pages without islands', js, '≤ 2 kB', verdict('js-without-islands')));
  }
  if (r.search) {
    const kinds = Object.entries(r.search.byKind).map(([k, v]) => `${k} ${kb(v)}`);
    const value = `${kb(r.search.bytes)} gzip (${kinds.join(', ')})`;
    const what = `first search query typed, ${largest} pages`;
    rows.push(row(what, value, '≤ 150 kB', verdict('search-first-query')));
  }
  if (r.searchPasted) {
    const value = `${kb(r.searchPasted.bytes)} gzip`;
    rows.push(row(`first search query pasted at once, ${largest} pages`, value, '(for comparison)', ''));
  }
  if (r.scoring) rows.push(...scoringRows(r.scoring));
  if (r.hostile) rows.push(...hostileRows(r.hostile));
  if (r.huge) rows.push(...hugeRows(r.huge, verdict));
  return rows;
}

/** " (median of 3)" for a figure of several runs. */
const ofRuns = (b: BuildFigure) => (b.runsMs && b.runsMs.length > 1 ? ` (median of ${b.runsMs.length})` : '');

/** "41.2 s (40.1, 41.2, 43.0 s), peak RSS 980 MiB (pagefind_extend 900 MiB, node 80 MiB)" */
function buildValue(b: BuildFigure): string {
  const each = b.runsMs && b.runsMs.length > 1 ? ` (${b.runsMs.map(sec).join(', ')})` : '';
  return `${sec(b.wallMs)}${each}, peak RSS ${mib(b.peakRssBytes)} (${programs(b.peakByProgram)})`;
}

function hugeRows(h: HugeFigures, verdict: (id: string) => string): string[] {
  const { base, large } = h;
  const when = `--huge, ${h.date.slice(0, 10)}`;
  const rows = [
    row(`build (ours, ${when}), ${base.pages} pages${ofRuns(base)}`, buildValue(base), '', ''),
    row(
      `build (ours, ${when}), ${large.pages} pages`,
      buildValue(large),
      '≤ 2 GiB',
      verdict('huge-peak-rss'),
    ),
  ];
  for (const f of [base, large]) {
    if (f.phasesMs)
      rows.push(row(`build stages (ours, ${when}), ${f.pages} pages`, phases(f.phasesMs), '', ''));
  }
  const limit = growthLimit(LIMITS.hugeFactor, 4, h.ideal);
  const growth = `${h.factor} ×`;
  rows.push(
    row(`T(${large.pages}) / T(${base.pages}), ${when}`, growth, `≤ ${limit} ×`, verdict('huge-time')),
  );
  return rows;
}

const yes = (ok: boolean) => (ok ? 'yes' : 'no');
const rate = (perSecond: number) => `${perSecond.toLocaleString('en-US')} accounts/s`;

function scoringRows(s: ScoringFigures): string[] {
  const rows = s.csv.map((c) =>
    row(
      `score, CSV scorer, ${c.accounts.toLocaleString('en-US')} accounts`,
      `${sec(c.wallMs)}, ${rate(c.accountsPerSecond)}, peak RSS ${mib(c.peakRssBytes)}`,
      '',
      '',
    ),
  );
  if (s.memory) {
    const holds = yes(s.memory.ratio <= LIMITS.scoreMemoryRatio);
    rows.push(
      row(`score, peak RSS ${s.memory.to} / ${s.memory.from}`, `${s.memory.ratio} ×`, '≤ 1.5 ×', holds),
    );
  }
  if (s.duckdb) {
    const d = s.duckdb;
    const value = `query ${sec(d.queryMs)}, ${rate(d.accountsPerSecond)}; load (read_csv) ${sec(d.loadMs)}`;
    const what = `score, DuckDB ${d.version} --sql duckdb, ${d.accounts.toLocaleString('en-US')} accounts`;
    rows.push(row(what, value, 'same verdicts', yes(s.verdictsMatch === true)));
  }
  return rows;
}

function hostileRows(h: HostileFigures): string[] {
  const e = h.example;
  const cut = `${e.cutShort} of ${e.files} cut short`;
  const value = `${sec(e.hostileMs)} vs ${sec(e.cleanMs)} clean (${cut}); other files ${e.othersUnchanged ? 'unchanged' : 'changed'}`;
  const budget = `≤ ${sec(e.limitMs)} (2 × clean + 5 s + ${sec(e.allowanceMs)})`;
  const what = `lint, example playbook + a ${size(e.target)} file of each corner`;
  return [row(what, value, budget, yes(e.holds && e.othersUnchanged))];
}

/**
 * The results of a run that measured only some parts, completed from the last results in the same
 * file: the playbook figures (lint, build, page weight, search, with the run's date and machine)
 * when neither lint nor build was measured, and scoring, hostile input or the --huge builds when
 * not measured. The budgets are judged again on what is kept.
 */
export function mergeResults(
  previous: Results | undefined,
  current: Results,
  parts: readonly Part[],
): Results {
  if (!previous || previous.version !== current.version) return current;
  const pages = parts.includes('lint') || parts.includes('build');
  const merged: Results = pages
    ? { ...current }
    : {
        ...previous,
        options: {
          ...previous.options,
          accounts: current.options.accounts,
          hostileSizes: current.options.hostileSizes,
        },
        scoring: current.scoring,
        hostile: current.hostile,
        huge: current.huge,
        corpus: { ...previous.corpus, ...current.corpus },
      };
  // Pagefind timed alone over the whole site: no longer measured, as the build indexes in runs.
  const { pagefindAlone: _, ...build } = merged.build as Results['build'] & { pagefindAlone?: unknown };
  merged.build = build;
  merged.options = { ...merged.options, parts: [...parts] };
  if (!parts.includes('score')) {
    merged.scoring = previous.scoring;
    merged.options.accounts = previous.options.accounts;
  }
  if (!parts.includes('hostile')) {
    merged.hostile = previous.hostile;
    merged.options.hostileSizes = previous.options.hostileSizes;
  }
  if (!parts.includes('huge')) merged.huge = previous.huge;
  merged.budgets = judgeBudgets(merged);
  return merged;
}

/** The budgets, judged on the figures of `r`. */
export function judgeBudgets(r: Omit<Results, 'budgets'>): Budget[] {
  const { ours, ratios, linearity } = r.build;
  const { persona, glossary } = r.pageWeight;
  const search = r.search;
  const example = r.hostile?.example;
  return budgets({
    lint: r.lint,
    ours,
    ratios,
    linearity,
    persona,
    glossary,
    search,
    scoring: r.scoring,
    example,
    huge: r.huge,
  });
}
