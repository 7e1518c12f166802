/**
 * Scratch git repositories for tests of commands that read git (`--base REF`): deterministic author and
 * dates, no user or system configuration, no signing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Rita Revops',
  GIT_AUTHOR_EMAIL: 'rita@example.com',
  GIT_COMMITTER_NAME: 'Rita Revops',
  GIT_COMMITTER_EMAIL: 'rita@example.com',
  GIT_AUTHOR_DATE: '2026-11-02T10:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-02T10:00:00Z',
};

/** Runs git in `repo`; throws with git's message when it fails. */
export function git(repo: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, ...ENV } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Writes files (path → text) into the repository's working tree. */
export function writeFiles(repo: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
}

/** Stages everything and commits it. */
export function commitAll(repo: string, message: string): void {
  git(repo, 'add', '-A');
  git(repo, '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message);
}

/** A new repository on branch `main` with `files` as its first commit. */
export function gitRepo(files: Record<string, string>, prefix = 'playbook-git-'): string {
  const repo = mkdtempSync(join(tmpdir(), prefix));
  git(repo, 'init', '-q', '-b', 'main');
  writeFiles(repo, files);
  commitAll(repo, 'First version');
  return repo;
}
