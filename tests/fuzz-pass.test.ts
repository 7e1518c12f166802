/**
 * A shorter pass of `npm run fuzz` (tests/fuzz/): 2,000 cases from a fixed seed, and every saved
 * failure under tests/fixtures/fuzz/ replayed.
 */
import { describe, expect, test } from 'vitest';
import { replayFixtures, runFuzz } from './fuzz/run.ts';

describe('npm run fuzz, shorter', () => {
  test('every saved failure now holds', () => {
    expect(replayFixtures().failures).toEqual([]);
  });

  test('2,000 generated cases hold', { timeout: 300_000 }, () => {
    const lines: string[] = [];
    const code = runFuzz({ runs: 2000, seed: 20261130, say: (line) => lines.push(line), save: false });
    expect(code, lines.join('\n')).toBe(0);
  });
});
