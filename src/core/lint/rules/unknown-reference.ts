import { unresolvedReferences } from '../../graph/references.ts';
import { referenceFinding } from '../reference-advice.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  id: 'unknown-reference',
  severity: 'error',
  description:
    "An id reference (a persona's ICPs, a term's related terms, a [[…]] cross-link) that resolves to " +
    'nothing.',
  docs:
    'Personas name their ICPs in `icps`, glossary terms name related terms in `related`, and any body can ' +
    'link to another page with `[[type:id]]` (`[[persona:analytics-alex]]`, `[[icp:midmarket]]`, ' +
    '`[[term:tam]]`, `[[guide:getting-started]]`) or `[[id]]` when only one type has that id. A reference ' +
    'to an id that does not exist would be a dead link on the site, so it fails CI. The message suggests ' +
    'the nearest existing id when there is one; `[[id]]` that several types share must say which type it ' +
    'means.',
  messages: {
    missingIcp: 'Persona "{{id}}" names ICP "{{target}}", which does not exist.',
    missingRelated: 'Glossary term "{{id}}" lists related term "{{target}}", which does not exist.',
    missingTyped: 'The link {{raw}} points to {{label}} "{{target}}", which does not exist.',
    missingUntyped:
      'The link {{raw}} points to "{{target}}", but no ICP, persona, glossary term or guide has that id.',
    unknownType: 'The link {{raw}} uses the type "{{kind}}", which is not a content type.',
    ambiguous: 'The link {{raw}} is ambiguous: "{{target}}" is {{candidates}}.',
  },
  hints: {
    missingIcp: '{{advice}}',
    missingRelated: '{{advice}}',
    missingTyped: '{{advice}}',
    missingUntyped: '{{advice}}',
    unknownType: '{{advice}}',
    ambiguous: 'Say which one you mean: {{choices}}.',
  },
  check({ graph, report }) {
    for (const ref of unresolvedReferences(graph)) {
      report({ entry: ref.entry, ...referenceFinding(graph, ref) });
    }
  },
});
