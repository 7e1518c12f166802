/** The results file's shape, the machine it describes, and the table printed at the end of a run. */
import { cpus, loadavg, totalmem } from 'node:os';
import { type Budget, budgets, LIMITS, type Linearity, type Ratio } from './budgets.ts';
import type { BuildFigure } from './build.ts';
import type { CorpusCounts } from './corpus/generate.ts';
import { kb, mib, programs, row, sec, size } from './format.ts';
import type { HostileFigures } from './hostile/measure.ts';
import type { LintFigure } from './lint.ts';
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
    runs: number;
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
    pagefindAlone?: { wallMs: number; peakRssBytes: number };
  };
  pageWeight: { persona?: PageWeight; glossary?: PageWeight };
  search?: SearchTransfer;
  searchPasted?: SearchTransfer;
  scoring?: ScoringFigures;
  hostile?: HostileFigures;
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

/** The figures as a Markdown table; a budget is judged at the largest size measured, others show "–". */
export function summaryTable(r: Results): string[] {
  const { lintSizes, buildSizes, runs } = r.options;
  const { ours, starlight, starlightVersions, ratios, linearity, pagefindAlone } = r.build;
  const { persona, glossary } = r.pageWeight;
  const largest = Math.max(...buildSizes);
  const judge = (n: number, sizes: number[], ok: boolean) => (n === Math.max(...sizes) ? yes(ok) : '–');
  const rows = [row('figure', 'value', 'budget', 'holds'), '|---|---|---|---|'];
  for (const l of r.lint) {
    rows.push(
      row(
        `lint, ${l.files} files (median of ${runs})`,
        `${l.msPerFile} ms per file (${sec(l.medianMs)}); cold cache ${l.coldMsPerFile} ms`,
        '≤ 1 ms at 10,000',
        judge(l.files, lintSizes, l.msPerFile <= LIMITS.lintMsPerFile),
      ),
    );
  }
  for (const b of ours) {
    rows.push(
      row(
        `build (ours), ${b.pages} pages`,
        `${sec(b.wallMs)}, peak RSS ${mib(b.peakRssBytes)} (${programs(b.peakByProgram)})`,
        '≤ 1 GiB at 5,000',
        judge(b.pages, buildSizes, b.peakRssBytes <= LIMITS.peakRssBytes),
      ),
    );
  }
  for (const b of starlight) {
    const name = `build (Starlight ${starlightVersions?.starlight}), ${b.pages} pages`;
    rows.push(row(name, `${sec(b.wallMs)}, peak RSS ${mib(b.peakRssBytes)}`, '', ''));
  }
  for (const q of ratios) {
    const holds = judge(q.pages, buildSizes, q.ratio <= LIMITS.starlightRatio);
    rows.push(row(`ours / Starlight, ${q.pages} pages`, `${q.ratio} ×`, '≤ 0.25 × at 5,000', holds));
  }
  if (pagefindAlone) {
    const value = `${sec(pagefindAlone.wallMs)}, peak RSS ${mib(pagefindAlone.peakRssBytes)}`;
    rows.push(row(`Pagefind CLI alone, ${largest} pages`, value, '', ''));
  }
  if (linearity) {
    const holds = yes(r.budgets.find((b) => b.id === 'build-linearity')!.holds);
    const { from, to, factor } = linearity;
    rows.push(row(`T(${to}) / T(${from})`, `${factor} ×`, '≤ 5.5 ×', holds));
  }
  if (persona && glossary) {
    const parts = `HTML ${kb(persona.html)}, CSS ${kb(persona.css)}, JS ${kb(persona.js)}`;
    const total = `${kb(persona.total)} (${parts})`;
    const light = yes(persona.total <= LIMITS.personaPageBytes);
    rows.push(row('persona page before search', total, '≤ 30 kB', light));
    const js = `persona ${kb(persona.js)}, glossary ${kb(glossary.js)}`;
    const holds = yes(Math.max(persona.js, glossary.js) <= LIMITS.jsBytes);
    rows.push(row('JS on pages without islands', js, '≤ 2 kB', holds));
  }
  if (r.search) {
    const kinds = Object.entries(r.search.byKind).map(([k, v]) => `${k} ${kb(v)}`);
    const value = `${kb(r.search.bytes)} gzip (${kinds.join(', ')})`;
    const holds = yes(r.search.bytes <= LIMITS.searchBytes);
    rows.push(row(`first search query typed, ${largest} pages`, value, '≤ 150 kB', holds));
  }
  if (r.searchPasted) {
    const value = `${kb(r.searchPasted.bytes)} gzip`;
    rows.push(row(`first search query pasted at once, ${largest} pages`, value, '(for comparison)', ''));
  }
  if (r.scoring) rows.push(...scoringRows(r.scoring));
  if (r.hostile) rows.push(...hostileRows(r.hostile));
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
 * when neither lint nor build was measured, and scoring or hostile input when not measured. The
 * budgets are judged again on what is kept.
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
      };
  merged.options = { ...merged.options, parts: [...parts] };
  if (!parts.includes('score')) {
    merged.scoring = previous.scoring;
    merged.options.accounts = previous.options.accounts;
  }
  if (!parts.includes('hostile')) {
    merged.hostile = previous.hostile;
    merged.options.hostileSizes = previous.options.hostileSizes;
  }
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
  });
}
