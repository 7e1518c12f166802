import type { LintSummary } from '../engine.ts';
import type { Diagnostic } from '../../types.ts';

/** The `--format json` report: `{"diagnostics": [...], "summary": {...}}`. */
export function formatJson(diagnostics: Diagnostic[], summary: LintSummary): string {
  return JSON.stringify({ diagnostics, summary }, null, 2);
}
