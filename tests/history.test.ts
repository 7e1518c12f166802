/**
 * History on ICP and persona pages (DESIGN §11): a scratch git repository with three commits to an
 * ICP, built for real; a copy without `.git` builds and says there is no history; a shallow clone
 * says so too.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { readContentHistory } from '../src/loader/git.ts';
import { writePlaybook } from './helpers/cli.ts';
import { cleanPlaybook, icp, mdx } from './helpers/playbook.ts';
import { runBuild } from './site-build.ts';

const scoring = (threshold: number) => ({
  threshold,
  rules: [{ label: 'Large team', field: 'employees', min: 500, weight: 10 }],
});
const extraMustHave = { label: 'Ships weekly', field: 'growth_rate', min: 10 };

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Rita Revops',
      GIT_AUTHOR_EMAIL: 'rita@example.com',
      GIT_COMMITTER_NAME: 'Rita Revops',
      GIT_COMMITTER_EMAIL: 'rita@example.com',
      ...env,
    },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function commit(repo: string, message: string, date: string) {
  run('git', ['add', '-A'], repo);
  run('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message], repo, {
    GIT_AUTHOR_DATE: `${date}T10:00:00Z`,
    GIT_COMMITTER_DATE: `${date}T10:00:00Z`,
  });
}

/** The history section of a built page, as text. */
function historyOf(dist: string, route: string): string {
  const html = readFileSync(join(dist, route, 'index.html'), 'utf8');
  const section = /<section class="history[^"]*"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  return section
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

let repo: string;
let content: string;
let built: ReturnType<typeof runBuild>;
let copy: string;
let copied: ReturnType<typeof runBuild>;

beforeAll(() => {
  // The content folder sits below the repository root, as in a real playbook repository.
  const files = {
    ...cleanPlaybook(),
    'playbook.yaml': stringify({ repo_url: 'https://github.com/acme/gtm', content_path: 'docs/content' }),
  };
  repo = writePlaybook(
    Object.fromEntries(Object.entries(files).map(([path, text]) => [`docs/content/${path}`, text])),
    'playbook-history-',
  );
  content = join(repo, 'docs', 'content');
  const icpFile = join(content, 'icps', 'midmarket.mdx');
  writeFileSync(icpFile, mdx(icp({ scoring: scoring(65) }), 'Who we sell to.\n'));
  run('git', ['init', '-q', '-b', 'main'], repo);
  commit(repo, 'Add the mid-market ICP', '2026-10-01');
  writeFileSync(
    icpFile,
    mdx(
      icp({ scoring: scoring(70), must_haves: [...(icp().must_haves as unknown[]), extraMustHave] }),
      'Who we sell to.\n',
    ),
  );
  commit(repo, 'Raise the bar for mid-market', '2026-10-15');
  writeFileSync(
    icpFile,
    mdx(
      icp({
        scoring: scoring(70),
        must_haves: [...(icp().must_haves as unknown[]), extraMustHave],
        pains: ['Month-end reporting takes a week', 'Forecasts miss by 10%'],
        last_reviewed: '2026-11-01',
      }),
      'Who we sell to.\n',
    ),
  );
  commit(repo, 'Quarterly review', '2026-11-01');
  built = runBuild(content, join(repo, 'dist'));

  copy = mkdtempSync(join(tmpdir(), 'playbook-nogit-'));
  cpSync(content, join(copy, 'content'), { recursive: true });
  copied = runBuild(join(copy, 'content'), join(copy, 'dist'));
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(copy, { recursive: true, force: true });
});

describe('history on ICP and persona pages', () => {
  test('three commits to an ICP show as three entries, newest first, with what changed', () => {
    expect(built.stderr).not.toMatch(/Unexpected failure/);
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(/history\s+\d+\.\d+ s .* 3 pages/);
    expect(historyOf(join(repo, 'dist'), 'icps/midmarket')).toBe(
      [
        'History',
        '2026-11-01 · Rita Revops · Quarterly review Pains: 1 added; Reviewed 2026-11-01',
        '2026-10-15 · Rita Revops · Raise the bar for mid-market Threshold 65 → 70; Must-have added: Ships weekly',
        '2026-10-01 · Rita Revops · Add the mid-market ICP Created',
      ].join(' '),
    );
    const html = readFileSync(join(repo, 'dist', 'icps', 'midmarket', 'index.html'), 'utf8');
    const head = run('git', ['rev-parse', 'HEAD'], repo).trim();
    expect(html).toContain(`<a href="https://github.com/acme/gtm/commit/${head}">Quarterly review</a>`);
    expect(historyOf(join(repo, 'dist'), 'personas/analytics-alex')).toBe(
      'History 2026-10-01 · Rita Revops · Add the mid-market ICP Created',
    );
  });

  test('a copy without .git builds and says there is no history', () => {
    expect(copied.status).toBe(0);
    expect(copied.stdout).toMatch(/history\s+\d+\.\d+ s .*No history available/);
    expect(historyOf(join(copy, 'dist'), 'icps/midmarket')).toBe(
      'History No history available: the content folder is not in a git repository.',
    );
  });

  test('a shallow clone says so', () => {
    const shallow = mkdtempSync(join(tmpdir(), 'playbook-shallow-'));
    try {
      run('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow], tmpdir());
      expect(readContentHistory(join(shallow, 'docs', 'content'))).toEqual({
        available: false,
        reason: 'No history available: the repository is a shallow clone (fetch its full history).',
      });
    } finally {
      rmSync(shallow, { recursive: true, force: true });
    }
  });
});
