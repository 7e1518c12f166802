import type { DmuRole } from '../../../schema/index.ts';
import { joinList, plural } from '../../words.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  id: 'dmu-coverage',
  severity: 'warning',
  description: 'An ICP whose personas together miss a DMU role that `lint.required_dmu_roles` requires.',
  docs:
    'The decision-making unit (DMU) is everyone who shapes a deal. Each persona lists the roles it plays ' +
    "in `dmu_roles`; together, an ICP's personas should cover the roles a deal cannot close without. By " +
    'default that is the economic buyer, the person who owns the budget: an ICP without one is a gap that ' +
    'stalls deals late. Configure the required roles with `lint.required_dmu_roles` in `playbook.yaml`. ' +
    'Every ICP that is not retired is checked, counting the personas that are not retired.',
  messages: { missing: 'ICP "{{id}}" has no persona in the {{roles}} {{role}} (required by the playbook).' },
  hints: {
    missing:
      'Add a persona with dmu_roles: [{{first}}] and icps: [{{id}}], or add the role to an existing ' +
      'persona of this ICP if that person really plays it.',
  },
  check({ graph, config, report }) {
    const required = config.lint.required_dmu_roles;
    if (required.length === 0) return;
    for (const icp of graph.icps.values()) {
      if (icp.data.status === 'retired') continue;
      const covered = new Set<DmuRole>();
      for (const persona of graph.personasByIcp.get(icp.id) ?? []) {
        if (persona.data.status === 'retired') continue;
        for (const role of persona.data.dmu_roles) covered.add(role);
      }
      const missing = [...new Set(required)].filter((role) => !covered.has(role));
      if (missing.length === 0) continue;
      report({
        entry: icp,
        messageId: 'missing',
        data: {
          id: icp.id,
          roles: joinList(missing.map((r) => `"${r}"`)),
          role: plural(missing.length, 'role'),
          first: missing[0]!,
        },
      });
    }
  },
});
