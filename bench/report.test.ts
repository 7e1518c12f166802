import { describe, expect, test } from 'vitest';
import type { HostileFigures } from './hostile/measure.ts';
import { mergeResults, type Results, summaryTable } from './report.ts';
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
      ['lint', true],
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

  test('without an earlier file, the run is the results', () => {
    const now = results('2026-02-02', 50);
    expect(mergeResults(undefined, now, ['lint'])).toBe(now);
  });
});

describe('summaryTable', () => {
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
