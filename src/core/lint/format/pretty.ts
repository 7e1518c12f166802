import type { Diagnostic } from '../../types.ts';
import { count } from '../../words.ts';
import type { LintSummary } from '../engine.ts';

export interface PrettyOptions {
  color?: boolean;
}

const paint = (on: boolean, code: number, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** Human output: findings grouped by file as `file:line:col severity rule message`, hints, a summary. */
export function formatPretty(
  diagnostics: Diagnostic[],
  summary: LintSummary,
  options: PrettyOptions = {},
): string {
  const color = options.color ?? false;
  const out: string[] = [];
  let current: string | undefined;
  for (const d of diagnostics) {
    if (d.file !== current) {
      if (current !== undefined) out.push('');
      out.push(paint(color, 4, d.file));
      current = d.file;
    }
    const severity = d.severity === 'error' ? paint(color, 31, 'error  ') : paint(color, 33, 'warning');
    out.push(`  ${d.file}:${d.line}:${d.column} ${severity} ${paint(color, 2, d.rule)} ${d.message}`);
    if (d.hint) out.push(`      ${paint(color, 36, 'hint:')} ${d.hint}`);
  }
  if (out.length) out.push('');
  const files = count(summary.files, 'file');
  if (summary.errors === 0 && summary.warnings === 0) {
    out.push(paint(color, 32, `✔ ${files} checked, no problems`));
  } else {
    const problems = count(summary.errors + summary.warnings, 'problem');
    const errors = count(summary.errors, 'error');
    const warnings = count(summary.warnings, 'warning');
    const line = `${summary.errors ? '✖' : '⚠'} ${problems} (${errors}, ${warnings}) in ${files}`;
    out.push(paint(color, summary.errors ? 31 : 33, line));
  }
  return out.join('\n');
}
