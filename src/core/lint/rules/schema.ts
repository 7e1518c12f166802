import { defineRule, parseProblems } from '../rule.ts';

export const rule = defineRule({
  id: 'schema',
  severity: 'error',
  description: 'Frontmatter fields are missing, unknown, of the wrong type or out of range.',
  docs:
    'Each content type has a fixed set of fields (see the schema in `src/schema/`). A missing required ' +
    'field, an unknown key, a value of the wrong kind (text where a list is expected), an enum value in ' +
    'the wrong case (`Active` instead of `active`), an impossible date (`2026-02-30`) or a scoring rule ' +
    'with the wrong operator would make the page render wrongly or mislead readers. Company-level facts ' +
    'belong in an ICP and person-level facts in a persona; an unknown key that belongs to the other type ' +
    'says so. Fix the field at the reported line.',
  messages: { problem: '{{message}}' },
  hints: { problem: '{{hint}}' },
  check({ graph, report }) {
    for (const { entry, problem: p } of parseProblems(graph, 'schema')) {
      report({
        entry,
        messageId: 'problem',
        data: { message: p.message, hint: p.hint ?? 'Correct the field at this line.' },
        loc: p,
      });
    }
  },
});
