import { count as counted } from '../../words.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  id: 'personas-per-icp',
  severity: 'warning',
  description: 'An ICP with fewer or more personas than `lint.personas_per_icp` allows.',
  docs:
    'A B2B deal usually involves several people: an economic buyer, a champion, technical evaluators, end ' +
    'users. An ICP with one persona (or none) misses most of them; one with many personas usually splits ' +
    'the same role too finely for sales to use. The expected range is `lint.personas_per_icp` in ' +
    '`playbook.yaml` (default `[2, 4]`). Every ICP that is not retired is checked, counting the personas ' +
    'that are not retired; an ICP with no persona at all is always reported.',
  messages: {
    none: 'ICP "{{id}}" has no personas; the playbook expects {{range}}.',
    tooFew: 'ICP "{{id}}" has {{personas}} ({{names}}); the playbook expects {{range}}.',
    tooMany: 'ICP "{{id}}" has {{personas}} ({{names}}); the playbook expects {{range}}.',
  },
  hints: {
    none:
      'Add personas for the people in the buying decision with "icps: [{{id}}]", starting with the ' +
      'economic buyer.',
    tooFew:
      'Add personas for the other people in the buying decision (economic buyer, champion, technical ' +
      'buyer, end user), or change lint.personas_per_icp in playbook.yaml.',
    tooMany:
      'Merge personas that play the same role, move some to a better-fitting ICP, or change ' +
      'lint.personas_per_icp in playbook.yaml.',
  },
  check({ graph, config, report }) {
    const [min, max] = config.lint.personas_per_icp;
    const range = min === max ? `exactly ${min}` : `${min} to ${max}`;
    for (const icp of graph.icps.values()) {
      if (icp.data.status === 'retired') continue;
      const personas = (graph.personasByIcp.get(icp.id) ?? []).filter((p) => p.data.status !== 'retired');
      const count = personas.length;
      const names = personas.map((p) => `"${p.id}"`).join(', ');
      const data = { id: icp.id, count, personas: counted(count, 'persona'), names, range };
      if (count === 0) report({ entry: icp, messageId: 'none', data });
      else if (count < min) report({ entry: icp, messageId: 'tooFew', data });
      else if (count > max) report({ entry: icp, messageId: 'tooMany', data });
    }
  },
});
