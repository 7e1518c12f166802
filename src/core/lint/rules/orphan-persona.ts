import { plural } from '../../words.ts';
import { knownIds } from '../reference-advice.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  id: 'orphan-persona',
  severity: 'error',
  description: 'A persona that belongs to no existing ICP.',
  docs:
    'A persona describes people inside the accounts an ICP targets. A persona whose `icps` list is empty, ' +
    'or names only ICPs that do not exist, is building personas outside your ICP: nobody knows which ' +
    'accounts to find these people in. Add the persona to at least one ICP id from `icps/`.',
  messages: {
    empty: 'Persona "{{id}}" belongs to no ICP: its "icps" list is empty.',
    unresolved: 'Persona "{{id}}" belongs to no existing ICP: {{names}} {{verb}} not exist.',
  },
  hints: {
    empty: 'Add the id of at least one ICP from icps/ to "icps", e.g. icps: [{{example}}].',
    unresolved: 'Point "icps" at an ICP file in icps/ (existing ids: {{known}}).',
  },
  check({ graph, report }) {
    const example = [...graph.all.icp.keys()].sort()[0] ?? 'your-icp-id';
    const known = knownIds(graph.all.icp.keys());
    for (const persona of graph.personas.values()) {
      const icps = persona.data.icps;
      if (icps.length === 0) {
        report({ entry: persona, messageId: 'empty', data: { id: persona.id, example }, path: ['icps'] });
      } else if (icps.every((id) => !graph.all.icp.has(id))) {
        const names = icps.map((id) => `"${id}"`).join(', ');
        report({
          entry: persona,
          messageId: 'unresolved',
          data: { id: persona.id, names, verb: plural(icps.length, 'does', 'do'), known },
          path: ['icps'],
        });
      }
    }
  },
});
