import { describe, expect, test } from 'vitest';
import { budgets, hostileLimit, memoryGrowth } from './budgets.ts';
import type { ExampleFigure } from './hostile/example.ts';
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
