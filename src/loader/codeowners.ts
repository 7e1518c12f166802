/**
 * `npm run codeowners`: writes the owners of every ICP and persona into a CODEOWNERS file, or
 * (`check`) says whether the file is current. Lines outside the generated block are kept.
 *
 * With `base` (a git ref, in CI the pull request's base branch), the check tells a file that merely
 * lags behind the content apart from one that was written wrong: when a change adds a persona or moves
 * owners and leaves the generated block exactly as the base branch has it, that is a notice and exit 0,
 * so a pull request made in the browser editor can pass; a generated block changed in the pull request
 * that disagrees with the content is still an error.
 */
import { appendFileSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import {
  buildCodeowners,
  type CodeownersVerdict,
  checkCodeowners,
  formatCodeownersMarkdown,
  githubNotice,
  mergeCodeowners,
} from '../core/change/codeowners.ts';
import { formatGithub } from '../core/lint/format/github.ts';
import { count } from '../core/words.ts';
import { EXIT_FINDINGS, EXIT_OK, say, UsageError, warn } from './cli.ts';
import { GitError, git, repositoryRoot, resolveCommit } from './git.ts';
import { runPipeline } from './pipeline.ts';

const MAX_LISTED = 10;

export interface CodeownersOptions {
  content?: string;
  /** The CODEOWNERS file to write or check. */
  out: string;
  check: boolean;
  /** With `check`: the git ref the change goes into; a file left as it is there may lag behind. */
  base?: string;
  /** With `check`: a Markdown file to append what was found to (for the change summary). */
  summary?: string;
  env?: Record<string, string | undefined>;
}

/** Writes or checks the CODEOWNERS file; returns the exit code. */
export async function syncCodeowners(options: CodeownersOptions): Promise<number> {
  const { content, out, check } = options;
  if (!check && (options.base !== undefined || options.summary !== undefined))
    throw new UsageError('--base and --summary go with --check.');
  const { graph, playbook } = await runPipeline({ content, lint: false, onNotice: warn });
  const { block, rows, problems } = buildCodeowners(graph, { contentPath: playbook.config.content_path });
  if (problems.length > 0) {
    for (const p of problems) warn(`${p.file}:${p.line}:${p.column}  ${p.message}\n    ${p.hint}`);
    const fix = `fix the owners above (${count(problems.length, 'problem')}) so every file gets a reviewer.`;
    warn(`\n${out} was ${check ? 'not checked' : 'not written'}: ${fix}`);
    return EXIT_FINDINGS;
  }
  const file = resolve(out);
  let existing: string | undefined;
  try {
    existing = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new UsageError(`${out} cannot be read: ${(error as Error).message}`);
  }
  const expected = mergeCodeowners(existing, block);
  const summary = `${count(rows.length, 'file')}, ${count(new Set(rows.flatMap((r) => r.owners)).size, 'owner')}`;
  if (check) {
    const base =
      options.base === undefined ? undefined : { ref: options.base, text: fileAtRef(options.base, out) };
    const verdict = checkCodeowners({ current: existing, expected, base });
    if (options.summary !== undefined) {
      const markdown = formatCodeownersMarkdown(verdict, out);
      if (markdown) appendFileSync(options.summary, markdown);
    }
    return report(verdict, out, summary, options.base, options.env ?? process.env);
  }
  if (existing?.replace(/\r\n/g, '\n') === expected) {
    say(`${out} is already up to date (${summary}).`);
    return EXIT_OK;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, expected);
  say(`Wrote ${out} (${summary}).`);
  return EXIT_OK;
}

/** The text of `out` (a path relative to the current directory) at a git ref, or undefined when it has none. */
function fileAtRef(ref: string, out: string): string | undefined {
  const cwd = realpathSync(process.cwd());
  const root = repositoryRoot(cwd);
  const commit = resolveCommit(root, ref);
  const path = relative(root, resolve(cwd, out)).split(sep).join('/');
  if (path === '' || path.startsWith('..') || isAbsolute(path))
    throw new GitError(`--base needs ${out} to be inside the repository (${root}).`);
  const tree = git(['ls-tree', '-z', '--full-tree', commit, '--', path], root);
  if (tree.status !== 0) throw new GitError(`git could not list ${path} at ${ref}: ${tree.stderr.trim()}`);
  const blob = /^\d+ blob ([0-9a-f]+)\t/.exec(tree.stdout.toString('utf8'))?.[1];
  if (blob === undefined) return undefined;
  const text = git(['cat-file', 'blob', blob], root);
  if (text.status !== 0) throw new GitError(`git could not read ${path} at ${ref}: ${text.stderr.trim()}`);
  return text.stdout.toString('utf8');
}

function list(title: string, lines: string[], write = warn): void {
  if (lines.length === 0) return;
  write(title);
  for (const line of lines.slice(0, MAX_LISTED)) write(`  ${line}`);
  if (lines.length > MAX_LISTED) write(`  …and ${lines.length - MAX_LISTED} more`);
}

function report(
  verdict: CodeownersVerdict,
  out: string,
  summary: string,
  base: string | undefined,
  env: Record<string, string | undefined>,
): number {
  const fix = `Run \`npm run codeowners\` and commit ${out}`;
  const inActions = env.GITHUB_ACTIONS === 'true';
  switch (verdict.kind) {
    case 'current':
      say(`${out} is up to date (${summary}).`);
      return EXIT_OK;
    case 'missing':
      warn(`${out} is missing. ${fix}, so the owners of each ICP and persona review changes to it.`);
      return EXIT_FINDINGS;
    case 'behind': {
      const message = `${out} is behind the owners in the content, as it is on ${base}: this change adds or moves owners and leaves the file alone, which is fine. GitHub asks the owners listed on ${base} for reviews; after the merge, \`npm run codeowners\` on ${base} brings the file up to date.`;
      say(message);
      list('Lines it will gain:', verdict.missing, say);
      list('Lines it will lose:', verdict.extra, say);
      if (inActions) say(githubNotice(out, 'codeowners', message));
      return EXIT_OK;
    }
    case 'out-of-date': {
      const message = verdict.edited
        ? `${out} was changed in this branch and disagrees with the owners in the content.`
        : `${out} is out of date with the owners in the content.`;
      warn(message);
      list('Lines it should have:', verdict.missing);
      list('Lines it should no longer have:', verdict.extra);
      const undo = verdict.edited ? `, or restore its generated block as it is on ${base}` : '';
      warn(`${fix}${undo}.`);
      if (inActions) {
        // A check-run annotation, so the fix is visible without opening the log.
        const lines = [
          ...verdict.missing.map((l) => `add: ${l}`),
          ...verdict.extra.map((l) => `remove: ${l}`),
        ];
        const hint = `${fix}${undo}, or edit it by hand:\n${lines.join('\n')}`;
        say(
          formatGithub([
            { file: out, line: 1, column: 1, rule: 'codeowners', severity: 'error', message, hint },
          ]),
        );
      }
      return EXIT_FINDINGS;
    }
  }
}
