import type { Config, RuleLevel } from '../../schema/index.ts';
import { buildGraph, type Graph } from '../graph/graph.ts';
import { type Entry, parseEntry } from '../parse/entry.ts';
import { positionOf } from '../parse/frontmatter.ts';
import type { Diagnostic, Severity, SourceFile } from '../types.ts';
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
      const pos = r.loc ?? (r.path ? positionOf(r.entry.positions, r.path) : { line: 1, column: 1 });
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
    diagnostics,
    summary: { files: entries.length, errors, warnings: diagnostics.length - errors },
    graph,
  };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
