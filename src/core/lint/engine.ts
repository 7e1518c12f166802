import type { Config, RuleLevel } from '../../schema/index.ts';
import { buildGraph, type Graph } from '../graph/graph.ts';
import { type Entry, keyPositions, parseEntry } from '../parse/entry.ts';
import { positionOf } from '../parse/frontmatter.ts';
import type { Diagnostic, Severity, SourceFile } from '../types.ts';
import { thousands } from '../words.ts';
import { fill, type LintDiagnostic, type Report, type RuleModule } from './rule.ts';
import { RULES } from './rules/index.ts';

export interface LintSummary {
  files: number;
  errors: number;
  warnings: number;
}

export interface LintResult {
  diagnostics: LintDiagnostic[];
  summary: LintSummary;
  graph: Graph;
}

export interface LintOptions {
  config: Config;
  /** `YYYY-MM-DD`. */
  today: string;
  /** Rules to run; defaults to all. */
  rules?: RuleModule[];
}

/** Parses every source file and lints the whole graph. */
export function lintSources(sources: SourceFile[], options: LintOptions): LintResult {
  return lintEntries(sources.map(parseEntry), options);
}

/** Lints already-parsed entries. Pure: returns diagnostics sorted by file, line and column. */
export function lintEntries(entries: Entry[], options: LintOptions): LintResult {
  const graph = buildGraph(entries);
  const diagnostics: LintDiagnostic[] = [];
  const levels = options.config.lint.rules as Partial<Record<string, RuleLevel>>;
  for (const rule of options.rules ?? RULES) {
    const configured = levels[rule.id];
    if (configured === 'off') continue;
    const report = (r: Report) => {
      const severity: Severity = configured ?? r.severity ?? rule.severity;
      const pos = r.loc ?? (r.path ? positionOf(keyPositions(r.entry), r.path) : { line: 1, column: 1 });
      const message = fill(rule.messages[r.messageId] ?? r.messageId, r.data);
      const hintTemplate = rule.hints?.[r.messageId];
      const d: LintDiagnostic = {
        file: r.entry.file,
        line: Math.max(1, pos.line),
        column: Math.max(1, pos.column),
        rule: rule.id,
        severity,
        message,
        messageId: r.messageId,
      };
      if (hintTemplate) d.hint = fill(hintTemplate, r.data);
      diagnostics.push(d);
    };
    rule.check({ graph, config: options.config, today: options.today, report });
  }
  diagnostics.sort(compareDiagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    diagnostics: capFindings(diagnostics),
    summary: { files: entries.length, errors, warnings: diagnostics.length - errors },
    graph,
  };
}

/** Findings one rule reports on one file before the rest are summed up in one more (§12). */
export const MAX_FINDINGS_PER_RULE = 20;

/** The message id of the finding that stands for the ones left out. */
export const LEFT_OUT_ID = 'leftOut';

/**
 * Keeps the first `MAX_FINDINGS_PER_RULE` findings of each rule on each file (in report order) and
 * replaces the rest by one finding of the same rule at the first left-out finding's position that
 * says how many more there were; it is an error when any of them is. `sorted` is in report order;
 * the summary still counts every finding.
 */
export function capFindings(sorted: LintDiagnostic[], max = MAX_FINDINGS_PER_RULE): LintDiagnostic[] {
  const seen = new Map<string, number>();
  const leftOut = new Map<string, { finding: LintDiagnostic; more: number }>();
  const kept: LintDiagnostic[] = [];
  for (const d of sorted) {
    const key = `${d.file}\0${d.rule}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= max) {
      kept.push(d);
      continue;
    }
    const summary = leftOut.get(key);
    if (summary) {
      summary.more++;
      if (d.severity === 'error') summary.finding.severity = 'error';
      continue;
    }
    const { file, line, column, rule, severity } = d;
    const finding: LintDiagnostic = {
      file,
      line,
      column,
      rule,
      severity,
      message: '',
      messageId: LEFT_OUT_ID,
    };
    leftOut.set(key, { finding, more: 1 });
    kept.push(finding);
  }
  for (const { finding, more } of leftOut.values()) {
    const count = thousands(more);
    finding.message = `… and ${count} more ${more === 1 ? 'finding' : 'findings'} of this rule in this file.`;
    finding.hint =
      `Only the first ${max} findings of each rule are listed per file. Fix those (often one cause ` +
      'repeated), then run lint again to see the rest.';
  }
  return kept;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
