/**
 * References between entries — ids listed in frontmatter (a persona's `icps`, a glossary term's
 * `related`) and `[[…]]` cross-links in bodies — and the ones that resolve to nothing.
 */
import { ENTRY_TYPES, type EntryType, ID_PATTERN } from '../../schema/index.ts';
import type { Entry } from '../parse/entry.ts';
import type { CrossLink } from '../types.ts';
import { type Graph, resolveLink } from './graph.ts';
import { nearest } from './suggest.ts';

/** The frontmatter lists that hold ids, by the type of the entry that has them. */
const LISTS = { persona: { key: 'icps', type: 'icp' }, term: { key: 'related', type: 'term' } } as const;

/** A frontmatter list of ids: its key and the type of entry its ids name. */
export type IdList = (typeof LISTS)[keyof typeof LISTS];

/** A reference that resolves to nothing. */
export type UnresolvedReference =
  /** An id in a persona's `icps` or a term's `related` that no file of that type has. */
  | { problem: 'listed'; entry: Entry; list: IdList; id: string; index: number }
  /** `[[kind:id]]` whose kind is not a content type. */
  | { problem: 'unknownType'; entry: Entry; link: CrossLink; kind: string }
  /** `[[type:id]]` or `[[id]]` that no file has. */
  | { problem: 'missing'; entry: Entry; link: CrossLink }
  /** `[[id]]` that files of several types have. */
  | { problem: 'ambiguous'; entry: Entry; link: CrossLink; candidates: Entry[] };

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

const isEntryType = (kind: string): kind is EntryType => (ENTRY_TYPES as readonly string[]).includes(kind);

/** The ids listed under `key` in an entry's frontmatter, valid or not, with their index. */
export function listedIds(entry: Entry, key: 'icps' | 'related'): { id: string; index: number }[] {
  const data = entry.data as Record<string, unknown> | undefined;
  const list = data ? data[key] : entry.raw?.[key];
  if (!Array.isArray(list)) return [];
  // Malformed ids are reported by `schema`; only well-formed ones are looked up.
  return list.flatMap((id, index) => (typeof id === 'string' && ID_PATTERN.test(id) ? [{ id, index }] : []));
}

/** Every reference in the graph that resolves to nothing, file by file: listed ids first, then body links. */
export function* unresolvedReferences(graph: Graph): Generator<UnresolvedReference> {
  for (const entry of graph.entries) {
    const list = entry.type === 'persona' || entry.type === 'term' ? LISTS[entry.type] : undefined;
    if (list) {
      for (const { id, index } of listedIds(entry, list.key)) {
        if (!graph.all[list.type].has(id)) yield { problem: 'listed', entry, list, id, index };
      }
    }
    for (const link of entry.body.crossLinks) {
      if (link.kind && !isEntryType(link.kind)) {
        yield { problem: 'unknownType', entry, link, kind: link.kind };
        continue;
      }
      const { target, candidates } = resolveLink(graph, link);
      if (target) continue;
      if (link.kind || candidates.length === 0) yield { problem: 'missing', entry, link };
      else yield { problem: 'ambiguous', entry, link, candidates };
    }
  }
}

/** The content type an unknown `[[kind:…]]` most likely means ("personas" → persona, "glossary" → term). */
export function likelyType(kind: string): EntryType | undefined {
  const guess = nearest(kind.toLowerCase(), Object.keys(TYPE_NAMES));
  return guess ? TYPE_NAMES[guess] : undefined;
}

/** The existing ids nearest to `id` across all types, one per type that has it; none when nothing is near. */
export function nearestAnywhere(graph: Graph, id: string): { type: EntryType; id: string }[] {
  const all = ENTRY_TYPES.flatMap((type) => [...graph.all[type].keys()].map((x) => ({ type, id: x })));
  const guess = nearest(id, new Set(all.map((c) => c.id)));
  return guess ? all.filter((c) => c.id === guess) : [];
}
