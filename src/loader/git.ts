/**
 * Git plumbing for the commands that compare with, or read history from, the repository that
 * holds the content folder. Plain `git` on PATH, no library: every call is one process.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A git problem the user can fix (no repository, unknown ref, git missing); exit 2. */
export class GitError extends Error {
  override name = 'GitError';
}

const MAX_BUFFER = 1024 * 1024 * 1024;

/** Runs git; throws GitError when git itself cannot be started. */
export function git(args: string[], cwd: string, input?: string) {
  const r = spawnSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER });
  if (r.error)
    throw new GitError(
      `git could not be run (${r.error.message}); the ref form of this command needs git on PATH.`,
    );
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString() };
}

/** The top folder of the repository that holds `cwd`. */
export function repositoryRoot(cwd = process.cwd()): string {
  const r = git(['rev-parse', '--show-toplevel'], cwd);
  if (r.status !== 0) {
    throw new GitError(
      'This is not inside a git repository. Run the command in your playbook repository, or compare two folders with --base DIR --head DIR.',
    );
  }
  return r.stdout.toString().trim();
}

/** The commit a ref names. */
export function resolveCommit(root: string, ref: string): string {
  const commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root);
  if (commit.status !== 0) {
    throw new GitError(
      `Unknown git ref "${ref}". Fetch it first (in GitHub Actions, check out with fetch-depth: 0), or name a branch, tag or commit that exists.`,
    );
  }
  return commit.stdout.toString().trim();
}

/** The content folder as a path inside the repository, with `/` separators. */
export function contentPathIn(root: string, content: string): string {
  const abs = isAbsolute(content) ? content : resolve(root, content);
  const rel = relative(root, abs).split(sep).join('/');
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new GitError(`--content must name a folder inside the repository (${root}), got "${content}".`);
  }
  return rel;
}

/**
 * Writes the files under `contentPath` as they are at `commit` into `target`, keeping their
 * repository paths. Reads every blob through one `git cat-file --batch`, so it needs nothing but
 * git and stays fast with thousands of files. Symbolic links and submodules are skipped, as the
 * loader skips them.
 */
export function materialize(root: string, commit: string, contentPath: string, target: string): void {
  const tree = git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', contentPath], root);
  if (tree.status !== 0)
    throw new GitError(`git could not list ${contentPath} at ${commit}: ${tree.stderr.trim()}`);
  const files: { path: string; blob: string }[] = [];
  for (const record of tree.stdout.toString('utf8').split('\0')) {
    const m = /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(record);
    if (m?.[2] && m[3] && m[1] !== '120000') files.push({ path: m[3], blob: m[2] });
  }
  mkdirSync(join(target, contentPath), { recursive: true });
  if (files.length === 0) return;
  const r = git(['cat-file', '--batch'], root, `${files.map((f) => f.blob).join('\n')}\n`);
  if (r.status !== 0)
    throw new GitError(`git could not read ${contentPath} at ${commit}: ${r.stderr.trim()}`);
  const out = r.stdout;
  let offset = 0;
  for (const file of files) {
    const newline = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, newline).toString();
    const size = Number(header.split(' ')[2]);
    if (!/ blob \d+$/.test(header) || !Number.isFinite(size)) {
      throw new GitError(`git returned an unexpected answer for ${file.path}: ${header}`);
    }
    const body = out.subarray(newline + 1, newline + 1 + size);
    offset = newline + 1 + size + 1;
    const dest = join(target, ...file.path.split('/'));
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, body);
  }
}
