/**
 * What a change does to the playbook (`npm run diff`): loads two versions (a git ref and the
 * working tree, or two folders), lints each, backtests each version's ICPs on its past deals,
 * and hands both to the diff engine in src/core/change.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DiffSide, diffPlaybooks, type PlaybookDiff } from '../core/change/diff.ts';
import { parseAccounts } from '../core/score/accounts.ts';
import { backtestFigures } from '../core/score/backtest.ts';
import { contentPathIn, materialize, repositoryRoot, resolveCommit } from './git.ts';
import { ConfigError, type LoadOptions } from './index.ts';
import { runPipeline } from './pipeline.ts';

/** Where past deals live inside the content folder, for the backtest. */
const DEALS_FILE = join('data', 'deals.csv');

export interface CompareOptions {
  today: string;
  /** Called with notices (a skipped folder, an unusable base configuration). */
  onNotice: (notice: string) => void;
}

/** Lints one version and backtests its ICPs when it has a deals file. */
async function side(load: LoadOptions, options: CompareOptions): Promise<DiffSide> {
  const { playbook, graph, diagnostics } = await runPipeline({
    ...load,
    today: options.today,
    onNotice: options.onNotice,
  });
  const result: DiffSide = { graph, diagnostics, config: playbook.config };
  const dealsFile = join(playbook.dir, DEALS_FILE);
  if (existsSync(dealsFile)) {
    const parsed = parseAccounts(readFileSync(dealsFile, 'utf8'), { outcomes: true });
    result.backtest = backtestFigures([...graph.icps.values()], parsed.rows);
  }
  return result;
}

/** Compares two content folders. */
export async function compareFolders(
  base: string,
  head: string,
  options: CompareOptions,
): Promise<PlaybookDiff> {
  return diffPlaybooks(await side({ content: base }, options), await side({ content: head }, options));
}

/** Compares the content folder at a git ref with the working tree. */
export async function compareWithRef(
  ref: string,
  content: string,
  options: CompareOptions,
): Promise<PlaybookDiff> {
  const root = repositoryRoot();
  const commit = resolveCommit(root, ref);
  const contentPath = contentPathIn(root, content);
  const scratch = mkdtempSync(join(tmpdir(), 'playbook-diff-'));
  try {
    materialize(root, commit, contentPath, scratch);
    let base: DiffSide;
    try {
      base = await side({ content: join(scratch, contentPath), cwd: scratch }, options);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // The pull request may be what repairs the configuration: compare with an empty playbook.
      const why = error.message.split('\n')[0];
      options.onNotice(
        `Note: ${ref} has an unusable configuration (${why}); comparing with an empty playbook.`,
      );
      const empty = join(scratch, '.empty');
      mkdirSync(empty);
      base = await side({ content: empty, cwd: scratch }, options);
    }
    const head = await side({ content: join(root, contentPath), cwd: root }, options);
    return diffPlaybooks(base, head);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
