/**
 * One lint of a playbook folder for the hostile-input figures: the real command in a child process,
 * JSON report, no parse cache (every run parses every file, as a fresh CI checkout does).
 */
import { type Bench, NODE, script } from '../context.ts';
import { CORPUS_TODAY } from '../corpus/generate.ts';
import { run } from '../measure.ts';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
  message: string;
}

export interface Linted {
  ms: number;
  diagnostics: Diagnostic[];
  summary: { files: number; errors: number; warnings: number };
}

/** What the pre-scan says about a file it does not parse (src/core/parse/prescan-*.ts). */
export const TOO_COMPLEX = /too complex to parse/;

/** Lints `dir`; throws when the command fails (exit 2 or a crash) rather than reporting findings. */
export async function lintFolder(b: Bench, dir: string): Promise<Linted> {
  const args = [script(b, 'lint'), '--content', dir, '--format', 'json', '--today', CORPUS_TODAY];
  const r = await run(NODE, args, { cwd: b.root, env: { ...b.env, PLAYBOOK_CACHE: 'off' } });
  if (r.code !== 0 && r.code !== 1) {
    throw new Error(`lint of ${dir} failed (exit ${r.code}): ${r.stderr || r.stdout.slice(0, 2000)}`);
  }
  const report = JSON.parse(r.stdout) as Omit<Linted, 'ms'>;
  return { ms: Math.round(r.ms), diagnostics: report.diagnostics, summary: report.summary };
}

/** The files of a report that the pre-scan cut short. */
export const cutShort = (diagnostics: readonly Diagnostic[]): Set<string> =>
  new Set(
    diagnostics
      .filter((d) => (d.rule === 'mdx-syntax' || d.rule === 'yaml-syntax') && TOO_COMPLEX.test(d.message))
      .map((d) => d.file),
  );
