import { describe, expect, test } from 'vitest';
import { budgets, type Figures, hostileLimit, linearity, memoryGrowth, ratios } from './budgets.ts';
import type { BuildFigure } from './build.ts';
import type { ExampleFigure } from './hostile/example.ts';
import type { HugeFigures } from './huge.ts';
import type { LintFigure } from './lint.ts';
import type { ScoreFigure, ScoringFigures } from './score.ts';

const scored = (accounts: number, peakRssBytes: number): ScoreFigure => ({
  accounts,
  csvBytes: accounts * 100,
  wallMs: accounts / 10,
  accountsPerSecond: 10_000,
  peakRssBytes,
  outputBytes: accounts * 300,
});

const MIB = 2 ** 20;

describe('memoryGrowth', () => {
  test('compares the peak at the most accounts with that at the fewest, whatever the order', () => {
    const runs = [scored(1_000_000, 180 * MIB), scored(100_000, 120 * MIB), scored(500_000, 300 * MIB)];
    expect(memoryGrowth(runs)).toEqual({ from: 100_000, to: 1_000_000, ratio: 1.5 });
  });

  test('needs two sizes', () => {
    expect(memoryGrowth([scored(100_000, 120 * MIB)])).toBeUndefined();
  });
});

describe('hostileLimit', () => {
  test('is 2 × clean + 5 s + 1 s plus 1 s per 100 kB of each file cut short', () => {
    expect(hostileLimit(2000, [1_000_000, 100_000])).toEqual({ allowanceMs: 13_000, limitMs: 22_000 });
  });

  test('is 2 × clean + 5 s when nothing was cut short', () => {
    expect(hostileLimit(1500, [])).toEqual({ allowanceMs: 0, limitMs: 8000 });
  });
});

describe('budgets', () => {
  const none = { lint: [], ours: [], ratios: [] };

  test('judges nothing that was not measured', () => {
    expect(budgets(none)).toEqual([]);
  });

  test.each([
    [1.5, true],
    [1.51, false],
  ])('the CSV scorer at peak ratio %d holds: %s', (ratio, holds) => {
    const scoring = { csv: [], memory: { from: 100_000, to: 1_000_000, ratio } } as unknown as ScoringFigures;
    expect(budgets({ ...none, scoring })).toEqual([
      {
        id: 'score-memory-flat',
        budget: 'CSV scorer peak RSS at 1,000,000 accounts ≤ 1.5 × at 100,000',
        at: '1000000 / 100000 accounts',
        value: `${ratio} ×`,
        holds,
      },
    ]);
  });

  test.each([
    ['within the limit, others unchanged', { holds: true, othersUnchanged: true }, true],
    ['over the limit', { holds: false, othersUnchanged: true }, false],
    ['within the limit, but other files got other findings', { holds: true, othersUnchanged: false }, false],
  ])('hostile input %s: holds %s', (_, judged, holds) => {
    const example = {
      files: 3,
      target: 1_000_000,
      hostileMs: 9000,
      limitMs: 20_000,
      ...judged,
    } as ExampleFigure;
    const [budget] = budgets({ ...none, example });
    expect(budget).toMatchObject({ id: 'hostile-example', value: '9.0 s (limit 20.0 s)', holds });
  });
});

const GIB = 2 ** 30;

const linted = (files: number, runsMs: number[], coldRunsMs?: number[]): LintFigure => {
  const cold = coldRunsMs ? [...coldRunsMs].sort((a, b) => a - b)[(coldRunsMs.length - 1) >> 1]! : runsMs[0]!;
  return {
    files,
    runsMs,
    ...(coldRunsMs && { coldRunsMs }),
    coldMs: cold,
    medianMs: 0,
    msPerFile: 0,
    coldMsPerFile: Number((cold / files).toFixed(3)),
  };
};

const built = (pages: number, wallMs: number, peakRssBytes = GIB / 2): BuildFigure => ({
  pages,
  htmlFiles: pages,
  wallMs,
  runsMs: [wallMs],
  peakRssBytes,
  peakByProgram: { node: peakRssBytes },
});

const huge = (base: BuildFigure, large: BuildFigure): HugeFigures => ({
  date: '2026-12-01T00:00:00.000Z',
  loadAverage: { start: [1], end: [1] },
  seed: 1,
  base,
  large,
  factor: Number((large.wallMs / base.wallMs).toFixed(2)),
  ideal: large.pages / base.pages,
});

/** The figures of our builds at these sizes (and Starlight's, when given), with their ratios and growth. */
function builds(ours: BuildFigure[], starlight: BuildFigure[] = []): Figures {
  return { lint: [], ours, ratios: ratios(ours, starlight), linearity: linearity(ours) };
}

describe('budgets: each DESIGN §7 limit, just inside and just outside', () => {
  test.each<[string, string, Figures, boolean]>([
    // Lint: warm is the median of the runs after the first; the cold run is the first.
    [
      'lint-warm',
      '1 ms per file',
      { lint: [linted(10_000, [30_000, 10_000, 10_000])], ours: [], ratios: [] },
      true,
    ],
    [
      'lint-warm',
      '1.001 ms',
      { lint: [linted(10_000, [30_000, 10_010, 10_010])], ours: [], ratios: [] },
      false,
    ],
    [
      'lint-cold',
      '2 ms per file',
      { lint: [linted(10_000, [20_000, 5_000, 5_000])], ours: [], ratios: [] },
      true,
    ],
    [
      'lint-cold',
      '2.001 ms',
      { lint: [linted(10_000, [20_010, 5_000, 5_000])], ours: [], ratios: [] },
      false,
    ],
    // Builds: medians against Starlight and against the smaller size; the highest peak.
    ['build-vs-starlight', '0.100 ×', builds([built(5000, 30_000)], [built(5000, 300_000)]), true],
    ['build-vs-starlight', '0.101 ×', builds([built(5000, 30_300)], [built(5000, 300_000)]), false],
    ['build-linearity', '5.5 ×', builds([built(1000, 10_000), built(5000, 55_000)]), true],
    ['build-linearity', '5.51 ×', builds([built(1000, 10_000), built(5000, 55_100)]), false],
    ['build-linearity', '2.2 × for twice the pages', builds([built(500, 10_000), built(1000, 22_000)]), true],
    [
      'build-linearity',
      '2.21 × for twice the pages',
      builds([built(500, 10_000), built(1000, 22_100)]),
      false,
    ],
    ['build-peak-rss', '1 GiB', builds([built(5000, 1, GIB)]), true],
    ['build-peak-rss', '1 GiB + 1 B', builds([built(5000, 1, GIB + 1)]), false],
    // --huge: T(20,000) against the median T(5,000), and the peak at 20,000.
    ['huge-time', '4.4 ×', { ...builds([]), huge: huge(built(5000, 10_000), built(20_000, 44_000)) }, true],
    ['huge-time', '4.41 ×', { ...builds([]), huge: huge(built(5000, 10_000), built(20_000, 44_100)) }, false],
    [
      'huge-time',
      '2.2 × for twice the pages',
      { ...builds([]), huge: huge(built(20, 1000), built(40, 2200)) },
      true,
    ],
    [
      'huge-time',
      '2.21 × for twice the pages',
      { ...builds([]), huge: huge(built(20, 1000), built(40, 2210)) },
      false,
    ],
    [
      'huge-peak-rss',
      '2 GiB',
      { ...builds([]), huge: huge(built(5000, 1), built(20_000, 4, 2 * GIB)) },
      true,
    ],
    [
      'huge-peak-rss',
      '2 GiB + 1 B',
      { ...builds([]), huge: huge(built(5000, 1), built(20_000, 4, 2 * GIB + 1)) },
      false,
    ],
  ])('%s at %s holds: %s', (id, _, figures, holds) => {
    const budget = budgets(figures).find((b) => b.id === id);
    expect(budget).toBeDefined();
    expect(budget!.holds).toBe(holds);
  });

  test('lint is judged at the largest size only, warm without the cold run', () => {
    const lint = [linted(1000, [9000, 5000, 5000]), linted(10_000, [19_000, 9000, 11_000])];
    const judged = budgets({ lint, ours: [], ratios: [] });
    expect(judged).toEqual([
      {
        id: 'lint-warm',
        budget: '≤ 1 ms per file at 10,000 files, warm parse cache (median of the runs after the first)',
        at: '10000 files, runs 2–3',
        value: '1 ms',
        holds: true,
      },
      {
        id: 'lint-cold',
        budget: '≤ 2 ms per file at 10,000 files, cold (empty parse cache; median of the cold runs)',
        at: '10000 files, run 1',
        value: '1.9 ms',
        holds: true,
      },
    ]);
  });

  test.each([
    // One slow cold run of three does not decide; two do.
    { coldRunsMs: [25_000, 19_000, 17_000], value: '1.9 ms', holds: true },
    { coldRunsMs: [25_000, 21_000, 17_000], value: '2.1 ms', holds: false },
    { coldRunsMs: [20_000, 20_000, 30_000], value: '2 ms', holds: true },
  ])('the cold figure is the median of the cold runs: $coldRunsMs', ({ coldRunsMs, value, holds }) => {
    const lint = [linted(10_000, [coldRunsMs.at(-1)!, 5000, 5000], coldRunsMs)];
    const cold = budgets({ lint, ours: [], ratios: [] }).find((b) => b.id === 'lint-cold');
    expect(cold).toMatchObject({ at: '10000 files, median of 3 cold runs', value, holds });
  });

  test('a single lint run has no warm figure: only lint-cold is judged', () => {
    const judged = budgets({ lint: [linted(50, [400])], ours: [], ratios: [] });
    expect(judged.map((b) => b.id)).toEqual(['lint-cold']);
  });

  test('Starlight is compared at the most pages built, whatever the order', () => {
    const ours = [built(5000, 30_000), built(1000, 9000)];
    const judged = budgets(builds(ours, [built(1000, 10_000), built(5000, 400_000)]));
    expect(judged.find((b) => b.id === 'build-vs-starlight')).toMatchObject({
      at: '5000 pages',
      value: '0.075 × (30.0 s / 400.0 s)',
      holds: true,
    });
  });

  test('an earlier results file without the median times is judged on its rounded factor', () => {
    const growth = { from: 1000, to: 5000, factor: 5.6, ideal: 5 };
    const [budget] = budgets({ lint: [], ours: [], ratios: [], linearity: growth });
    expect(budget).toMatchObject({ id: 'build-linearity', value: '5.6 ×', holds: false });
  });

  test('every budget of a full run plus --huge, in order', () => {
    const f: Figures = {
      ...builds([built(1000, 10_000), built(5000, 40_000)], [built(1000, 25_000), built(5000, 400_000)]),
      lint: [linted(10_000, [20_000, 6000, 6000])],
      huge: huge(built(5000, 40_000), built(20_000, 160_000)),
    };
    expect(budgets(f).map((b) => b.id)).toEqual([
      'lint-warm',
      'lint-cold',
      'build-vs-starlight',
      'build-linearity',
      'build-peak-rss',
      'huge-time',
      'huge-peak-rss',
    ]);
  });
});
