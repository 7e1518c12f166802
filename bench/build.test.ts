import { describe, expect, test } from 'vitest';
import { type BuildRun, combineRuns, runLine } from './build.ts';

const MIB = 2 ** 20;

const ran = (wallMs: number, peakMib: number, phasesMs?: Record<string, number>): BuildRun => ({
  wallMs,
  loadAverage: [1, 1, 1],
  peakRssBytes: peakMib * MIB,
  peakByProgram: { node: (peakMib - 10) * MIB, pagefind_extend: 10 * MIB },
  phasesMs,
});

describe('combineRuns', () => {
  test('takes the median wall time and the highest peak, with that run’s split by program', () => {
    const runs = [ran(43_000, 900), ran(40_100, 980), ran(41_200, 950)];
    expect(combineRuns(5000, 4509, runs)).toEqual({
      pages: 5000,
      htmlFiles: 4509,
      wallMs: 41_200,
      runsMs: [43_000, 40_100, 41_200],
      peakRssBytes: 980 * MIB,
      peakByProgram: { node: 970 * MIB, pagefind_extend: 10 * MIB },
      runs,
    });
  });

  test('takes the median of each stage, over the runs that report it', () => {
    const runs = [
      ran(10, 1, { parse: 3000, astro: 2000 }),
      ran(12, 1, { parse: 3400, astro: 2600 }),
      ran(11, 1, { parse: 5000 }),
    ];
    expect(combineRuns(1000, 909, runs).phasesMs).toEqual({ parse: 3400, astro: 2300 });
  });

  test('of two runs, the median is their mean', () => {
    expect(combineRuns(20, 20, [ran(1000, 1), ran(2000, 1)]).wallMs).toBe(1500);
  });

  test('refuses to make a figure of no runs', () => {
    expect(() => combineRuns(20, 20, [])).toThrow(/no build runs to combine for 20 pages/);
  });
});

test('runLine prints one run: size, run, who, time and peak by program', () => {
  expect(runLine(5000, 'run 2/3', 'ours', ran(41_234, 980))).toBe(
    'build 5000 pages, run 2/3: ours 41.2 s, peak 980 MiB (node 970 MiB, pagefind_extend 10 MiB)',
  );
});
