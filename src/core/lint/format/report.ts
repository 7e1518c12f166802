/** The lint report in each output format, and what the command prints around it. */

import type { Diagnostic } from '../../types.ts';
import { count } from '../../words.ts';
import type { LintSummary } from '../engine.ts';
import type { RuleModule } from '../rule.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatPretty } from './pretty.ts';
import { formatSarif } from './sarif.ts';

export const LINT_FORMATS = ['pretty', 'json', 'github', 'sarif'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface ReportOptions {
  format: LintFormat;
  rules: readonly RuleModule[];
  /** The tool's version, for SARIF. */
  version: string;
  /** The repository, for SARIF's informationUri. */
  repoUrl?: string;
  /** ANSI colours in the pretty format. */
  color: boolean;
  /** `--max-warnings`, when given. */
  maxWarnings?: number;
}

export interface LintReport {
  /** The report itself, for stdout ('' when there is nothing to print). */
  output: string;
  /** A one-line summary for stderr, in formats whose stdout is machine-read. */
  note?: string;
  /** Whether the run fails: errors, or more warnings than allowed. */
  failed: boolean;
}

/** Renders the findings of a lint run in the chosen format. */
export function lintReport(
  diagnostics: Diagnostic[],
  summary: LintSummary,
  options: ReportOptions,
): LintReport {
  const { format, maxWarnings } = options;
  let output: string;
  if (format === 'json') output = formatJson(diagnostics, summary);
  else if (format === 'github') output = formatGithub(diagnostics);
  else if (format === 'sarif') {
    const sarif = { rules: [...options.rules], version: options.version, informationUri: options.repoUrl };
    output = formatSarif(diagnostics, sarif);
  } else output = formatPretty(diagnostics, summary, { color: options.color });
  const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
  if (tooManyWarnings && format === 'pretty') {
    output += `${output ? '\n' : ''}Too many warnings (${summary.warnings}); the maximum allowed is ${maxWarnings}.`;
  }
  const note =
    format === 'github'
      ? `${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')} in ${count(summary.files, 'file')}`
      : undefined;
  return { output, note, failed: summary.errors > 0 || tooManyWarnings };
}
