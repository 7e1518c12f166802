/** The build's processes: model stage, render stage, search; and what a failing lint leaves behind. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fileHashes } from './helpers/files.ts';
import { ROOT, runBuild, SITE_FIXTURE } from './site-build.ts';

const work = mkdtempSync(join(tmpdir(), 'playbook-stages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The default build of the site fixture into `<work>/ok`, run once for the tests that need it. */
let okBuild: ReturnType<typeof runBuild> | undefined;
const buildOk = () => (okBuild ??= runBuild(SITE_FIXTURE, join(work, 'ok')));

/** Static imports of a module, resolved to project paths (relative specifiers only). */
function staticImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/^import\s[^;]*?from\s*'([^']+)'/gms)].map((m) => m[1]!);
  return specs.map((s) => (s.startsWith('.') ? join(file, '..', s) : s));
}

describe('every command', () => {
  test("keeps the code it compiles in Node's compile cache under node_modules/.cache, for the next run", () => {
    const probe = [
      "import { getCompileCacheDir } from 'node:module';",
      "import { command } from './src/loader/cli.ts';",
      'await command({ usage: "", options: {} }, () => { console.log(getCompileCacheDir()); return 0; });',
    ].join('\n');
    const env = { ...process.env };
    delete env.NODE_COMPILE_CACHE;
    delete env.NODE_DISABLE_COMPILE_CACHE;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
      cwd: ROOT,
      encoding: 'utf8',
      env,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().startsWith(join(ROOT, 'node_modules', '.cache', 'node-compile'))).toBe(true);
    const off = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...env, NODE_DISABLE_COMPILE_CACHE: '1' },
    });
    expect(off.stdout.trim()).toBe('undefined');
  });
});

describe('the build', () => {
  test('loads nothing heavy in the parent before its children finish: only node: modules and the CLI helpers', () => {
    const seen = new Set<string>();
    const queue = ['src/loader/build.ts'];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of staticImports(file)) {
        if (spec.startsWith('node:')) continue;
        queue.push(spec);
      }
    }
    expect([...seen].sort()).toEqual([
      'src/loader/build.ts',
      'src/loader/cli.ts',
      'src/loader/errors.ts',
      'src/schema/dates.ts',
    ]);
  });

  test('hands the site model from the model stage to the render stage and indexes after them', () => {
    const out = join(work, 'ok');
    const r = buildOk();
    expect(r.status, r.stderr).toBe(0);
    const stages = [...r.stdout.matchAll(/^ {2}(\w+)\s+[\d.]+ s\s/gm)].map((m) => m[1]);
    expect(stages).toEqual([
      'load',
      'parse',
      'lint',
      'history',
      'model',
      'read',
      'astro',
      'data',
      'search',
      'admin',
    ]);
    expect(r.stdout).toMatch(/model\s+[\d.]+ s\s+\d+ MB\s+[\d.]+ MB handed to the render stage/);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  test('indexes pages while Astro renders, and the search files are the same, byte for byte', () => {
    const ok = buildOk();
    expect(ok.status, ok.stderr).toBe(0);
    const out = join(work, 'early');
    // Runs of two pages: some start as soon as Astro has written two searchable pages.
    const r = runBuild(SITE_FIXTURE, out, undefined, { PLAYBOOK_SEARCH_RUN_PAGES: '2' });
    expect(r.status, r.stderr).toBe(0);
    const line = r.stdout.match(
      /search .* (\d+) pages indexed in (\d+) Pagefind runs \((\d+) while rendering\)/,
    );
    expect(line, r.stdout).not.toBeNull();
    const [pages, runs, early] = line!.slice(1).map(Number) as [number, number, number];
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThanOrEqual(pages);
    expect(runs).toBeGreaterThanOrEqual(Math.ceil(pages / 2));
    expect(ok.stdout).toContain(`${pages} pages indexed in 1 Pagefind run (`);
    expect(fileHashes(join(out, 'pagefind'))).toEqual(fileHashes(join(work, 'ok', 'pagefind')));
  });

  test('a configuration error in the admin stage ends the build with exit 2, after the search, with its message', () => {
    const out = join(work, 'admin-error');
    const r = runBuild(SITE_FIXTURE, out, undefined, { PLAYBOOK_CMS_OAUTH_URL: 'auth.acme.com' });
    expect(r.status, r.stdout).toBe(2);
    expect(r.stderr).toMatch(
      /^Configuration error: PLAYBOOK_CMS_OAUTH_URL is "auth\.acme\.com", which must be a URL/m,
    );
    expect(r.stdout).toMatch(/^ {2}search /m);
    expect(r.stdout).not.toMatch(/^ {2}admin |^Done in/m);
    expect(existsSync(join(out, 'admin', 'config.yml'))).toBe(false);
  });

  test('stops after the model stage on a lint error: exit 1, the findings, no output folder', () => {
    const content = join(work, 'broken');
    cpSync(SITE_FIXTURE, content, { recursive: true });
    const file = join(content, 'personas', 'cfo-carla.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^seniority: .*$/m, 'seniority: wizard'));
    const out = join(work, 'broken-out');
    const r = runBuild(content, out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cfo-carla.mdx');
    expect(r.stderr).toContain('Build stopped: fix the errors above');
    expect(r.stdout).not.toMatch(/^ {2}astro /m);
    expect(existsSync(out)).toBe(false);
  });
});
