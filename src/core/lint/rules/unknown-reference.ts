import { ENTRY_TYPES, ID_PATTERN, TYPE_FOLDERS, TYPE_LABELS, type EntryType } from '../../../schema/index.ts';
import type { Entry } from '../../parse/entry.ts';
import { resolveLink, type Graph } from '../../graph/graph.ts';
import { defineRule, type Report } from '../rule.ts';
import { nearest } from '../../graph/suggest.ts';
import type { CrossLink } from '../../types.ts';

/** The ids listed under `key` in an entry's frontmatter, valid or not, with their index. */
function listedIds(entry: Entry, key: 'icps' | 'related'): { id: string; index: number }[] {
  const data = entry.data as Record<string, unknown> | undefined;
  const list = data ? data[key] : entry.raw?.[key];
  if (!Array.isArray(list)) return [];
  // Malformed ids are reported by `schema`; only well-formed ones are looked up.
  return list.flatMap((id, index) => (typeof id === 'string' && ID_PATTERN.test(id) ? [{ id, index }] : []));
}

function knownIds(ids: Iterable<string>): string {
  const sorted = [...ids].sort();
  if (sorted.length === 0) return 'none yet';
  return sorted.slice(0, 8).join(', ') + (sorted.length > 8 ? ', …' : '');
}

/** What to do about an id that resolves to nothing in `type`; `asLink` words the advice as `[[type:id]]`. */
function advice(graph: Graph, type: EntryType, id: string, asLink = false): string {
  const show = (t: EntryType, x: string) => (asLink ? `"[[${t}:${x}]]"` : `"${x}"`);
  const guess = nearest(id, graph.all[type].keys());
  if (guess) return `Did you mean ${show(type, guess)}?`;
  const elsewhere = ENTRY_TYPES.find((t) => t !== type && graph.all[t].has(id));
  const known = `existing ${TYPE_LABELS[type]} ids: ${knownIds(graph.all[type].keys())}`;
  if (elsewhere && asLink) return `"${id}" is ${article(TYPE_LABELS[elsewhere])} ${TYPE_LABELS[elsewhere]}: write ${show(elsewhere, id)}.`;
  if (elsewhere) return `"${id}" is ${article(TYPE_LABELS[elsewhere])} ${TYPE_LABELS[elsewhere]}, not ${article(TYPE_LABELS[type])} ${TYPE_LABELS[type]} (${known}).`;
  return `Use the id of a file in ${TYPE_FOLDERS[type]}/ (${known}), or create ${TYPE_FOLDERS[type]}/${id}.mdx.`;
}

/** Names people write for a type in `[[type:id]]`, mapped to the type they mean. */
const TYPE_NAMES: Record<string, EntryType> = {
  icp: 'icp',
  icps: 'icp',
  persona: 'persona',
  personas: 'persona',
  term: 'term',
  terms: 'term',
  glossary: 'term',
  guide: 'guide',
  guides: 'guide',
};

function article(label: string): string {
  return /^[aeiouAEIOU]|^ICP/.test(label) ? 'an' : 'a';
}

function orList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export const rule = defineRule({
  id: 'unknown-reference',
  severity: 'error',
  description: 'An id reference (a persona\'s ICPs, a term\'s related terms, a [[…]] cross-link) that resolves to nothing.',
  docs: 'Personas name their ICPs in `icps`, glossary terms name related terms in `related`, and any body can link to another page with `[[type:id]]` (`[[persona:analytics-alex]]`, `[[icp:midmarket]]`, `[[term:tam]]`, `[[guide:getting-started]]`) or `[[id]]` when only one type has that id. A reference to an id that does not exist would be a dead link on the site, so it fails CI. The message suggests the nearest existing id when there is one; `[[id]]` that several types share must say which type it means.',
  messages: {
    missingIcp: 'Persona "{{id}}" names ICP "{{target}}", which does not exist.',
    missingRelated: 'Glossary term "{{id}}" lists related term "{{target}}", which does not exist.',
    missingTyped: 'The link {{raw}} points to {{label}} "{{target}}", which does not exist.',
    missingUntyped: 'The link {{raw}} points to "{{target}}", but no ICP, persona, glossary term or guide has that id.',
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
    for (const entry of graph.entries) {
      if (entry.type === 'persona') {
        for (const { id, index } of listedIds(entry, 'icps')) {
          if (graph.all.icp.has(id)) continue;
          report({ entry, messageId: 'missingIcp', data: { id: entry.id, target: id, advice: advice(graph, 'icp', id) }, path: ['icps', index] });
        }
      }
      if (entry.type === 'term') {
        for (const { id, index } of listedIds(entry, 'related')) {
          if (graph.all.term.has(id)) continue;
          report({ entry, messageId: 'missingRelated', data: { id: entry.id, target: id, advice: advice(graph, 'term', id) }, path: ['related', index] });
        }
      }
      for (const link of entry.body.crossLinks) checkLink(graph, entry, link, report);
    }
  },
});

function checkLink(graph: Graph, entry: Entry, link: CrossLink, report: (r: Report) => void) {
  const loc = { line: link.line, column: link.column };
  const raw = `"${link.raw}"`;
  if (link.kind && !(ENTRY_TYPES as readonly string[]).includes(link.kind)) {
    const guess = nearest(link.kind.toLowerCase(), Object.keys(TYPE_NAMES));
    const type = guess ? TYPE_NAMES[guess] : undefined;
    const prefixes = orList(ENTRY_TYPES.map((t) => `"${t}:"`));
    report({
      entry,
      messageId: 'unknownType',
      data: {
        raw,
        kind: link.kind,
        advice: type ? `Did you mean "[[${type}:${link.id}]]"?` : `Use ${prefixes}, or leave the type out: "[[${link.id}]]".`,
      },
      loc,
    });
    return;
  }
  const { target, candidates } = resolveLink(graph, link);
  if (target) return;
  if (link.kind) {
    const kind = link.kind;
    report({
      entry,
      messageId: 'missingTyped',
      data: { raw, label: TYPE_LABELS[kind], target: link.id, advice: advice(graph, kind, link.id, true) },
      loc,
    });
  } else if (candidates.length === 0) {
    const all = ENTRY_TYPES.flatMap((t) => [...graph.all[t].keys()].map((id) => ({ t, id })));
    const guess = nearest(link.id, new Set(all.map((c) => c.id)));
    const hit = guess ? all.filter((c) => c.id === guess) : [];
    const advice =
      hit.length === 1
        ? `Did you mean "[[${guess}]]"?`
        : hit.length > 1
          ? `Did you mean ${orList(hit.map((c) => `"[[${c.t}:${c.id}]]"`))}?`
          : 'Link to the id of an existing file (its name without ".mdx"), with its type if you like: "[[persona:<id>]]".';
    report({ entry, messageId: 'missingUntyped', data: { raw, target: link.id, advice }, loc });
  } else {
    const described = candidates.map((c) => `${article(TYPE_LABELS[c.type])} ${TYPE_LABELS[c.type]}`);
    const both = candidates.length === 2 ? `both ${described.join(' and ')}` : `${described.slice(0, -1).join(', ')} and ${described[described.length - 1]}`;
    report({
      entry,
      messageId: 'ambiguous',
      data: { raw, target: link.id, candidates: both, choices: orList(candidates.map((c) => `"[[${c.type}:${c.id}]]"`)) },
      loc,
    });
  }
}
