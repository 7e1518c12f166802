import { defineRule, parseProblems } from '../rule.ts';

export const rule = defineRule({
  id: 'yaml-syntax',
  severity: 'error',
  description:
    'Frontmatter is missing, unterminated, not valid YAML or too complex to parse; the file is empty, ' +
    'binary or not UTF-8.',
  docs:
    'Every content file starts with a YAML frontmatter block between two lines of `---`. Without it ' +
    'nothing else in the file can be checked or published. Fix the YAML at the reported line: indentation, ' +
    'a missing colon, or text with `:` or `#` that needs quotes. Frontmatter nested more than 64 levels ' +
    'deep, or with thousands of `key: value` pairs, is not parsed at all: the body is still checked.',
  messages: { problem: '{{message}}' },
  hints: { problem: '{{hint}}' },
  check({ graph, report }) {
    for (const { entry, problem: p } of parseProblems(graph, 'yaml-syntax')) {
      report({
        entry,
        messageId: 'problem',
        data: { message: p.message, hint: p.hint ?? 'Fix the frontmatter block at the top of the file.' },
        loc: p,
      });
    }
  },
});
