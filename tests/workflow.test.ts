import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers/cli.ts';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const FILE = join(ROOT, '.github', 'workflows', 'playbook.yml');
const text = readFileSync(FILE, 'utf8');
const workflow = parse(text) as Workflow;
const scripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
const allSteps = Object.values(workflow.jobs).flatMap((job) => job.steps);

/** The step of `job` whose `run` or `uses` matches. */
function step(job: string, match: RegExp): Step {
  const found = workflow.jobs[job]!.steps.find((s) => match.test(s.run ?? s.uses ?? ''));
  expect(found, `${job} has a step matching ${match}`).toBeDefined();
  return found!;
}

describe('.github/workflows/playbook.yml', () => {
  test('runs on pull requests and on pushes to main, reading only by default', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  describe('pull requests', () => {
    const job = 'check';

    test('only runs on pull requests, and may upload code scanning results', () => {
      expect(workflow.jobs[job]!.if).toBe("github.event_name == 'pull_request'");
      expect(workflow.jobs[job]!.permissions).toMatchObject({ contents: 'read', 'security-events': 'write' });
    });

    test('checks out the full history and sets up Node 24 before installing', () => {
      const steps = workflow.jobs[job]!.steps;
      expect(steps[0]!.uses).toMatch(/^actions\/checkout@/);
      expect(steps[0]!.with).toMatchObject({ 'fetch-depth': 0 });
      expect(steps[1]!.uses).toMatch(/^actions\/setup-node@/);
      expect(steps[1]!.with).toMatchObject({ 'node-version': 24 });
      expect(steps[2]!.run).toBe('npm ci --no-audit --no-fund');
    });

    test('lints with inline annotations', () => {
      expect(step(job, /--format github/).run).toBe('npm run -s lint -- --format github');
    });

    test('writes a SARIF report and uploads it even when lint failed', () => {
      const sarif = step(job, /--format sarif/);
      expect(sarif.run).toMatch(/^npm run -s lint -- --format sarif > playbook\.sarif/);
      expect(sarif.if).toMatch(/!cancelled\(\)|always\(\)/);
      const upload = step(job, /^github\/codeql-action\/upload-sarif@/);
      expect(upload.if).toMatch(/always\(\)/);
      expect(upload.with).toMatchObject({ sarif_file: 'playbook.sarif' });
    });

    test('checks CODEOWNERS, builds, and writes the change summary', () => {
      expect(step(job, /codeowners/).run).toBe('npm run codeowners -- --check');
      expect(step(job, /npm run build/).run).toBe('npm run build');
      const summary = step(job, /npm run -s diff/);
      expect(summary.run).toBe('npm run -s diff -- "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"');
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
      expect(summary.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    });

    test('type checks, lints and format-checks the code', () => {
      const check = step(job, /npm run check/);
      expect(check.run).toBe('npm run check');
      expect(check.env).toMatchObject({ ASTRO_TELEMETRY_DISABLED: 1 });
    });

    test('later checks still report after a lint failure', () => {
      for (const match of [/codeowners/, /npm run build/, /npm run -s diff/, /npm run check/])
        expect(step(job, match).if).toMatch(/!cancelled\(\)/);
    });
  });

  describe('pushes to main', () => {
    test('build the site and upload dist/ as the Pages artifact', () => {
      expect(workflow.jobs.build!.if).toMatch(/refs\/heads\/main/);
      expect(workflow.jobs.build!.if).not.toMatch(/schedule/);
      step('build', /^actions\/configure-pages@/);
      expect(step('build', /npm run build/).run).toBe('npm run build');
      expect(step('build', /^actions\/upload-pages-artifact@/).with).toEqual({ path: 'dist/' });
    });

    test('check out the full history, for the history section of each page', () => {
      expect(step('build', /^actions\/checkout@/).with).toMatchObject({ 'fetch-depth': 0 });
    });

    test('deploy to GitHub Pages with the permissions it needs', () => {
      const deploy = workflow.jobs.deploy!;
      expect(deploy.needs).toBe('build');
      expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
      expect(deploy.environment).toMatchObject({ name: 'github-pages' });
      expect(deploy.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    });
  });

  describe('weekly review reminders', () => {
    const job = 'reviews';
    const issue = () => step(job, /gh issue/);

    test('run every week, only on the schedule or by hand', () => {
      const schedule = workflow.on.schedule as { cron: string }[];
      expect(schedule).toHaveLength(1);
      // minute hour * * weekday: once a week.
      expect(schedule[0]!.cron).toMatch(/^\d+ \d+ \* \* [0-6]$/);
      expect(workflow.jobs[job]!.if).toBe(
        "github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'",
      );
      for (const other of ['check', 'build']) expect(workflow.jobs[other]!.if).not.toMatch(/schedule/);
      expect(workflow.jobs[job]!.concurrency).toMatchObject({ group: 'playbook-reviews' });
    });

    test('may write issues, and no other job may', () => {
      expect(workflow.jobs[job]!.permissions).toEqual({ contents: 'read', issues: 'write' });
      for (const [name, other] of Object.entries(workflow.jobs))
        if (name !== job) expect(other.permissions?.issues, name).toBeUndefined();
    });

    test('list the reviews due with npm run health, as Markdown for the issue', () => {
      const steps = workflow.jobs[job]!.steps;
      expect(steps.map((s) => s.uses?.split('@')[0] ?? s.run?.split('\n')[0])).toEqual([
        'actions/checkout',
        'actions/setup-node',
        'npm ci --no-audit --no-fund',
        'npm run -s health -- --format markdown > reviews.md',
        expect.stringMatching(/^number=\$\(gh issue list/),
      ]);
      expect(steps[0]!.with).toMatchObject({ 'persist-credentials': false });
      expect(step(job, /--format json/).run).toContain('npm run -s health -- --format json > reviews.json');
    });

    test('the issue step gets its token and title from the environment', () => {
      expect(issue().env).toEqual({
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
        GH_TOKEN: '${{ github.token }}',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
        GH_REPO: '${{ github.repository }}',
        TITLE: 'Playbook reviews due',
      });
    });

    /** Runs the issue step's script with a stand-in `gh` that has `open` as its open issue (or none). */
    function runIssueStep(due: boolean, open: string | undefined): string[] {
      const dir = mkdtempSync(join(tmpdir(), 'playbook-gh-'));
      try {
        writeFileSync(
          join(dir, 'reviews.md'),
          due ? '1 page of the playbook needs a review\n' : 'Every ICP and persona is reviewed in time\n',
        );
        writeFileSync(
          join(dir, 'reviews.json'),
          JSON.stringify({ today: '2026-11-22', owners: due ? [{ owner: '@a', pages: [] }] : [] }),
        );
        const gh = join(dir, 'gh');
        // Open issues as `gh issue list --json number,title` gives them, filtered with the step's --jq.
        const issues = [
          { number: 3, title: 'Playbook reviews due soon?' },
          ...(open ? [{ number: Number(open), title: 'Playbook reviews due' }] : []),
        ];
        writeFileSync(join(dir, 'issues.json'), JSON.stringify(issues));
        writeFileSync(
          gh,
          [
            '#!/bin/sh',
            `echo "$*" >> "${dir}/calls"`,
            'if [ "$1 $2" = "issue list" ]; then',
            '  while [ $# -gt 0 ]; do if [ "$1" = "--jq" ]; then shift; filter="$1"; fi; shift; done',
            `  jq -r "$filter" "${dir}/issues.json"`,
            'fi',
            '',
          ].join('\n'),
        );
        chmodSync(gh, 0o755);
        const r = spawnSync('bash', ['-e', '-c', issue().run!], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, ...issue().env, PATH: `${dir}:${process.env.PATH}` },
        });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        return readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n').slice(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    test.skipIf(spawnSync('jq', ['--version']).status !== 0)('open, update or close one issue', () => {
      expect(runIssueStep(true, undefined)).toEqual([
        'issue create --title Playbook reviews due --body-file reviews.md',
      ]);
      expect(runIssueStep(true, '12')).toEqual(['issue edit 12 --body-file reviews.md']);
      expect(runIssueStep(false, '12')).toEqual([
        'issue close 12 --comment Every ICP and persona is reviewed in time',
      ]);
      expect(runIssueStep(false, undefined)).toEqual([]);
    });
  });

  test.skipIf(spawnSync('actionlint', ['-version']).status !== 0)('passes actionlint', () => {
    const r = spawnSync('actionlint', [FILE], { encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  test('installs exactly the lockfile in every job that runs npm', () => {
    for (const job of ['check', 'build', 'reviews'])
      expect(step(job, /^npm (ci|install|i)\b/).run).toBe('npm ci --no-audit --no-fund');
    expect(allSteps.filter((s) => /^npm (install|i)\b/.test(s.run ?? ''))).toEqual([]);
  });

  test('every `npm run X` names a script in package.json', () => {
    const runs = allSteps.flatMap((s) =>
      [...(s.run ?? '').matchAll(/npm run(?:\s+(?:-s|--silent))?\s+([\w:.-]+)/g)].map((m) => m[1]!),
    );
    expect(runs.length).toBeGreaterThanOrEqual(6);
    for (const name of runs) expect(Object.keys(scripts), `npm run ${name}`).toContain(name);
  });

  test('pins every action to a full commit SHA with a version comment', () => {
    const uses = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
    expect(uses.length).toBe(allSteps.filter((s) => s.uses).length);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  test('uses the same release of an action everywhere', () => {
    const refs = new Map<string, Set<string>>();
    for (const s of allSteps.filter((x) => x.uses)) {
      const [action, sha] = s.uses!.split('@') as [string, string];
      refs.set(action, (refs.get(action) ?? new Set()).add(sha));
    }
    for (const [action, shas] of refs) expect(shas.size, action).toBe(1);
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: names GitHub Actions' expression syntax
  test('puts no ${{ }} expression inside a shell script', () => {
    for (const s of allSteps) expect(s.run ?? '', s.name).not.toMatch(/\$\{\{/);
  });
});
