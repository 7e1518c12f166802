import { reversedRanges } from '../ranges.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  id: 'range-order',
  severity: 'error',
  description:
    'A range whose lower bound is above its upper bound: `min` > `max`, or `between: [a, b]` with a > b.',
  docs:
    'Ranges such as `firmographics.employees: { min: 200, max: 1500 }` and rules such as ' +
    '`between: [200, 1500]` describe the accounts an ICP fits. When the lower bound is larger than the ' +
    'upper bound, no account can ever fall inside the range, so the fit check and the `score` command ' +
    'would silently reject everyone. Swap the two numbers or correct the one that is wrong.',
  messages: {
    minAboveMax: '{{where}} has min {{min}} above max {{max}}, so nothing can fall inside the range.',
    betweenReversed:
      '{{where}} has between: [{{first}}, {{second}}] with the larger number first, so no account can ' +
      'match it.',
  },
  hints: {
    minAboveMax:
      'Swap the two values (min is the lower bound, max the upper bound), or correct the one that is wrong.',
    betweenReversed: 'Write the lower bound first: between: [{{second}}, {{first}}].',
  },
  check({ graph, report }) {
    for (const entry of graph.entries) {
      for (const found of reversedRanges(entry.raw)) report({ entry, ...found });
    }
  },
});
