import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildCodeowners, codeownersChanges, mergeCodeowners } from '../src/core/change/codeowners.ts';
import { parseEntry } from '../src/core/parse/entry.ts';
import { formatGithub } from '../src/core/lint/format/github.ts';
import { buildGraph } from '../src/core/graph/graph.ts';
import { loadPlaybook } from '../src/loader/index.ts';
import { EXIT_FINDINGS, EXIT_OK, main, parse, UsageError } from '../src/loader/cli.ts';

const USAGE = `Usage: npm run codeowners -- [--content DIR] [--out FILE] [--check]

Writes the owners of every ICP and persona (their "owners" field) into a CODEOWNERS file,
by default .github/CODEOWNERS, so those owners review pull requests that change their files.
Lines outside the generated block are kept.
  --check   change nothing; exit 1 when the file is missing or out of date.
Exit codes: 0 written or up to date, 1 out of date or an owner is malformed, 2 bad usage or configuration.`;

const MAX_LISTED = 10;

await main(USAGE, () => {
  const { values, positionals } = parse({
    content: { type: 'string' },
    out: { type: 'string', default: '.github/CODEOWNERS' },
    check: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const out = values.out;
  if (!out) throw new UsageError('--out needs a file name.');

  const playbook = loadPlaybook({ content: values.content });
  for (const notice of playbook.notices) process.stderr.write(`${notice}\n`);
  const graph = buildGraph(playbook.sources.map(parseEntry));
  const { block, rows, problems } = buildCodeowners(graph, { contentPath: playbook.config.content_path });

  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`${p.file}:${p.line}:${p.column}  ${p.message}\n    ${p.hint}\n`);
    process.stderr.write(`\n${out} was ${values.check ? 'not checked' : 'not written'}: fix the owners above (${problems.length} problem${problems.length === 1 ? '' : 's'}) so every file gets a reviewer.\n`);
    return EXIT_FINDINGS;
  }

  const file = resolve(out);
  let existing: string | undefined;
  try {
    existing = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`${out} cannot be read: ${(error as Error).message}`);
  }
  const expected = mergeCodeowners(existing, block);
  const current = existing?.replace(/\r\n/g, '\n');
  const owners = new Set(rows.flatMap((r) => r.owners)).size;
  const summary = `${rows.length} file${rows.length === 1 ? '' : 's'}, ${owners} owner${owners === 1 ? '' : 's'}`;

  if (values.check) {
    if (existing === undefined) {
      process.stderr.write(`${out} is missing. Run \`npm run codeowners\` and commit ${out}, so the owners of each ICP and persona review changes to it.\n`);
      return EXIT_FINDINGS;
    }
    if (current !== expected) {
      const { missing, extra } = codeownersChanges(existing, expected);
      process.stderr.write(`${out} is out of date with the owners in the content.\n`);
      const list = (title: string, lines: string[]) => {
        if (lines.length === 0) return;
        process.stderr.write(`${title}\n`);
        for (const line of lines.slice(0, MAX_LISTED)) process.stderr.write(`  ${line}\n`);
        if (lines.length > MAX_LISTED) process.stderr.write(`  …and ${lines.length - MAX_LISTED} more\n`);
      };
      list('Lines it should have:', missing);
      list('Lines it should no longer have:', extra);
      process.stderr.write(`Run \`npm run codeowners\` and commit ${out}.\n`);
      if (process.env.GITHUB_ACTIONS === 'true') {
        // A check-run annotation, so the fix is visible without opening the log.
        const lines = [...missing.map((l) => `add: ${l}`), ...extra.map((l) => `remove: ${l}`)];
        const message = `${out} is out of date with the owners in the content.`;
        const hint = `Run \`npm run codeowners\` and commit ${out}, or edit it by hand:\n${lines.join('\n')}`;
        process.stdout.write(`${formatGithub([{ file: out, line: 1, column: 1, rule: 'codeowners', severity: 'error', message, hint }])}\n`);
      }
      return EXIT_FINDINGS;
    }
    process.stdout.write(`${out} is up to date (${summary}).\n`);
    return EXIT_OK;
  }

  if (current === expected) {
    process.stdout.write(`${out} is already up to date (${summary}).\n`);
    return EXIT_OK;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, expected);
  process.stdout.write(`Wrote ${out} (${summary}).\n`);
  return EXIT_OK;
});
