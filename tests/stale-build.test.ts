/**
 * Time alone never breaks main (§8.11): the example playbook, untouched, still builds ten years on.
 * Its overdue pages are warnings in the report and carry an "overdue for review" notice.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from './site-build.ts';

const LATER = '2036-11-30';
const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
  PLAYBOOK_CONTENT_DIR: '',
  PLAYBOOK_TODAY: '',
};
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [script, '--content', join(ROOT, 'content'), '--today', LATER, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });

let tmp: string;
let build: ReturnType<typeof spawnSync>;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'playbook-later-'));
  build = run('scripts/build.ts', ['--out', join(tmp, 'dist')]);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe(`the example playbook on ${LATER}`, () => {
  test('lints with stale-review warnings only, and exits 0', () => {
    const lint = run('scripts/lint.ts', ['--format', 'json']);
    expect(lint.status).toBe(0);
    const { diagnostics, summary } = JSON.parse(lint.stdout) as {
      diagnostics: { rule: string; severity: string }[];
      summary: { errors: number; warnings: number };
    };
    expect(summary.errors).toBe(0);
    expect(summary.warnings).toBeGreaterThan(0);
    expect(new Set(diagnostics.map((d) => `${d.rule} ${d.severity}`))).toEqual(
      new Set(['stale-review warning']),
    );
  });

  test('builds, and each overdue ICP and persona page says it is overdue for review', () => {
    expect(build.stderr).not.toMatch(/Unexpected failure/);
    expect(build.status).toBe(0);
    for (const route of ['icps/midmarket-saas', 'personas/cfo-henrik']) {
      const html = readFileSync(join(tmp, 'dist', route, 'index.html'), 'utf8');
      expect(html).toMatch(/<p class="banner banner-overdue"[^>]*><strong>Overdue for review\.<\/strong>/);
      expect(html).toMatch(/the review was due on \d{4}-\d{2}-\d{2} \(overdue by [\d,]+ days\)/);
    }
  });
});
