import { readableMdxProblem } from '../mdx-problems.ts';
import { defineRule, parseProblems } from '../rule.ts';

export const rule = defineRule({
  id: 'mdx-syntax',
  severity: 'error',
  description: 'The body does not parse as MDX, or is too complex to parse in reasonable time.',
  docs:
    'Bodies are MDX: Markdown where "<" starts a tag and "{" starts an expression, and every tag must be ' +
    'closed (`<br />`, not `<br>`). A body that does not parse cannot be checked or published. Write ' +
    '`&lt;` for a literal "<", `\\{` for a literal "{", close every tag you open, and delete HTML comments ' +
    '(`<!-- … -->`). A body whose markup would take the parser too long (thousands of unpaired `*`, `_`, ' +
    '`~` or brackets in one paragraph, quotes, lists or elements nested dozens deep, tens of thousands of ' +
    'one-word lines) is not parsed at all: the finding says what to simplify. The limits grow with the ' +
    'size of the file, so long pages of ordinary prose are never cut short.',
  messages: { problem: '{{message}}' },
  hints: { problem: '{{hint}}' },
  check({ graph, report }) {
    for (const { entry, problem } of parseProblems(graph, 'mdx-syntax')) {
      report({ entry, messageId: 'problem', ...readableMdxProblem(entry, problem) });
    }
  },
});
