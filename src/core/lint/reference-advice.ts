/**
 * What `unknown-reference` says about a reference that resolves to nothing: which message, the
 * values for its templates, and the advice — the nearest existing id, the type the id really has,
 * or where a file with that id would go.
 */
import { ENTRY_TYPES, type EntryType, TYPE_FOLDERS } from '../../schema/index.ts';
import type { Graph } from '../graph/graph.ts';
import { likelyType, nearestAnywhere, type UnresolvedReference } from '../graph/references.ts';
import { nearest } from '../graph/suggest.ts';
import { joinList, TYPE_WORDS } from '../words.ts';
import type { Report } from './rule.ts';

/** Sorted ids for a message, at most eight ("a, b, …" past that), or "none yet". */
export function knownIds(ids: Iterable<string>): string {
  const sorted = [...ids].sort();
  if (sorted.length === 0) return 'none yet';
  return sorted.slice(0, 8).join(', ') + (sorted.length > 8 ? ', …' : '');
}

/** "an ICP", "a persona", "a glossary term", "a guide". */
function withArticle(type: EntryType): string {
  const label = TYPE_WORDS[type].one;
  return `${/^[aeiouAEIOU]|^ICP/.test(label) ? 'an' : 'a'} ${label}`;
}

/** What to do about an id that resolves to nothing in `type`; `asLink` words the advice as `[[type:id]]`. */
function advice(graph: Graph, type: EntryType, id: string, asLink = false): string {
  const show = (t: EntryType, x: string) => (asLink ? `"[[${t}:${x}]]"` : `"${x}"`);
  const guess = nearest(id, graph.all[type].keys());
  if (guess) return `Did you mean ${show(type, guess)}?`;
  const elsewhere = ENTRY_TYPES.find((t) => t !== type && graph.all[t].has(id));
  const known = `existing ${TYPE_WORDS[type].one} ids: ${knownIds(graph.all[type].keys())}`;
  if (elsewhere && asLink) return `"${id}" is ${withArticle(elsewhere)}: write ${show(elsewhere, id)}.`;
  if (elsewhere) return `"${id}" is ${withArticle(elsewhere)}, not ${withArticle(type)} (${known}).`;
  const folder = TYPE_FOLDERS[type];
  return `Use the id of a file in ${folder}/ (${known}), or create ${folder}/${id}.mdx.`;
}

/** `"[[type:id]]"`, as advice writes a link. */
const typedLink = (c: { type: EntryType; id: string }) => `"[[${c.type}:${c.id}]]"`;

/** `"icp:"`, `"persona:"`…: the prefixes a typed link may have. */
const TYPE_PREFIXES = ENTRY_TYPES.map((t) => `"${t}:"`);

/** Advice for `[[id]]` that no type has: the nearest id, with its type when several types share it. */
function untypedAdvice(graph: Graph, id: string): string {
  const hit = nearestAnywhere(graph, id);
  if (hit.length === 1) return `Did you mean "[[${hit[0]!.id}]]"?`;
  if (hit.length > 1) return `Did you mean ${joinList(hit.map(typedLink), 'or')}?`;
  return (
    'Link to the id of an existing file (its name without ".mdx"), with its type if you like: ' +
    '"[[persona:<id>]]".'
  );
}

/** The `unknown-reference` finding for one unresolved reference: message id, template values, position. */
export function referenceFinding(graph: Graph, ref: UnresolvedReference): Omit<Report, 'entry'> {
  if (ref.problem === 'listed') {
    const { list, id, index } = ref;
    const data = { id: ref.entry.id, target: id, advice: advice(graph, list.type, id) };
    const messageId = list.key === 'icps' ? 'missingIcp' : 'missingRelated';
    return { messageId, data, path: [list.key, index] };
  }
  const { link } = ref;
  const loc = { line: link.line, column: link.column };
  const raw = `"${link.raw}"`;
  if (ref.problem === 'unknownType') {
    const type = likelyType(ref.kind);
    const prefixes = joinList(TYPE_PREFIXES, 'or');
    const advice = type
      ? `Did you mean "[[${type}:${link.id}]]"?`
      : `Use ${prefixes}, or leave the type out: "[[${link.id}]]".`;
    return { messageId: 'unknownType', data: { raw, kind: ref.kind, advice }, loc };
  }
  if (ref.problem === 'ambiguous') {
    const types = ref.candidates.map((c) => withArticle(c.type));
    const candidates = `${types.length === 2 ? 'both ' : ''}${joinList(types)}`;
    const choices = joinList(ref.candidates.map(typedLink), 'or');
    return { messageId: 'ambiguous', data: { raw, target: link.id, candidates, choices }, loc };
  }
  if (!link.kind) {
    const data = { raw, target: link.id, advice: untypedAdvice(graph, link.id) };
    return { messageId: 'missingUntyped', data, loc };
  }
  const typed = advice(graph, link.kind, link.id, true);
  const data = { raw, label: TYPE_WORDS[link.kind].one, target: link.id, advice: typed };
  return { messageId: 'missingTyped', data, loc };
}
