/**
 * `npm run codeowners`: writes the owners of every ICP and persona into a CODEOWNERS file, or
 * (`check`) says whether the file is current. Lines outside the generated block are kept.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildCodeowners, codeownersChanges, mergeCodeowners } from '../core/change/codeowners.ts';
import { formatGithub } from '../core/lint/format/github.ts';
import { count } from '../core/words.ts';
import { EXIT_FINDINGS, EXIT_OK, say, UsageError, warn } from './cli.ts';
import { runPipeline } from './pipeline.ts';

const MAX_LISTED = 10;

export interface CodeownersOptions {
  content?: string;
  /** The CODEOWNERS file to write or check. */
  out: string;
  check: boolean;
}

/** Writes or checks the CODEOWNERS file; returns the exit code. */
export async function syncCodeowners({ content, out, check }: CodeownersOptions): Promise<number> {
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
  const current = existing?.replace(/\r\n/g, '\n');
  const summary = `${count(rows.length, 'file')}, ${count(new Set(rows.flatMap((r) => r.owners)).size, 'owner')}`;
  if (check) return checkOnly(out, existing, expected, summary);
  if (current === expected) {
    say(`${out} is already up to date (${summary}).`);
    return EXIT_OK;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, expected);
  say(`Wrote ${out} (${summary}).`);
  return EXIT_OK;
}

function checkOnly(out: string, existing: string | undefined, expected: string, summary: string): number {
  const fix = `Run \`npm run codeowners\` and commit ${out}`;
  if (existing === undefined) {
    warn(`${out} is missing. ${fix}, so the owners of each ICP and persona review changes to it.`);
    return EXIT_FINDINGS;
  }
  if (existing.replace(/\r\n/g, '\n') === expected) {
    say(`${out} is up to date (${summary}).`);
    return EXIT_OK;
  }
  const { missing, extra } = codeownersChanges(existing, expected);
  warn(`${out} is out of date with the owners in the content.`);
  const list = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    warn(title);
    for (const line of lines.slice(0, MAX_LISTED)) warn(`  ${line}`);
    if (lines.length > MAX_LISTED) warn(`  …and ${lines.length - MAX_LISTED} more`);
  };
  list('Lines it should have:', missing);
  list('Lines it should no longer have:', extra);
  warn(`${fix}.`);
  if (process.env.GITHUB_ACTIONS === 'true') {
    // A check-run annotation, so the fix is visible without opening the log.
    const lines = [...missing.map((l) => `add: ${l}`), ...extra.map((l) => `remove: ${l}`)];
    const message = `${out} is out of date with the owners in the content.`;
    const hint = `${fix}, or edit it by hand:\n${lines.join('\n')}`;
    say(
      formatGithub([{ file: out, line: 1, column: 1, rule: 'codeowners', severity: 'error', message, hint }]),
    );
  }
  return EXIT_FINDINGS;
}
