import { describe, expect, test } from 'vitest';
import type { BuildFigure } from './build.ts';
import type { HostileFigures } from './hostile/measure.ts';
import type { HugeFigures } from './huge.ts';
import { judgeBudgets, mergeResults, type Results, summaryTable } from './report.ts';
import type { ScoringFigures } from './score.ts';

const machine = {
  cores: 2,
  cpu: 'test',
  memoryBytes: 2 ** 30,
  node: 'v24.0.0',
  platform: 'linux x64',
  loadAverageAtStart: [1, 1, 1],
  loadAverageAtEnd: [1, 1, 1],
};

const scoring = (ratio: number, date: string): ScoringFigures => ({
  date,
  loadAverage: { start: [1], end: [1] },
  seed: 1,
  csv: [
    {
      accounts: 100,
      csvBytes: 1,
      wallMs: 1000,
      accountsPerSecond: 100,
      peakRssBytes: 100 * 2 ** 20,
      outputBytes: 1,
    },
  ],
  memory: { from: 100, to: 1000, ratio },
  verdictsMatch: true,
});

const hostile = (date: string): HostileFigures => ({
  date,
  loadAverage: { start: [1], end: [1] },
  sizes: [10_000],
  beforeMaxBytes: 10_000,
  beforeCapMs: 30_000,
  baselineMs: 900,
  corners: [],
  example: {
    target: 10_000,
    files: 1,
    bytes: 10_050,
    cleanRunsMs: [1000],
    cleanMs: 1000,
    hostileMs: 1500,
    cutShort: 1,
    allowanceMs: 1100,
    limitMs: 8100,
    holds: true,
    othersUnchanged: true,
    hostileFindings: 1,
  },
});

/** A results file; `lintMs` marks which run the playbook figures came from. */
const results = (date: string, lintMs: number, extra: Partial<Results> = {}): Results => ({
  version: 1,
  date,
  durationMs: 1,
  machine,
  options: {
    lintSizes: [10],
    buildSizes: [],
    runs: 1,
    seed: 1,
    today: '2026-11-22',
    query: 'q',
    starlight: false,
  },
  corpus: {},
  lint: [
    {
      files: 10,
      runsMs: [lintMs],
      coldMs: lintMs,
      medianMs: lintMs,
      msPerFile: lintMs / 10,
      coldMsPerFile: 1,
    },
  ],
  build: { ours: [], starlight: [], ratios: [] },
  pageWeight: {},
  budgets: [],
  ...extra,
});

const MIB = 2 ** 20;

const built = (pages: number, runsMs: number[], peakMib: number, phasesMs?: Record<string, number>) =>
  ({
    pages,
    htmlFiles: pages,
    wallMs: [...runsMs].sort((a, b) => a - b)[Math.floor(runsMs.length / 2)]!,
    runsMs,
    peakRssBytes: peakMib * MIB,
    peakByProgram: { pagefind_extend: (peakMib - 100) * MIB, node: 100 * MIB },
    phasesMs,
  }) satisfies BuildFigure;

const huge = (date: string, largeMs: number): HugeFigures => ({
  date,
  loadAverage: { start: [1], end: [1] },
  seed: 1,
  base: built(5000, [41_000, 40_000, 42_000], 900, { parse: 16_000, search: 11_000 }),
  large: built(20_000, [largeMs], 1900, { parse: 64_000, search: 50_000 }),
  factor: Number((largeMs / 41_000).toFixed(2)),
  ideal: 4,
});

describe('mergeResults', () => {
  const earlier = results('2026-01-01', 5, { scoring: scoring(1.1, 'old'), hostile: hostile('old') });

  test('--only score keeps the earlier playbook and hostile figures, and takes the new scoring', () => {
    const now = results('2026-02-02', 50, { lint: [], scoring: scoring(1.9, 'new') });
    const merged = mergeResults(earlier, now, ['score']);
    expect(merged.date).toBe('2026-01-01');
    expect(merged.lint).toEqual(earlier.lint);
    expect(merged.scoring?.date).toBe('new');
    expect(merged.hostile?.date).toBe('old');
    expect(merged.options.parts).toEqual(['score']);
    expect(merged.budgets.map((b) => [b.id, b.holds])).toEqual([
      ['lint-cold', true],
      ['score-memory-flat', false],
      ['hostile-example', true],
    ]);
  });

  test('--only hostile keeps the earlier scoring', () => {
    const merged = mergeResults(earlier, results('2026-02-02', 50, { hostile: hostile('new') }), ['hostile']);
    expect([merged.scoring?.date, merged.hostile?.date, merged.date]).toEqual(['old', 'new', '2026-01-01']);
  });

  test('a run of the playbook parts replaces the playbook figures and keeps the parts it left out', () => {
    const merged = mergeResults(earlier, results('2026-02-02', 50), ['lint', 'build']);
    expect(merged.date).toBe('2026-02-02');
    expect(merged.lint[0]!.medianMs).toBe(50);
    expect([merged.scoring?.date, merged.hostile?.date]).toEqual(['old', 'old']);
  });

  test('--huge keeps every other figure and takes the new huge builds', () => {
    const before = { ...earlier, huge: huge('old', 170_000) };
    const now = results('2026-02-02', 50, { lint: [], huge: huge('new', 190_000) });
    const merged = mergeResults(before, now, ['huge']);
    expect([merged.date, merged.lint[0]!.medianMs, merged.scoring?.date]).toEqual(['2026-01-01', 5, 'old']);
    expect(merged.huge?.date).toBe('new');
    expect(merged.options.parts).toEqual(['huge']);
    expect(merged.budgets.filter((b) => b.id.startsWith('huge')).map((b) => [b.id, b.holds])).toEqual([
      ['huge-time', false],
      ['huge-peak-rss', true],
    ]);
  });

  test('a run without --huge keeps the earlier huge builds', () => {
    const before = { ...earlier, huge: huge('old', 170_000) };
    const merged = mergeResults(before, results('2026-02-02', 50), ['lint', 'build']);
    expect(merged.huge?.date).toBe('old');
    expect(merged.budgets.map((b) => b.id)).toContain('huge-time');
  });

  test('drops the Pagefind-alone figure of an earlier file, which is no longer measured', () => {
    const build = { ...earlier.build, pagefindAlone: { wallMs: 1, peakRssBytes: 1 } };
    const merged = mergeResults({ ...earlier, build }, results('2026-02-02', 50, { lint: [] }), ['score']);
    expect(merged.build).toEqual({ ours: [], starlight: [], ratios: [] });
  });

  test('without an earlier file, the run is the results', () => {
    const now = results('2026-02-02', 50);
    expect(mergeResults(undefined, now, ['lint'])).toBe(now);
  });
});

describe('summaryTable', () => {
  test('shows lint warm and cold, each build’s runs, and judges the largest size only', () => {
    const lint = [1000, 10_000].map((files) => ({
      files,
      runsMs: [files * 3, files / 2, files],
      coldMs: files * 3,
      medianMs: files,
      msPerFile: 1,
      coldMsPerFile: 3,
    }));
    const ours = [
      built(1000, [10_000, 11_000, 12_000], 800, { parse: 3700, astro: 3000 }),
      built(5000, [41_000, 40_000, 42_000], 1100),
    ];
    const r = results('2026-02-02', 5, {
      lint,
      build: { ours, starlight: [], ratios: [], linearity: { from: 1000, to: 5000, factor: 3.73, ideal: 5 } },
    });
    const table = summaryTable({ ...r, budgets: judgeBudgets(r) });
    expect(table).toContain(
      '| lint, 1000 files, warm cache (median of runs 2–3) | 0.75 ms per file (0.8 s) | ≤ 1 ms at 10,000 | – |',
    );
    expect(table).toContain(
      '| lint, 10000 files, warm cache (median of runs 2–3) | 0.75 ms per file (7.5 s) | ≤ 1 ms at 10,000 | yes |',
    );
    expect(table).toContain(
      '| lint, 10000 files, cold cache (run 1) | 3 ms per file (30.0 s) | ≤ 2 ms at 10,000 | no |',
    );
    expect(table).toContain(
      '| build (ours), 1000 pages (median of 3) | 11.0 s (10.0 s, 11.0 s, 12.0 s), peak RSS 800 MiB (pagefind_extend 700 MiB, node 100 MiB) | ≤ 1 GiB at 5,000 | – |',
    );
    expect(table).toContain('| build stages (ours), 1000 pages | parse 3.7 s, astro 3.0 s | | |');
    expect(table).toContain(
      '| build (ours), 5000 pages (median of 3) | 41.0 s (41.0 s, 40.0 s, 42.0 s), peak RSS 1100 MiB (pagefind_extend 1000 MiB, node 100 MiB) | ≤ 1 GiB at 5,000 | no |',
    );
    expect(table).toContain('| T(5000) / T(1000) | 3.73 × | ≤ 5.5 × | yes |');
  });

  test('shows the --huge builds, their stages and the growth against ≤ 4.4 ×', () => {
    const r = results('2026-02-02', 5, { lint: [], huge: huge('2026-12-01T10:00:00.000Z', 170_000) });
    const table = summaryTable({ ...r, budgets: judgeBudgets(r) });
    expect(table).toContain(
      '| build (ours, --huge, 2026-12-01), 20000 pages | 170.0 s, peak RSS 1900 MiB (pagefind_extend 1800 MiB, node 100 MiB) | ≤ 2 GiB | yes |',
    );
    expect(table).toContain(
      '| build stages (ours, --huge, 2026-12-01), 20000 pages | parse 64.0 s, search 50.0 s | | |',
    );
    expect(table).toContain('| T(20000) / T(5000), --huge, 2026-12-01 | 4.15 × | ≤ 4.4 × | yes |');
  });

  test('shows scoring and hostile input with their budgets', () => {
    const table = summaryTable(
      results('2026-02-02', 5, { lint: [], scoring: scoring(1.2, 'new'), hostile: hostile('new') }),
    );
    expect(table).toContain(
      '| score, CSV scorer, 100 accounts | 1.0 s, 100 accounts/s, peak RSS 100 MiB | | |',
    );
    expect(table).toContain('| score, peak RSS 1000 / 100 | 1.2 × | ≤ 1.5 × | yes |');
    expect(table).toContain(
      '| lint, example playbook + a 10 kB file of each corner | 1.5 s vs 1.0 s clean (1 of 1 cut short); other files unchanged | ≤ 8.1 s (2 × clean + 5 s + 1.1 s) | yes |',
    );
  });
});
