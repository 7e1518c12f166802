import type { Config, RuleId } from '../../schema/index.ts';
import type { Graph } from '../graph/graph.ts';
import type { Entry } from '../parse/entry.ts';
import type { Diagnostic, ParseProblem, Position, Severity } from '../types.ts';

/**
 * A diagnostic as the engine produces it: the plain data of every output format, plus the id of
 * the message template it came from. The id is for tests and tools inside the project; the json,
 * sarif, github and pretty formats do not print it.
 */
export interface LintDiagnostic extends Diagnostic {
  /** Key into the rule's `messages` (and `hints`), as given to `report()`. */
  messageId: string;
}

export interface Report {
  /** The file the finding is about. */
  entry: Entry;
  /** Key into the rule's `messages` (and `hints`). */
  messageId: string;
  /** Values for `{{name}}` placeholders in the message and hint. */
  data?: Record<string, string | number>;
  /** Frontmatter key path the finding points at (`['firmographics', 'employees', 'min']`). */
  path?: readonly (string | number)[];
  /** An explicit position (body findings); wins over `path`. */
  loc?: Position;
  /** Overrides the rule's default severity for this finding (e.g. stale past twice the cadence). */
  severity?: Severity;
}

export interface RuleContext {
  graph: Graph;
  config: Config;
  /** Today as `YYYY-MM-DD`. */
  today: string;
  report(report: Report): void;
}

export interface RuleModule {
  id: RuleId;
  /** Default severity. */
  severity: Severity;
  /** One sentence: what the rule checks. */
  description: string;
  /** Why the rule exists and how to fix what it reports. */
  docs: string;
  /** Message templates keyed by a stable id; `{{name}}` is replaced from `data`. */
  messages: Record<string, string>;
  /** Hint templates keyed by message id: what to do about it. */
  hints?: Record<string, string>;
  check(context: RuleContext): void;
}

/** Declares a rule (a pass-through that gives the object its type). */
export function defineRule(rule: RuleModule): RuleModule {
  return rule;
}

/** Fills `{{name}}` placeholders. */
export function fill(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in data ? String(data[name]) : whole,
  );
}

/** Every problem of one parse stage (YAML, schema, MDX) across the graph, with its entry. */
export function* parseProblems(
  graph: Graph,
  stage: ParseProblem['rule'],
): Generator<{ entry: Entry; problem: ParseProblem }> {
  for (const entry of graph.entries) {
    for (const problem of entry.problems) if (problem.rule === stage) yield { entry, problem };
  }
}
