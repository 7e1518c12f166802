import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UsageError } from '../src/loader/cli.ts';
import { CORNERS } from './hostile/corners.ts';
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

  test.each([
    ['3 build runs by default', [], 3, 3],
    ['one build with --pages, for tests', ['--pages', '50'], 3, 1],
    ['one build with --quick', ['--quick'], 3, 1],
    ['--runs for both, with --pages too', ['--pages', '50', '--runs', '2'], 2, 2],
    ['--runs for both', ['--runs', '5'], 5, 5],
  ])('%s', (_, argv, runs, buildRuns) => {
    expect(benchOptions(argv, root, {})).toMatchObject({ runs, buildRuns });
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

describe('benchOptions: which parts run', () => {
  test('a full run measures every part: 100,000 and 1,000,000 accounts, pathological files of 10 kB to 1 MB', () => {
    expect(benchOptions([], root, {})).toMatchObject({
      parts: ['lint', 'build', 'score', 'hostile'],
      accounts: [100_000, 1_000_000],
      hostileSizes: [10_000, 100_000, 1_000_000],
      beforeMax: 100_000,
    });
    expect(benchOptions([], root, {})!.corners).toEqual(CORNERS.map((c) => c.name));
  });

  test.each([
    [['--quick'], ['lint', 'build']],
    [
      ['--pages', '50'],
      ['lint', 'build'],
    ],
    [['--lint-only'], ['lint']],
    [['--only', 'score'], ['score']],
    [['--only', 'hostile'], ['hostile']],
    [
      ['--only', 'hostile, score'],
      ['score', 'hostile'],
    ],
    [
      ['--only', 'lint,build', '--quick'],
      ['lint', 'build'],
    ],
  ])('%j measures %j', (argv, parts) => {
    expect(benchOptions(argv, root, {})!.parts).toEqual(parts);
  });

  test('--only score generates no playbook: no lint or build sizes', () => {
    expect(benchOptions(['--only', 'score', '--accounts', '1000,5000'], root, {})).toMatchObject({
      lintSizes: [],
      buildSizes: [],
      accounts: [1000, 5000],
    });
  });

  test('--corners picks the corners whose name contains the text, in any case, once each', () => {
    const { corners } = benchOptions(['--corners', 'yaml flow', '--corners', 'YAML FLOW maps'], root, {})!;
    expect(corners).toEqual(['YAML flow nesting [[', 'YAML flow maps {a:']);
  });

  test.each([
    [['--only', 'render'], /--only takes some of lint, build, score, hostile, comma-separated; got "render"/],
    [['--only', ''], /--only takes some of/],
    [['--only', 'score', '--lint-only'], /Use --lint-only or --only, not both/],
    [['--accounts', '100k'], /--accounts takes whole numbers/],
    [['--hostile-sizes', '5'], /--hostile-sizes takes whole numbers ≥ 10/],
    [['--before-max=-1'], /--before-max must be a whole number ≥ 0/],
    [
      ['--corners', 'no such corner'],
      /--corners "no such corner" matches no corner\. The corners are "prose \(control\)"/,
    ],
  ])('rejects %j', (argv, message) => {
    expect(() => benchOptions(argv, root, {})).toThrow(UsageError);
    expect(() => benchOptions(argv, root, {})).toThrow(message);
  });
});

describe('benchOptions: --huge', () => {
  test('builds 5,000 pages 3 times and 20,000 pages once, and nothing else', () => {
    expect(benchOptions(['--huge'], root, {})).toMatchObject({
      parts: ['huge'],
      huge: { base: 5000, huge: 20_000 },
      buildRuns: 3,
      lintSizes: [],
      buildSizes: [],
    });
  });

  test('takes its two sizes from --build-sizes, and --runs', () => {
    expect(benchOptions(['--huge', '--build-sizes', '20,40', '--runs', '2'], root, {})).toMatchObject({
      parts: ['huge'],
      huge: { base: 20, huge: 40 },
      buildRuns: 2,
      buildSizes: [],
    });
  });

  test('is not part of the default run', () => {
    expect(benchOptions([], root, {})!.huge).toBeUndefined();
  });

  test.each([
    [['--huge', '--quick'], /--huge runs on its own; leave out --quick/],
    [['--huge', '--pages', '50'], /--huge runs on its own; leave out --pages/],
    [['--huge', '--only', 'build'], /--huge runs on its own; leave out --only/],
    [['--huge', '--lint-only'], /--huge runs on its own; leave out --lint-only/],
    [
      ['--huge', '--build-sizes', '40'],
      /--huge with --build-sizes takes two sizes, the smaller first.*got "40"/,
    ],
    [['--huge', '--build-sizes', '40,20'], /takes two sizes, the smaller first/],
    [['--huge', '--build-sizes', '20,40,80'], /takes two sizes/],
    [['--huge', '--build-sizes', '5,40'], /--build-sizes takes whole numbers ≥ 10/],
  ])('rejects %j', (argv, message) => {
    expect(() => benchOptions(argv, root, {})).toThrow(UsageError);
    expect(() => benchOptions(argv, root, {})).toThrow(message);
  });
});
