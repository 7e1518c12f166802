import { command, UsageError } from '../src/loader/cli.ts';
import { syncCodeowners } from '../src/loader/codeowners.ts';

const USAGE = `Usage: npm run codeowners -- [--content DIR] [--out FILE] [--check [--base REF] [--summary FILE]]

Writes the owners of every ICP and persona (their "owners" field) into a CODEOWNERS file,
by default .github/CODEOWNERS, so those owners review pull requests that change their files.
Lines outside the generated block are kept.
  --check         change nothing; exit 1 when the file is missing or out of date.
  --base REF      with --check, the branch the change goes into (e.g. origin/main): a file whose
                  generated block is exactly as on REF is only behind the content, which is a
                  notice and exit 0; a generated block changed since REF must match the content.
  --summary FILE  with --check, append what was found as Markdown to FILE (for a change summary).
Exit codes: 0 written, up to date or only behind REF; 1 out of date or an owner is malformed;
2 bad usage, unknown REF or configuration.`;

const options = {
  content: { type: 'string' },
  out: { type: 'string', default: '.github/CODEOWNERS' },
  check: { type: 'boolean', default: false },
  base: { type: 'string' },
  summary: { type: 'string' },
} as const;

await command({ usage: USAGE, options }, ({ values }) => {
  if (!values.out) throw new UsageError('--out needs a file name.');
  if (values.base === '') throw new UsageError('--base needs a git ref, e.g. origin/main.');
  if (values.summary === '') throw new UsageError('--summary needs a file name.');
  return syncCodeowners({
    content: values.content,
    out: values.out,
    check: values.check,
    base: values.base,
    summary: values.summary,
  });
});
