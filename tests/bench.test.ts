import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'playbook-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench', () => {
  test('rejects unknown flags and bad sizes with exit 2', () => {
    expect(cli('bench', ['--fast']).status).toBe(2);
    const r = cli('bench', ['--pages', 'many']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--pages takes whole numbers/);
  });

  test('measures a 50-page playbook twice and writes well-formed results', { timeout: 240_000 }, () => {
    const out = join(dir, 'results.json');
    const tmp = join(dir, 'tmp');
    const r = cli('bench', ['--pages', '50', '--runs', '2', '--tmp', tmp, '--out', out], {
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^lint 50 files, cold run 1\/2 \(empty parse cache\):/m);
    expect(r.stdout).toMatch(/^lint 50 files, cold run 2\/2 \(empty parse cache\):/m);
    expect(r.stdout).toMatch(/^lint 50 files, warm run 1\/1 \(parse cache filled\):/m);
    for (const run of ['1/2', '2/2'])
      expect(r.stdout).toMatch(
        new RegExp(`^build 50 pages, run ${run}: ours [\\d.]+ s, peak \\d+ MiB \\(`, 'm'),
      );
    expect(r.stdout).toMatch(/^\| figure \| value \| budget \| holds \|$/m);
    expect(existsSync(out)).toBe(true);

    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results).toMatchObject({
      version: 1,
      machine: {
        cores: expect.any(Number),
        memoryBytes: expect.any(Number),
        node: expect.stringMatching(/^v\d+/),
      },
      options: { lintSizes: [50], buildSizes: [50], runs: 2, buildRuns: 2, starlight: false },
      corpus: { 50: { icps: 9, personas: 36, terms: 5 } },
    });
    expect(Date.parse(results.date)).not.toBeNaN();
    expect(results.lint).toEqual([
      {
        files: 50,
        runsMs: [expect.any(Number), expect.any(Number)],
        coldRunsMs: [expect.any(Number), expect.any(Number)],
        coldMs: expect.any(Number),
        medianMs: expect.any(Number),
        msPerFile: expect.any(Number),
        coldMsPerFile: expect.any(Number),
      },
    ]);
    const [lint] = results.lint;
    // The cold figure is the median of the cold runs; the last cold run heads the warm ones.
    expect(Math.abs(lint.coldMs - (lint.coldRunsMs[0] + lint.coldRunsMs[1]) / 2)).toBeLessThanOrEqual(1);
    expect(lint.runsMs[0]).toBe(lint.coldRunsMs[1]);
    const [build] = results.build.ours;
    expect(build).toMatchObject({
      pages: 50,
      wallMs: expect.any(Number),
      peakRssBytes: expect.any(Number),
      peakByProgram: expect.any(Object),
    });
    expect(build.peakRssBytes).toBeGreaterThan(0);
    expect(build.htmlFiles).toBeGreaterThan(45);
    // Two cold runs: the median (of two, their mean) and the highest peak.
    expect(build.runs).toHaveLength(2);
    expect(build.runsMs).toEqual(build.runs.map((x: { wallMs: number }) => x.wallMs));
    expect(build.wallMs).toBe(Math.round((build.runsMs[0] + build.runsMs[1]) / 2));
    expect(build.peakRssBytes).toBe(
      Math.max(...build.runs.map((x: { peakRssBytes: number }) => x.peakRssBytes)),
    );
    for (const run of build.runs) {
      expect(run.loadAverage).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
      expect(Object.keys(run.phasesMs).length).toBeGreaterThan(2);
    }
    expect(results.build.starlight).toEqual([]);
    expect(results.build).not.toHaveProperty('pagefindAlone');
    // Each build starts with an empty parse cache but with the admin cache the bench keeps.
    expect(r.stdout).toMatch(/^admin cache: /m);
    const kept = join(tmp, 'cache-admin');
    if (existsSync(kept)) {
      const inBuild = readdirSync(join(tmp, 'cache-build-50', 'admin'));
      for (const name of readdirSync(kept)) expect(inBuild).toContain(name);
    }
    for (const page of [results.pageWeight.persona, results.pageWeight.glossary]) {
      expect(page.html).toBeGreaterThan(0);
      expect(page.total).toBe(
        page.html +
          page.css +
          page.files
            .filter((f: { path: string }) => !f.path.endsWith('.css'))
            .reduce((a: number, f: { bytes: number }) => a + f.bytes, 0),
      );
    }
    if (results.search) {
      expect(results.search.results).toBeGreaterThan(0);
      expect(results.search.bytes).toBe(
        results.search.requests.reduce((a: number, q: { sent: number }) => a + q.sent, 0),
      );
    }
    const ids = results.budgets.map((b: { id: string }) => b.id);
    for (const id of [
      'lint-warm',
      'lint-cold',
      'build-peak-rss',
      'persona-page-weight',
      'js-without-islands',
    ])
      expect(ids).toContain(id);
    for (const b of results.budgets)
      expect(b).toEqual({
        id: expect.any(String),
        budget: expect.any(String),
        at: expect.any(String),
        value: expect.any(String),
        holds: expect.any(Boolean),
      });
  });

  test('--only score scores generated accounts with the CSV scorer and DuckDB, alike', {
    timeout: 180_000,
  }, () => {
    const out = join(dir, 'score.json');
    const args = ['--only', 'score', '--accounts', '300,600', '--tmp', join(dir, 'tmp'), '--out', out];
    const r = cli('bench', args, { env: { ASTRO_TELEMETRY_DISABLED: '1' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^score 600 accounts \(CSV scorer\): [\d.]+ s, [\d,]+ accounts\/s, peak RSS \d+ MiB$/m,
    );
    expect(r.stdout).toMatch(
      /^\| score, DuckDB v[\d.]+ --sql duckdb, 600 accounts \| .* \| same verdicts \| yes \|$/m,
    );

    const { scoring, budgets, options, lint } = JSON.parse(readFileSync(out, 'utf8'));
    expect(options.parts).toEqual(['score']);
    expect(lint).toEqual([]);
    expect(scoring.csv.map((c: { accounts: number }) => c.accounts)).toEqual([300, 600]);
    for (const c of scoring.csv) {
      expect(c.peakRssBytes).toBeGreaterThan(0);
      // From the unrounded wall time: within one account per second of the rounded figure's.
      expect(Math.abs(c.accountsPerSecond - c.accounts / (c.wallMs / 1000))).toBeLessThanOrEqual(1);
    }
    expect(scoring.verdictsMatch).toBe(true);
    expect(scoring.duckdb.rows).toBe(scoring.csvVerdicts.rows);
    expect(scoring.duckdb.rows % 600).toBe(0);
    expect(scoring.memory.ratio).toBeCloseTo(scoring.csv[1].peakRssBytes / scoring.csv[0].peakRssBytes, 2);
    expect(budgets.map((b: { id: string }) => b.id)).toEqual(['score-memory-flat']);
  });

  test('--only hostile lints each corner with the bound, the parsers alone without it, and the example playbook', {
    timeout: 180_000,
  }, () => {
    const out = join(dir, 'hostile.json');
    const corners = ['--corners', 'emphasis run *a', '--corners', 'YAML many keys'];
    const sizes = ['--hostile-sizes', '1000,100000', '--before-max', '1000', '--runs', '1'];
    const args = ['--only', 'hostile', ...corners, ...sizes, '--tmp', join(dir, 'tmp'), '--out', out];
    const r = cli('bench', args, { env: { ASTRO_TELEMETRY_DISABLED: '1' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^hostile 1\/2 emphasis run \*a: lint [\d.]+ s \/ [\d.]+ s \(cut short from 100 kB\); parsers alone [\d.]+ s$/m,
    );
    expect(r.stdout).toMatch(
      /^\| corner \| lint, 1 kB \| lint, 100 kB \| parsers alone, no bound, 1 kB \|$/m,
    );

    const { hostile, budgets } = JSON.parse(readFileSync(out, 'utf8'));
    expect(hostile.corners.map((c: { name: string }) => c.name)).toEqual([
      'emphasis run *a',
      'YAML many keys',
    ]);
    for (const c of hostile.corners) {
      expect(c.sizes.map((s: { cutShort: boolean }) => s.cutShort)).toEqual([false, true]);
      expect(typeof c.sizes[0].beforeMs).toBe('number');
      expect(c.sizes[1].beforeMs).toBeUndefined();
    }
    expect(hostile.example).toMatchObject({ target: 100_000, files: 2, cutShort: 2, othersUnchanged: true });
    expect(hostile.example.limitMs).toBe(2 * hostile.example.cleanMs + 5000 + hostile.example.allowanceMs);
    expect(budgets.map((b: { id: string }) => b.id)).toEqual(['hostile-example']);
  });

  test('--huge builds the smaller size --runs times and the larger once, and judges the growth and peak', {
    timeout: 240_000,
  }, () => {
    const out = join(dir, 'huge.json');
    const args = ['--huge', '--build-sizes', '20,40', '--runs', '2', '--tmp', join(dir, 'tmp'), '--out', out];
    const r = cli('bench', args, { env: { ASTRO_TELEMETRY_DISABLED: '1' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const line of [
      'build 20 pages, run 1/2: ours',
      'build 20 pages, run 2/2: ours',
      'build 40 pages, run 1/1: ours',
    ])
      expect(r.stdout).toContain(line);
    // The build's own stage lines come with each run.
    expect(r.stdout).toMatch(/^ {2}parse\s+[\d.]+ s/m);
    expect(r.stdout).toMatch(/^huge: T\(40\) \/ T\(20\) = [\d.]+ × for 2 × the pages$/m);
    expect(r.stdout).not.toMatch(/^lint |Starlight/m);

    const { huge, budgets, options, lint } = JSON.parse(readFileSync(out, 'utf8'));
    expect(options.parts).toEqual(['huge']);
    expect(lint).toEqual([]);
    expect(huge.base).toMatchObject({ pages: 20, runsMs: [expect.any(Number), expect.any(Number)] });
    expect(huge.large).toMatchObject({ pages: 40, runsMs: [huge.large.wallMs] });
    expect(huge.factor).toBeCloseTo(huge.large.wallMs / huge.base.wallMs, 2);
    expect(huge.ideal).toBe(2);
    for (const f of [huge.base, huge.large]) {
      expect(f.htmlFiles).toBeGreaterThan(15);
      expect(f.peakRssBytes).toBeGreaterThan(0);
      expect(Object.values(f.peakByProgram).reduce((a: number, b) => a + (b as number), 0)).toBe(
        f.peakRssBytes,
      );
      for (const run of f.runs) {
        const stages = Object.values(run.phasesMs as Record<string, number>);
        expect(stages.length).toBeGreaterThan(2);
        // The stages run one after another inside the measured command.
        expect(stages.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(run.wallMs);
      }
    }
    expect(budgets.map((b: { id: string; holds: boolean }) => [b.id, typeof b.holds])).toEqual([
      ['huge-time', 'boolean'],
      ['huge-peak-rss', 'boolean'],
    ]);
  });
});
