/**
 * Git plumbing for the commands that compare with, or read history from, the repository that
 * holds the content folder. Plain `git` on PATH, no library: every call is one process.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  buildHistory,
  type FileChange,
  type HistoryType,
  knownVersions,
  MAX_HISTORY,
  type SiteHistory,
} from '../core/change/history.ts';
import { displayName, type Graph } from '../core/graph/graph.ts';
import type { Config } from '../schema/index.ts';
import { GitError } from './errors.ts';

export { GitError };

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

// ---------------------------------------------------------------------------------------------
// Page history

/** A file's changes, newest first, as read from git. */
interface FileLog {
  type: HistoryType;
  id: string;
  /** Per commit, the blobs before and after (undefined when added or deleted). */
  commits: {
    commit: string;
    date: string;
    author: string;
    subject: string;
    before?: string;
    after?: string;
  }[];
}

const NO_BLOB = /^0+$/;
const HISTORY_FOLDERS: Record<HistoryType, string> = { icp: 'icps', persona: 'personas' };

/**
 * Reads the last changes of every ICP and persona file in one pass: one `git log` over the two
 * folders (commits with the blobs each changed, no patches), then one `git cat-file --batch` for
 * all the blobs those changes need. Files are keyed by their path in the content folder
 * (`icps/x.mdx`). Never throws: without git, outside a repository or in a shallow clone it says why.
 */
export function readContentHistory(
  contentDir: string,
  maxPerFile = MAX_HISTORY,
  /** Texts already in memory, by git blob id (see `blobId`): not read again. */
  known: ReadonlyMap<string, string> = new Map(),
):
  | { available: true; files: Map<string, { type: HistoryType; id: string; changes: FileChange[] }> }
  | {
      available: false;
      reason: string;
    } {
  const unavailable = (why: string) => ({
    available: false as const,
    reason: `No history available: ${why}.`,
  });
  let root: string;
  try {
    const r = git(['rev-parse', '--show-toplevel', '--is-shallow-repository'], contentDir);
    if (r.status !== 0) return unavailable('the content folder is not in a git repository');
    const [top, shallow] = r.stdout.toString().trim().split('\n');
    if (shallow === 'true') return unavailable('the repository is a shallow clone (fetch its full history)');
    root = top!;
  } catch {
    return unavailable('git is not installed');
  }
  const rel = relative(root, realpathSync(contentDir)).split(sep).join('/');
  const prefix = rel ? `${rel}/` : '';
  const log = git(
    [
      '--literal-pathspecs',
      'log',
      '--no-merges',
      '--no-renames',
      '--raw',
      '--no-abbrev',
      '-z',
      '--format=%x1e%H%x1f%aI%x1f%an%x1f%s',
      '--',
      ...Object.values(HISTORY_FOLDERS).map((f) => `${prefix}${f}/`),
    ],
    root,
  );
  if (log.status !== 0) return unavailable(`git log failed (${log.stderr.trim().split('\n')[0]})`);
  const logs = new Map<string, FileLog>();
  const folderType = new Map(
    Object.entries(HISTORY_FOLDERS).map(([t, f]) => [`${prefix}${f}/`, t as HistoryType]),
  );
  for (const chunk of log.stdout.toString('utf8').split('\x1e')) {
    const end = chunk.indexOf('\0');
    if (end === -1) continue;
    const [commit, date, author, subject] = chunk.slice(0, end).split('\x1f');
    if (!commit || !date) continue;
    const records = chunk
      .slice(end + 1)
      .replace(/^\n/, '')
      .split('\0');
    for (let i = 0; i + 1 < records.length; i += 2) {
      const m = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) [A-Z]/.exec(records[i]!);
      const path = records[i + 1]!;
      const slash = path.lastIndexOf('/') + 1;
      const type = folderType.get(path.slice(0, slash));
      const name = path.slice(slash);
      if (!m || !type || !name.endsWith('.mdx')) continue;
      const key = path.slice(prefix.length);
      const file = logs.get(key) ?? { type, id: name.slice(0, -4), commits: [] };
      logs.set(key, file);
      if (file.commits.length >= maxPerFile) continue;
      file.commits.push({
        commit,
        date: date.slice(0, 10),
        author: author ?? '',
        subject: subject ?? '',
        before: NO_BLOB.test(m[1]!) ? undefined : m[1],
        after: NO_BLOB.test(m[2]!) ? undefined : m[2],
      });
    }
  }
  // Only edits are compared: an added or deleted file needs no text ("Created", "Deleted").
  const edits = [...logs.values()].flatMap((f) => f.commits.filter((c) => c.before && c.after));
  const blobs = [...new Set(edits.flatMap((c) => [c.before!, c.after!]))].filter((b) => !known.has(b));
  const texts = readBlobs(root, blobs);
  for (const [blob, text] of known) texts.set(blob, text);
  const files = new Map<string, { type: HistoryType; id: string; changes: FileChange[] }>();
  for (const [key, f] of logs) {
    files.set(key, {
      type: f.type,
      id: f.id,
      changes: f.commits.map((c) => ({
        commit: c.commit,
        date: c.date,
        author: c.author,
        subject: c.subject,
        before: c.before === undefined ? undefined : (texts.get(c.before) ?? ''),
        after: c.after === undefined ? undefined : (texts.get(c.after) ?? ''),
      })),
    });
  }
  return { available: true, files };
}

/** The id git gives a file with this text (UTF-8, as the loader read it). */
export function blobId(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The texts of blobs, by id, read through one `git cat-file --batch`; missing blobs are left out. */
function readBlobs(root: string, blobs: string[]): Map<string, string> {
  const texts = new Map<string, string>();
  if (blobs.length === 0) return texts;
  const r = git(['cat-file', '--batch'], root, `${blobs.join('\n')}\n`);
  if (r.status !== 0) return texts;
  const out = r.stdout;
  let offset = 0;
  for (const blob of blobs) {
    const newline = out.indexOf(0x0a, offset);
    if (newline === -1) break;
    const header = out.subarray(offset, newline).toString();
    if (header.endsWith(' missing')) {
      offset = newline + 1;
      continue;
    }
    const size = Number(header.split(' ')[2]);
    if (!Number.isFinite(size)) break;
    texts.set(blob, out.toString('utf8', newline + 1, newline + 1 + size));
    offset = newline + 1 + size + 1;
  }
  return texts;
}

/**
 * The history of every ICP and persona page of the playbook in `contentDir`, for the build. Call it
 * before the entries drop their text (`compactForSite`): the current versions are then not parsed
 * again. Never throws: any problem reading git becomes a page section that says there is no history.
 */
export function readSiteHistory(contentDir: string, graph: Graph, config: Config): SiteHistory {
  try {
    // The files as they are usually match the newest commit: their texts need not come from git.
    const known = new Map<string, string>();
    for (const e of graph.entries)
      if (e.text !== undefined && (e.type === 'icp' || e.type === 'persona'))
        known.set(blobId(e.text), e.text);
    const read = readContentHistory(contentDir, MAX_HISTORY, known);
    if (!read.available) return read;
    const current = new Map([...read.files].filter(([, f]) => graph.all[f.type].has(f.id)));
    const icpName = (id: string) => {
      const icp = graph.icps.get(id);
      return icp ? displayName(icp) : undefined;
    };
    return buildHistory(current, { config, icpName, versions: knownVersions(graph.entries) });
  } catch (error) {
    return {
      available: false,
      reason: `No history available: git history could not be read (${(error as Error).message}).`,
    };
  }
}
