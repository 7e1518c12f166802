import type { Entry } from '../../parse/entry.ts';
import { defineRule } from '../rule.ts';

/** An ICP's status: from its data when valid, else from its raw frontmatter when readable. */
function statusOf(icp: Entry): string | undefined {
  if (icp.type === 'icp' && icp.data) return (icp.data as { status: string }).status;
  const raw = icp.raw?.status;
  if (raw === undefined) return 'active';
  return typeof raw === 'string' ? raw : undefined;
}

export const rule = defineRule({
  id: 'retired-reference',
  severity: 'warning',
  description: 'A persona that is not retired, although every ICP it belongs to is.',
  docs:
    "Retired ICPs are kept for the record but hidden from the playbook's indexes. A draft or active " +
    'persona whose ICPs are all retired still shows up, yet describes people in accounts the team no ' +
    'longer pursues. Retire the persona too (`status: retired`), or move it to an ICP that is still in ' +
    'use. ICP ids that do not exist are left to `unknown-reference` and `orphan-persona`.',
  messages: {
    allRetired: 'Persona "{{id}}" is {{status}}, but every ICP it belongs to is retired: {{icps}}.',
  },
  hints: { allRetired: 'Set "status: retired" on the persona, or add an active ICP to its "icps".' },
  check({ graph, report }) {
    for (const persona of graph.personas.values()) {
      if (persona.data.status === 'retired') continue;
      const icps = [...new Set(persona.data.icps)]
        .map((id) => graph.all.icp.get(id))
        .filter((e): e is Entry => e !== undefined);
      if (icps.length === 0) continue;
      if (!icps.every((icp) => statusOf(icp) === 'retired')) continue;
      report({
        entry: persona,
        messageId: 'allRetired',
        data: {
          id: persona.id,
          status: persona.data.status === 'draft' ? 'a draft' : persona.data.status,
          icps: icps.map((icp) => `"${icp.id}"`).join(', '),
        },
        path: ['icps'],
      });
    }
  },
});
