import { command, UsageError } from '../src/loader/cli.ts';
import { syncCodeowners } from '../src/loader/codeowners.ts';

const USAGE = `Usage: npm run codeowners -- [--content DIR] [--out FILE] [--check]

Writes the owners of every ICP and persona (their "owners" field) into a CODEOWNERS file,
by default .github/CODEOWNERS, so those owners review pull requests that change their files.
Lines outside the generated block are kept.
  --check   change nothing; exit 1 when the file is missing or out of date.
Exit codes: 0 written or up to date, 1 out of date or an owner is malformed, 2 bad usage or configuration.`;

const options = {
  content: { type: 'string' },
  out: { type: 'string', default: '.github/CODEOWNERS' },
  check: { type: 'boolean', default: false },
} as const;

await command({ usage: USAGE, options }, ({ values }) => {
  if (!values.out) throw new UsageError('--out needs a file name.');
  return syncCodeowners({ content: values.content, out: values.out, check: values.check });
});
