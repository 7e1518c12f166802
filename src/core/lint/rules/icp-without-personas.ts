import { joinList } from '../../words.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  id: 'icp-without-personas',
  severity: 'warning',
  description: 'An active ICP that no active persona belongs to.',
  docs:
    'An ICP says which accounts to pursue; personas say whom to talk to inside them and how. An active ICP ' +
    'without a single active persona leaves sales with the right accounts and nothing to say. Add a ' +
    'persona whose `icps` lists the ICP, or activate a draft one. Draft and retired ICPs are not checked, ' +
    'and draft or retired personas do not count.',
  messages: {
    none: 'ICP "{{id}}" is active, but no active persona belongs to it.',
    onlyInactive: 'ICP "{{id}}" is active, but every persona that belongs to it is {{inactive}}: {{names}}.',
  },
  hints: {
    none: 'Add a persona with "icps: [{{id}}]" (npm run new -- persona "Name" --icp {{id}}).',
    onlyInactive:
      'Set "status: active" on one of them once it is ready, or add a new persona with "icps: [{{id}}]".',
  },
  check({ graph, report }) {
    for (const icp of graph.icps.values()) {
      if (icp.data.status !== 'active') continue;
      const personas = graph.personasByIcp.get(icp.id) ?? [];
      if (personas.some((p) => p.data.status === 'active')) continue;
      if (personas.length === 0) {
        report({ entry: icp, messageId: 'none', data: { id: icp.id } });
        continue;
      }
      const statuses = [...new Set(personas.map((p) => p.data.status))]
        .sort()
        .map((s) => (s === 'draft' ? 'a draft' : s));
      report({
        entry: icp,
        messageId: 'onlyInactive',
        data: {
          id: icp.id,
          inactive: joinList(statuses, 'or'),
          names: personas.map((p) => `"${p.id}"`).join(', '),
        },
      });
    }
  },
});
