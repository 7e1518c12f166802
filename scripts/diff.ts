import { formatDiffJson, formatDiffMarkdown } from '../src/core/change/diff.ts';
import { compareFolders, compareWithRef } from '../src/loader/change.ts';
import { command, EXIT_OK, formatOption, resolveToday, UsageError, warn } from '../src/loader/cli.ts';

const USAGE = `Usage: npm run diff -- BASE_REF [--content DIR] [--format markdown|json] [--today YYYY-MM-DD]
       npm run diff -- --base DIR --head DIR [--format markdown|json] [--today YYYY-MM-DD]

Summarises what changed in the playbook between a git ref (e.g. origin/main) and the working tree,
or between two content folders: ICPs and personas added, removed, renamed, personas moved between
ICPs, fit criteria, DMU coverage, new and fixed lint findings, and backtest precision and recall
when content/data/deals.csv exists.
  --content DIR   the content folder inside the repository (default: content)
Exit codes: 0 summary printed, 2 bad usage, unknown ref or configuration failure.`;

const options = {
  content: { type: 'string' },
  base: { type: 'string' },
  head: { type: 'string' },
  format: { type: 'string', default: 'markdown' },
  today: { type: 'string' },
} as const;

await command({ usage: USAGE, options, positionals: true }, async ({ values, positionals }) => {
  const format = formatOption(values.format, ['markdown', 'json'] as const);
  const compare = { today: resolveToday(values.today), onNotice: warn };
  let diff: Awaited<ReturnType<typeof compareFolders>>;
  if (values.base !== undefined || values.head !== undefined) {
    if (values.base === undefined || values.head === undefined)
      throw new UsageError('Pass both --base DIR and --head DIR, or one git ref.');
    if (positionals.length)
      throw new UsageError(
        `Unexpected argument "${positionals[0]}": with --base and --head, give no git ref.`,
      );
    if (values.content !== undefined)
      throw new UsageError(
        '--content applies to a git ref; with --base and --head, name the two content folders.',
      );
    diff = await compareFolders(values.base, values.head, compare);
  } else {
    const [ref, extra] = positionals;
    if (ref === undefined || extra !== undefined) {
      throw new UsageError(
        extra !== undefined
          ? `Unexpected argument "${extra}".`
          : 'Name the git ref to compare with, e.g. origin/main.',
      );
    }
    diff = await compareWithRef(
      ref,
      values.content ?? process.env.PLAYBOOK_CONTENT_DIR ?? 'content',
      compare,
    );
  }
  process.stdout.write(format === 'json' ? `${formatDiffJson(diff)}\n` : formatDiffMarkdown(diff));
  return EXIT_OK;
});
