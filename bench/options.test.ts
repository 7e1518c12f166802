import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UsageError } from '../src/loader/cli.ts';
import { benchOptions, workDir } from './options.ts';

const root = '/project';

describe('workDir', () => {
  test.each([
    [
      'defaults to node_modules/.cache, which the dev server and the type checker skip',
      undefined,
      {},
      join(root, 'node_modules', '.cache', 'playbook-bench'),
    ],
    ['takes PLAYBOOK_BENCH_DIR', undefined, { PLAYBOOK_BENCH_DIR: '/scratch/bench' }, '/scratch/bench'],
    ['takes --tmp over PLAYBOOK_BENCH_DIR', '/other', { PLAYBOOK_BENCH_DIR: '/scratch/bench' }, '/other'],
  ])('%s', (_, flag, env, expected) => {
    expect(workDir(root, flag, env)).toBe(expected);
  });
});

describe('benchOptions', () => {
  test('measures 1,000 and 10,000 files for lint and 1,000 and 5,000 pages for builds by default', () => {
    expect(benchOptions([], root, {})).toMatchObject({
      lintSizes: [1000, 10000],
      buildSizes: [1000, 5000],
      runs: 3,
      seed: 1,
      starlight: true,
      search: true,
      out: join(root, 'bench', 'results.json'),
    });
  });

  test('uses one size for everything and skips Starlight with --pages', () => {
    expect(benchOptions(['--pages', '50'], root, {})).toMatchObject({
      lintSizes: [50],
      buildSizes: [50],
      starlight: false,
    });
  });

  test('builds nothing with --lint-only', () => {
    expect(benchOptions(['--lint-only', '--quick'], root, {})).toMatchObject({
      lintSizes: [200],
      buildSizes: [],
    });
  });

  test('returns nothing for --help', () => {
    expect(benchOptions(['--help'], root, {})).toBeUndefined();
  });

  test.each([
    [['--pages', 'many'], /--pages takes whole numbers/],
    [['--build-sizes', '1000,5'], /--build-sizes takes whole numbers ≥ 10/],
    [['--runs', '0'], /--runs must be a whole number ≥ 1/],
    [['--seed', '1.5'], /--seed must be a whole number/],
    [['extra'], /Unexpected argument "extra"/],
  ])('rejects %j', (argv, message) => {
    expect(() => benchOptions(argv, root, {})).toThrow(UsageError);
    expect(() => benchOptions(argv, root, {})).toThrow(message);
  });
});
