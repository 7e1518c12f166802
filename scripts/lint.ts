import { RULES } from '../src/core/lint/rules/index.ts';
import { lintEntries } from '../src/core/lint/engine.ts';
import { formatGithub } from '../src/core/lint/format/github.ts';
import { formatJson } from '../src/core/lint/format/json.ts';
import { formatPretty } from '../src/core/lint/format/pretty.ts';
import { formatSarif } from '../src/core/lint/format/sarif.ts';
import { parseSourcesWith } from '../src/loader/cache.ts';
import { parseAll } from '../src/loader/workers.ts';
import { loadPlaybook, resolveToday } from '../src/loader/index.ts';
import { EXIT_FINDINGS, EXIT_OK, isoDateOption, main, parse, UsageError } from '../src/loader/cli.ts';
import pkg from '../package.json' with { type: 'json' };

const USAGE = `Usage: npm run lint -- [--content DIR] [--format pretty|json|github|sarif] [--max-warnings N] [--today YYYY-MM-DD]

Lints every ICP, persona, glossary term and guide in the content folder.
Exit codes: 0 clean or warnings only, 1 errors (or more warnings than --max-warnings), 2 bad usage or configuration.`;

const FORMATS = ['pretty', 'json', 'github', 'sarif'] as const;

await main(USAGE, async () => {
  const { values, positionals } = parse({
    content: { type: 'string' },
    format: { type: 'string', default: 'pretty' },
    'max-warnings': { type: 'string' },
    today: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}".`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings must be a whole number ≥ 0, got "${values['max-warnings']}".`);
  }
  const today = isoDateOption(values.today, '--today') ?? isoDateOption(resolveToday(undefined), 'PLAYBOOK_TODAY')!;

  const playbook = loadPlaybook({ content: values.content });
  for (const notice of playbook.notices) process.stderr.write(`${notice}\n`);
  // Files the parse cache lacks are parsed here, or on PLAYBOOK_PARSE_THREADS worker threads.
  const { entries } = await parseSourcesWith(playbook.sources, (misses) => parseAll(misses, Number(process.env.PLAYBOOK_PARSE_THREADS) || 1));
  const { diagnostics, summary } = lintEntries(entries, { config: playbook.config, today });

  let output: string;
  if (format === 'json') output = formatJson(diagnostics, summary);
  else if (format === 'github') output = formatGithub(diagnostics);
  else if (format === 'sarif') output = formatSarif(diagnostics, { rules: RULES, version: pkg.version, informationUri: playbook.config.repo_url });
  else output = formatPretty(diagnostics, summary, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
  if (output) process.stdout.write(`${output}\n`);
  if (format === 'github') {
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    process.stderr.write(`${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')} in ${count(summary.files, 'file')}\n`);
  }
  const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
  if (tooManyWarnings && format === 'pretty') process.stdout.write(`Too many warnings (${summary.warnings}); the maximum allowed is ${maxWarnings}.\n`);
  return summary.errors > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
});
