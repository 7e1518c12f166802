import { ENTRY_TYPES, type EntryType } from '../../schema/index.ts';
import type { Entry, GuideEntry, IcpEntry, PersonaEntry, TermEntry } from '../parse/entry.ts';
import type { CrossLink } from '../types.ts';

/** `type:id`, the key of an entry across types. */
export const keyOf = (type: EntryType, id: string) => `${type}:${id}`;

export interface Backlink {
  from: Entry;
  /** How the source points here: a cross-link in text, a persona's `icps`, a term's `related`. */
  via: 'text' | 'icps' | 'related';
}

export interface LinkResolution {
  target?: Entry;
  /** Entries of several types sharing an id, for an ambiguous `[[id]]`. */
  candidates: Entry[];
}

/** The content graph, built once in linear time. */
export interface Graph {
  /** Every content file, sorted by path. */
  entries: Entry[];
  /** Every file by type and id, valid or not (existence is what references need). */
  all: Record<EntryType, Map<string, Entry>>;
  icps: Map<string, IcpEntry>;
  personas: Map<string, PersonaEntry>;
  terms: Map<string, TermEntry>;
  guides: Map<string, GuideEntry>;
  /** Valid personas naming each ICP id (including ids that do not exist). */
  personasByIcp: Map<string, PersonaEntry[]>;
  /** Incoming references by target key. */
  backlinks: Map<string, Backlink[]>;
}

const isValid = <T extends Entry>(e: Entry): e is T => e.data !== undefined;

export function buildGraph(entries: Entry[]): Graph {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const all = Object.fromEntries(ENTRY_TYPES.map((t) => [t, new Map<string, Entry>()])) as Graph['all'];
  const graph: Graph = {
    entries: sorted,
    all,
    icps: new Map(),
    personas: new Map(),
    terms: new Map(),
    guides: new Map(),
    personasByIcp: new Map(),
    backlinks: new Map(),
  };
  for (const e of sorted) {
    if (!all[e.type].has(e.id)) all[e.type].set(e.id, e);
    if (!isValid(e)) continue;
    if (e.type === 'icp' && !graph.icps.has(e.id)) graph.icps.set(e.id, e as IcpEntry);
    if (e.type === 'persona' && !graph.personas.has(e.id)) graph.personas.set(e.id, e as PersonaEntry);
    if (e.type === 'term' && !graph.terms.has(e.id)) graph.terms.set(e.id, e as TermEntry);
    if (e.type === 'guide' && !graph.guides.has(e.id)) graph.guides.set(e.id, e as GuideEntry);
  }
  const addBacklink = (target: Entry | undefined, from: Entry, via: Backlink['via']) => {
    if (!target || target === from) return;
    const key = keyOf(target.type, target.id);
    const list = graph.backlinks.get(key) ?? [];
    if (!list.some((b) => b.from === from)) list.push({ from, via });
    graph.backlinks.set(key, list);
  };
  for (const persona of graph.personas.values()) {
    for (const icpId of new Set(persona.data.icps)) {
      const list = graph.personasByIcp.get(icpId) ?? [];
      list.push(persona);
      graph.personasByIcp.set(icpId, list);
      addBacklink(all.icp.get(icpId), persona, 'icps');
    }
  }
  for (const term of graph.terms.values()) {
    for (const id of term.data.related ?? []) addBacklink(all.term.get(id), term, 'related');
  }
  for (const e of sorted) {
    for (const link of e.body.crossLinks) addBacklink(resolveLink(graph, link).target, e, 'text');
  }
  return graph;
}

/** Resolves a `[[…]]` cross-link. An id without a type resolves only when exactly one type has it. */
export function resolveLink(graph: Graph, link: Pick<CrossLink, 'kind' | 'id'>): LinkResolution {
  if (link.kind) {
    const map = graph.all[link.kind] as Map<string, Entry> | undefined;
    const target = map?.get(link.id);
    return { target, candidates: target ? [target] : [] };
  }
  const candidates = ENTRY_TYPES.map((t) => graph.all[t].get(link.id)).filter(
    (e): e is Entry => e !== undefined,
  );
  return { target: candidates.length === 1 ? candidates[0] : undefined, candidates };
}

/** The display name of an entry: `name`, `term` or `title`, else its id. */
export function displayName(entry: Entry): string {
  const raw = (entry.data ?? entry.raw) as Record<string, unknown> | undefined;
  const name = raw?.name ?? raw?.term ?? raw?.title;
  return typeof name === 'string' && name.trim() ? name : entry.id;
}
