import { plural } from '../../words.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  id: 'icp-filters',
  severity: 'warning',
  description:
    'An ICP with fewer must-haves or deal-breakers than `lint.min_must_haves` / `lint.min_deal_breakers`.',
  docs:
    'An ICP is a filter: must-haves say what every good-fit account has, deal-breakers what rules an ' +
    'account out. With too few of either, the ICP matches almost everyone and stops guiding prospecting. ' +
    'The recommended minimum is three must-haves and two deal-breakers (`lint.min_must_haves`, ' +
    '`lint.min_deal_breakers` in `playbook.yaml`). Every criterion counts, plain sentences included. ' +
    'Retired ICPs are not checked.',
  messages: {
    mustHaves: 'ICP "{{id}}" lists {{count}} {{criteria}}; at least {{min}} are recommended.',
    dealBreakers: 'ICP "{{id}}" lists {{count}} {{criteria}}; at least {{min}} are recommended.',
  },
  hints: {
    mustHaves:
      'Add firmographic criteria every good-fit account meets (size, industry, region, growth stage), as ' +
      'rules such as { label: "200–1,500 employees", field: employees, between: [200, 1500] } or as plain ' +
      'sentences.',
    dealBreakers:
      'Add what rules an account out (e.g. public sector, on-premise only, below a size), as rules such as ' +
      '{ label: "Public sector", field: industry, in: [Government] } or as plain sentences.',
  },
  check({ graph, config, report }) {
    const { min_must_haves: minMust, min_deal_breakers: minBreakers } = config.lint;
    for (const icp of graph.icps.values()) {
      if (icp.data.status === 'retired') continue;
      const checks = [
        { key: 'must_haves', messageId: 'mustHaves', noun: 'must-have', min: minMust },
        { key: 'deal_breakers', messageId: 'dealBreakers', noun: 'deal-breaker', min: minBreakers },
      ] as const;
      for (const { key, messageId, noun, min } of checks) {
        const count = icp.data[key].length;
        if (count >= min) continue;
        const data = { id: icp.id, count: count === 0 ? 'no' : count, criteria: plural(count, noun), min };
        report({ entry: icp, messageId, data, path: [key] });
      }
    }
  },
});
