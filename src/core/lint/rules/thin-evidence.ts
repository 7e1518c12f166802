import { isRecord } from '../../parse/raw.ts';
import { count } from '../../words.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  id: 'thin-evidence',
  severity: 'warning',
  description:
    'A persona resting on fewer interviews than `lint.min_interviews` (5 by default), or on none recorded.',
  docs:
    'A persona is only as good as the conversations behind it: with one or two interviews it describes ' +
    'individuals, not a role, and sellers end up pitching to someone who does not exist. Five to eight ' +
    'interviews per role is the usual minimum. Record them in `evidence.interviews` (and ' +
    '`evidence.last_interview`). The minimum is `lint.min_interviews` in playbook.yaml; retired personas ' +
    'are skipped.',
  messages: {
    few: 'Persona "{{id}}" rests on {{interviews}}, fewer than the {{min}} the playbook asks for.',
    none: 'Persona "{{id}}" has no interviews recorded, so nothing shows it describes real buyers.',
  },
  hints: {
    few:
      'Talk to more people in this role and update evidence.interviews. Until then, treat the persona as a ' +
      'hypothesis. (The minimum is lint.min_interviews in playbook.yaml.)',
    none:
      'After talking to at least {{min}} people in this role, add "evidence: { interviews: <number>, ' +
      'last_interview: YYYY-MM-DD }". (The minimum is lint.min_interviews in playbook.yaml.)',
  },
  check({ graph, config, report }) {
    const min = config.lint.min_interviews;
    if (min <= 0) return;
    for (const entry of graph.entries) {
      if (entry.type !== 'persona' || !entry.raw || entry.raw.status === 'retired') continue;
      const evidence = entry.raw.evidence;
      const interviews = isRecord(evidence) ? evidence.interviews : undefined;
      if (typeof interviews === 'number') {
        if (interviews < min) {
          const data = { id: entry.id, interviews: count(interviews, 'interview'), min };
          report({ entry, messageId: 'few', data, path: ['evidence', 'interviews'] });
        }
      } else if (interviews === undefined || interviews === null) {
        report({ entry, messageId: 'none', data: { id: entry.id, min }, path: ['evidence'] });
      }
    }
  },
});
