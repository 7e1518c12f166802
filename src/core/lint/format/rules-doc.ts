import type { RuleModule } from '../rule.ts';

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** The README's rule reference: one section per rule with its default severity, summary and docs. */
export function rulesMarkdown(rules: RuleModule[]): string {
  const table = [
    '| rule | default | checks |',
    '|---|---|---|',
    ...rules.map(
      (r) => `| [\`${r.id}\`](#${r.id}) | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`,
    ),
  ];
  const sections = rules.map((r) => `### \`${r.id}\` (${r.severity})\n\n${r.description}\n\n${r.docs}`);
  return [table.join('\n'), ...sections].join('\n\n');
}

/** Replaces the generated block between the rules markers of a README. */
export function updateReadme(readme: string, rules: RuleModule[]): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${rulesMarkdown(rules)}\n${readme.slice(end)}`;
}
