import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseAccounts } from '../src/core/score/accounts.ts';
import { backtest, type Deal } from '../src/core/score/backtest.ts';
import { diffPlaybooks, formatDiffJson, formatDiffMarkdown, type BacktestFigures, type DiffSide } from '../src/core/change/diff.ts';
import { lintSources } from '../src/core/lint/engine.ts';
import { ConfigError, loadPlaybook, resolveToday, type LoadedPlaybook } from '../src/loader/index.ts';
import { EXIT_OK, isoDateOption, main, parse, UsageError } from '../src/loader/cli.ts';

const USAGE = `Usage: npm run diff -- BASE_REF [--content DIR] [--format markdown|json] [--today YYYY-MM-DD]
       npm run diff -- --base DIR --head DIR [--format markdown|json] [--today YYYY-MM-DD]

Summarises what changed in the playbook between a git ref (e.g. origin/main) and the working tree,
or between two content folders: ICPs and personas added, removed, renamed, personas moved between
ICPs, fit criteria, DMU coverage, new and fixed lint findings, and backtest precision and recall
when content/data/deals.csv exists.
  --content DIR   the content folder inside the repository (default: content)
Exit codes: 0 summary printed, 2 bad usage, unknown ref or configuration failure.`;

const FORMATS = ['markdown', 'json'] as const;
/** Where past deals live inside the content folder, for the backtest. */
const DEALS_FILE = join('data', 'deals.csv');

await main(USAGE, () => {
  const { values, positionals } = parse({
    content: { type: 'string' },
    base: { type: 'string' },
    head: { type: 'string' },
    format: { type: 'string', default: 'markdown' },
    today: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}".`);
  const today = isoDateOption(values.today, '--today') ?? isoDateOption(resolveToday(undefined), 'PLAYBOOK_TODAY')!;

  let base: LoadedPlaybook;
  let head: LoadedPlaybook;
  let cleanup = () => {};
  if (values.base !== undefined || values.head !== undefined) {
    if (values.base === undefined || values.head === undefined) throw new UsageError('Pass both --base DIR and --head DIR, or one git ref.');
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}": with --base and --head, give no git ref.`);
    if (values.content !== undefined) throw new UsageError('--content applies to a git ref; with --base and --head, name the two content folders.');
    base = loadPlaybook({ content: values.base });
    head = loadPlaybook({ content: values.head });
  } else {
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `Unexpected argument "${positionals[1]}".` : 'Name the git ref to compare with, e.g. origin/main.');
    const root = repositoryRoot();
    const ref = positionals[0]!;
    const commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root);
    if (commit.status !== 0) throw new UsageError(`Unknown git ref "${ref}". Fetch it first (in GitHub Actions, check out with fetch-depth: 0), or name a branch, tag or commit that exists.`);
    const contentPath = contentPathIn(root, values.content ?? process.env.PLAYBOOK_CONTENT_DIR ?? 'content');
    const scratch = mkdtempSync(join(tmpdir(), 'playbook-diff-'));
    cleanup = () => rmSync(scratch, { recursive: true, force: true });
    try {
      materialize(root, commit.stdout.toString().trim(), contentPath, scratch);
      try {
        base = loadPlaybook({ content: join(scratch, contentPath), cwd: scratch });
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        // The pull request may be what repairs the configuration: compare with an empty playbook.
        process.stderr.write(`Note: ${ref} has an unusable configuration (${error.message.split('\n')[0]}); comparing with an empty playbook.\n`);
        const empty = join(scratch, '.empty');
        mkdirSync(empty);
        base = loadPlaybook({ content: empty, cwd: scratch });
      }
      head = loadPlaybook({ content: join(root, contentPath), cwd: root });
    } catch (error) {
      cleanup();
      throw error;
    }
  }
  try {
    const diff = diffPlaybooks(side(base, today), side(head, today));
    process.stdout.write(format === 'json' ? `${formatDiffJson(diff)}\n` : formatDiffMarkdown(diff));
  } finally {
    cleanup();
  }
  return EXIT_OK;
});

/** Lints one version and backtests its ICPs when it has a deals file. */
function side(playbook: LoadedPlaybook, today: string): DiffSide {
  for (const notice of playbook.notices) process.stderr.write(`${notice}\n`);
  const { diagnostics, graph } = lintSources(playbook.sources, { config: playbook.config, today });
  const result: DiffSide = { graph, diagnostics, config: playbook.config };
  const dealsFile = join(playbook.dir, DEALS_FILE);
  if (existsSync(dealsFile)) {
    const parsed = parseAccounts(readFileSync(dealsFile, 'utf8'), { outcomes: true });
    const deals: Deal[] = parsed.rows.flatMap((r) => (r.outcome ? [{ account: r.account, outcome: r.outcome }] : []));
    if (deals.length > 0) {
      const figures: Record<string, BacktestFigures> = {};
      for (const b of backtest([...graph.icps.values()], deals).icps) figures[b.icp] = { precision: b.fit.precision, recall: b.fit.recall };
      result.backtest = figures;
    }
  }
  return result;
}

function git(args: string[], cwd: string) {
  const r = spawnSync('git', args, { cwd, maxBuffer: 1024 * 1024 * 1024 });
  if (r.error) throw new UsageError(`git could not be run (${r.error.message}); the ref form of this command needs git on PATH.`);
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString() };
}

function repositoryRoot(): string {
  const r = git(['rev-parse', '--show-toplevel'], process.cwd());
  if (r.status !== 0) throw new UsageError('This is not inside a git repository. Run the command in your playbook repository, or compare two folders with --base DIR --head DIR.');
  return r.stdout.toString().trim();
}

/** The content folder as a path inside the repository, with `/` separators. */
function contentPathIn(root: string, content: string): string {
  const abs = isAbsolute(content) ? content : resolve(root, content);
  const rel = relative(root, abs).split(sep).join('/');
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`--content must name a folder inside the repository (${root}), got "${content}".`);
  return rel;
}

/**
 * Writes the files under `contentPath` as they are at `commit` into `target`, keeping their
 * repository paths. Reads every blob through one `git cat-file --batch`, so it needs nothing but
 * git and stays fast with thousands of files. Symbolic links and submodules are skipped, as the
 * loader skips them.
 */
function materialize(root: string, commit: string, contentPath: string, target: string): void {
  const tree = git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', contentPath], root);
  if (tree.status !== 0) throw new UsageError(`git could not list ${contentPath} at ${commit}: ${tree.stderr.trim()}`);
  const files: { path: string; blob: string }[] = [];
  for (const record of tree.stdout.toString('utf8').split('\0')) {
    const m = /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(record);
    if (m && m[1] !== '120000') files.push({ path: m[3]!, blob: m[2]! });
  }
  mkdirSync(join(target, contentPath), { recursive: true });
  if (files.length === 0) return;
  const r = spawnSync('git', ['cat-file', '--batch'], { cwd: root, input: files.map((f) => f.blob).join('\n') + '\n', maxBuffer: 1024 * 1024 * 1024 });
  if (r.status !== 0) throw new UsageError(`git could not read ${contentPath} at ${commit}: ${r.stderr.toString().trim()}`);
  const out = r.stdout;
  let offset = 0;
  for (const file of files) {
    const newline = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, newline).toString();
    const size = Number(header.split(' ')[2]);
    if (!/ blob \d+$/.test(header) || !Number.isFinite(size)) throw new UsageError(`git returned an unexpected answer for ${file.path}: ${header}`);
    const body = out.subarray(newline + 1, newline + 1 + size);
    offset = newline + 1 + size + 1;
    const dest = join(target, ...file.path.split('/'));
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, body);
  }
}
