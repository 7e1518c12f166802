/** The results file's shape, the machine it describes, and the table printed at the end of a run. */
import { cpus, loadavg, totalmem } from 'node:os';
import { type Budget, LIMITS, type Linearity, type Ratio } from './budgets.ts';
import type { BuildFigure } from './build.ts';
import type { CorpusCounts } from './corpus/generate.ts';
import { kb, mib, programs, sec } from './format.ts';
import type { LintFigure } from './lint.ts';
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
    lintSizes: number[];
    buildSizes: number[];
    runs: number;
    seed: number;
    today: string;
    query: string;
    starlight: boolean;
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

/** A Markdown table row; empty cells stay one space wide: `| a | b | | |`. */
const row = (...cells: string[]) => `|${cells.map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`;

/** The figures as a Markdown table; a budget is judged at the largest size measured, others show "–". */
export function summaryTable(r: Results): string[] {
  const { lintSizes, buildSizes, runs } = r.options;
  const { ours, starlight, starlightVersions, ratios, linearity, pagefindAlone } = r.build;
  const { persona, glossary } = r.pageWeight;
  const largest = Math.max(...buildSizes);
  const yes = (ok: boolean) => (ok ? 'yes' : 'no');
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
  return rows;
}
