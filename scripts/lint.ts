import pkg from '../package.json' with { type: 'json' };
import { LINT_FORMATS, lintReport } from '../src/core/lint/format/report.ts';
import { RULES } from '../src/core/lint/rules/index.ts';
import {
  command,
  EXIT_FINDINGS,
  EXIT_OK,
  formatOption,
  resolveToday,
  say,
  UsageError,
  warn,
} from '../src/loader/cli.ts';
import { runPipeline } from '../src/loader/pipeline.ts';

const USAGE = `Usage: npm run lint -- [--content DIR] [--format pretty|json|github|sarif] [--max-warnings N] [--today YYYY-MM-DD]

Lints every ICP, persona, glossary term and guide in the content folder.
Exit codes: 0 clean or warnings only, 1 errors (or more warnings than --max-warnings), 2 bad usage or configuration.`;

const options = {
  content: { type: 'string' },
  format: { type: 'string', default: 'pretty' },
  'max-warnings': { type: 'string' },
  today: { type: 'string' },
} as const;

await command({ usage: USAGE, options }, async ({ values }) => {
  const format = formatOption(values.format, LINT_FORMATS);
  const max = values['max-warnings'];
  if (max !== undefined && !/^\d+$/.test(max))
    throw new UsageError(`--max-warnings must be a whole number ≥ 0, got "${max}".`);
  const today = resolveToday(values.today);
  const { playbook, diagnostics, summary } = await runPipeline({
    content: values.content,
    today,
    onNotice: warn,
  });
  const report = lintReport(diagnostics, summary, {
    format,
    rules: RULES,
    version: pkg.version,
    repoUrl: playbook.config.repo_url,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    maxWarnings: max === undefined ? undefined : Number(max),
  });
  if (report.output) say(report.output);
  if (report.note) warn(report.note);
  return report.failed ? EXIT_FINDINGS : EXIT_OK;
});
