import { describe, expect, test } from 'vitest';
import { cleanPlaybook, icp, mdx, sources, TODAY } from '../../../tests/helpers/playbook.ts';
import { configSchema } from '../../schema/index.ts';
import type { Severity } from '../types.ts';
import { LEFT_OUT_ID, lintSources, MAX_FINDINGS_PER_RULE } from './engine.ts';
import { LINT_FORMATS, lintReport } from './format/report.ts';
import { defineRule } from './rule.ts';
import { RULES } from './rules/index.ts';

const config = configSchema.parse({});

/** A rule that reports on each file the findings `plan` lists for it: one per line, in order. */
function planned(id: 'placeholder-text' | 'broken-link', plan: Record<string, Severity[]>) {
  return defineRule({
    id,
    severity: 'warning',
    description: 'test',
    docs: 'test',
    messages: { m: 'finding {{n}}' },
    check({ graph, report }) {
      for (const entry of graph.entries) {
        (plan[entry.path] ?? []).forEach((severity, i) => {
          report({ entry, messageId: 'm', data: { n: i + 1 }, loc: { line: i + 1, column: 2 }, severity });
        });
      }
    },
  });
}

const warnings = (n: number): Severity[] => Array.from({ length: n }, () => 'warning');
const lint = (rules: ReturnType<typeof planned>[]) =>
  lintSources(sources(cleanPlaybook()), { config, today: TODAY, rules });

interface Case {
  name: string;
  plan: Severity[];
  /** Findings shown, the last one standing for the rest when `more` is set. */
  shown: number;
  more?: string;
  /** Severity of the finding that stands for the rest. */
  severity?: Severity;
}

describe('at most 20 findings per rule per file, then one that says how many more', () => {
  test.each<Case>([
    { name: 'one finding', plan: warnings(1), shown: 1 },
    { name: 'exactly 20 findings', plan: warnings(20), shown: 20 },
    { name: '21 findings', plan: warnings(21), shown: 21, more: '… and 1 more finding', severity: 'warning' },
    {
      name: '22 findings',
      plan: warnings(22),
      shown: 21,
      more: '… and 2 more findings',
      severity: 'warning',
    },
    {
      name: '10,000 findings',
      plan: warnings(10_000),
      shown: 21,
      more: '… and 9,980 more findings',
      severity: 'warning',
    },
    {
      name: 'an error among the left-out warnings',
      plan: [...warnings(30), 'error', ...warnings(5)],
      shown: 21,
      more: '… and 16 more findings',
      severity: 'error',
    },
    {
      name: 'errors among the first 20 only',
      plan: [...Array.from({ length: 20 }, (): Severity => 'error'), ...warnings(3)],
      shown: 21,
      more: '… and 3 more findings',
      severity: 'warning',
    },
  ])('$name', ({ plan, shown, more, severity }) => {
    const result = lint([planned('placeholder-text', { 'icps/midmarket.mdx': plan })]);
    const { diagnostics, summary } = result;
    expect(diagnostics).toHaveLength(shown);
    const errors = plan.filter((s) => s === 'error').length;
    expect(summary).toEqual({ files: 3, errors, warnings: plan.length - errors });
    expect(diagnostics.slice(0, MAX_FINDINGS_PER_RULE).map((d) => d.message)).toEqual(
      plan.slice(0, MAX_FINDINGS_PER_RULE).map((_, i) => `finding ${i + 1}`),
    );
    if (!more) return;
    const last = diagnostics[MAX_FINDINGS_PER_RULE]!;
    // Same rule, at the first left-out finding's position.
    expect(last).toMatchObject({
      file: 'content/icps/midmarket.mdx',
      line: MAX_FINDINGS_PER_RULE + 1,
      column: 2,
      rule: 'placeholder-text',
      severity,
      messageId: LEFT_OUT_ID,
    });
    expect(last.message.startsWith(more)).toBe(true);
    expect(last.hint).toMatch(/first 20 findings/);
  });

  test('counts per file and per rule', () => {
    const plan = { 'icps/midmarket.mdx': warnings(25), 'personas/analytics-alex.mdx': warnings(21) };
    const { diagnostics, summary } = lint([
      planned('placeholder-text', plan),
      planned('broken-link', { 'icps/midmarket.mdx': warnings(3) }),
    ]);
    const shown = (file: string, rule: string) =>
      diagnostics.filter((d) => d.file === `content/${file}` && d.rule === rule).length;
    expect(shown('icps/midmarket.mdx', 'placeholder-text')).toBe(21);
    expect(shown('icps/midmarket.mdx', 'broken-link')).toBe(3);
    expect(shown('personas/analytics-alex.mdx', 'placeholder-text')).toBe(21);
    expect(summary.warnings).toBe(49);
    expect(diagnostics.filter((d) => d.messageId === LEFT_OUT_ID).map((d) => d.message)).toEqual([
      '… and 5 more findings of this rule in this file.',
      '… and 1 more finding of this rule in this file.',
    ]);
  });

  test('a body with 1,200 placeholders: 21 findings in every format; the summary counts them all', () => {
    const text = mdx(icp(), 'TODO\n\n'.repeat(1_200));
    const files = { ...cleanPlaybook(), 'icps/midmarket.mdx': text };
    const { diagnostics, summary } = lintSources(sources(files), { config, today: TODAY });
    expect(diagnostics).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    // The 21st placeholder, two lines per paragraph after the first.
    const line = text.split('\n').indexOf('TODO') + 1 + 2 * MAX_FINDINGS_PER_RULE;
    expect(diagnostics[MAX_FINDINGS_PER_RULE]).toMatchObject({ line, column: 1, severity: 'warning' });
    expect(summary).toEqual({ files: 3, errors: 0, warnings: 1_200 });
    for (const format of LINT_FORMATS) {
      const options = { format, rules: RULES, version: '0.0.0', color: false };
      const report = lintReport(diagnostics, summary, options);
      expect(report.output).toContain('… and 1,180 more findings of this rule in this file.');
      expect(report.failed).toBe(false);
      expect(lintReport(diagnostics, summary, { ...options, maxWarnings: 1_200 }).failed).toBe(false);
      expect(lintReport(diagnostics, summary, { ...options, maxWarnings: 1_199 }).failed).toBe(true);
    }
  });
});
