import type { Diagnostic } from '../../types.ts';
import type { LintSummary } from '../engine.ts';

/** The fields of DESIGN §3, in its order; internal fields such as `messageId` stay out of the report. */
const reported = ({ file, line, column, rule, severity, message, hint }: Diagnostic): Diagnostic => ({
  file,
  line,
  column,
  rule,
  severity,
  message,
  hint,
});

/** The `--format json` report: `{"diagnostics": [...], "summary": {...}}`. */
export function formatJson(diagnostics: Diagnostic[], summary: LintSummary): string {
  return JSON.stringify({ diagnostics: diagnostics.map(reported), summary }, null, 2);
}
