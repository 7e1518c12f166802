/**
 * The history of an ICP or persona page (DESIGN §11): its last changes in the git repository that
 * holds the content, each with a one-line "what changed" in go-to-market terms ("Threshold 65 → 70",
 * "Must-have added: 200–1,500 employees", "Moved from Mid-market SaaS to E-commerce scale-ups").
 *
 * Pure: the loader reads the commits and both versions of each changed file (src/loader/git.ts) and
 * hands the texts over; criteria, thresholds and ICP moves come from the diff engine of
 * `npm run diff` (diff.ts), the other fields are compared here.
 */
import { parse } from 'yaml';
import type { Config, EntryType } from '../../schema/index.ts';
import { SCHEMAS } from '../../schema/index.ts';
import { buildGraph } from '../graph/graph.ts';
import type { Entry } from '../parse/entry.ts';
import { splitFrontmatter } from '../parse/frontmatter.ts';
import { scanYaml } from '../parse/prescan-yaml.ts';
import { isRecord } from '../parse/raw.ts';
import { formatBand } from '../views/format.ts';
import { count, DMU_LABELS, joinList, plural } from '../words.ts';
import { type CriterionChange, diffPlaybooks, type PersonaMove } from './diff.ts';

/** At most this many changes are shown per page. */
export const MAX_HISTORY = 10;

/** Only ICPs and personas have a history section. */
export type HistoryType = Extract<EntryType, 'icp' | 'persona'>;

/** One commit that changed a file, with the file's text before and after it. */
export interface FileChange {
  commit: string;
  /** `YYYY-MM-DD`, the author date. */
  date: string;
  author: string;
  subject: string;
  /** The file's text in the commit's parent; undefined when the commit added the file. */
  before?: string;
  /** The file's text in the commit; undefined when the commit deleted it. */
  after?: string;
}

/** One line of a page's history. */
export interface HistoryEntry {
  commit: string;
  /** The first 7 characters of the commit. */
  short: string;
  date: string;
  author: string;
  subject: string;
  /** What changed, in go-to-market terms. */
  changes: string;
  /** The commit on the repository host, when `repo_url` is set. */
  url?: string;
}

/** The history of every ICP and persona page, or why there is none. */
export type SiteHistory =
  | { available: true; pages: Map<string, HistoryEntry[]> }
  | { available: false; reason: string };

/** What a page shows: its entries (newest first), or why there are none. */
export type PageHistory = { entries: HistoryEntry[] } | { reason: string };

/** The key of a page's history: `icp:midmarket-saas`. */
export const historyKey = (type: HistoryType, id: string) => `${type}:${id}`;

/** The history section of one page. Undefined when history was not read at all (`astro dev`). */
export function pageHistory(
  history: SiteHistory | undefined,
  type: HistoryType,
  id: string,
): PageHistory | undefined {
  if (!history) return undefined;
  if (!history.available) return { reason: history.reason };
  const entries = history.pages.get(historyKey(type, id));
  return entries?.length ? { entries } : { reason: 'This page has no committed changes yet.' };
}

export interface HistoryContext {
  config: Config;
  /** A current name for an ICP id (the texts of old versions name ICPs by id only). */
  icpName: (id: string) => string | undefined;
  /**
   * Versions already read, by file and text, so that each version is parsed once: a version is the
   * "after" of one change and the "before" of the next, and the newest is usually the file as it is
   * (seed it with `knownVersions` of the parsed entries).
   */
  versions?: Map<string, Map<string, Version>>;
}

/** The history of every page from its changes (newest first, at most MAX_HISTORY used per page). */
export function buildHistory(
  files: Map<string, { type: HistoryType; id: string; changes: FileChange[] }>,
  context: HistoryContext,
): SiteHistory {
  const pages = new Map<string, HistoryEntry[]>();
  const repo = context.config.repo_url?.replace(/\/+$/, '');
  for (const { type, id, changes } of files.values()) {
    pages.set(
      historyKey(type, id),
      changes.slice(0, MAX_HISTORY).map((c) => ({
        commit: c.commit,
        short: c.commit.slice(0, 7),
        date: c.date,
        author: c.author,
        subject: c.subject,
        changes: whatChanged(type, id, c.before, c.after, context),
        ...(repo && { url: `${repo}/commit/${c.commit}` }),
      })),
    );
  }
  return { available: true, pages };
}

// ---------------------------------------------------------------------------------------------
// What changed

/** One version of a file, parsed. */
export interface Version {
  raw?: Record<string, unknown>;
  /** The entry, when its frontmatter passes the schema. */
  entry?: Entry;
  body: string;
}

const bodyText = (body: string) => body.replace(/\r\n/g, '\n').trim();

/** The versions of parsed entries (those that still have their text), for `HistoryContext.versions`. */
export function knownVersions(entries: readonly Entry[]): Map<string, Map<string, Version>> {
  const versions = new Map<string, Map<string, Version>>();
  for (const e of entries) {
    if ((e.type !== 'icp' && e.type !== 'persona') || e.text === undefined || !e.raw) continue;
    const version: Version = { raw: e.raw, entry: e.data ? e : undefined, body: bodyText(e.body.text) };
    versions.set(historyKey(e.type, e.id), new Map([[e.text, version]]));
  }
  return versions;
}

function cachedVersion(type: HistoryType, id: string, text: string, context: HistoryContext): Version {
  if (!context.versions) return readVersion(type, id, text);
  const key = historyKey(type, id);
  const file = context.versions.get(key) ?? new Map<string, Version>();
  context.versions.set(key, file);
  const version = file.get(text) ?? readVersion(type, id, text);
  file.set(text, version);
  return version;
}

function readVersion(type: HistoryType, id: string, text: string): Version {
  const split = splitFrontmatter(text.replace(/^\uFEFF/, ''));
  if ('rule' in split) return { body: text };
  const body = bodyText(split.body);
  // An old version is as untrusted as the current one: YAML too complex to parse in bounded time
  // (§12) is not parsed, and the version reads as one whose frontmatter does not parse.
  if (scanYaml(split.yaml, 2)) return { body };
  // Plain YAML: an old version needs no key positions, and this is the costly step of the history.
  let data: unknown;
  try {
    data = parse(split.yaml, { prettyErrors: false, uniqueKeys: true, maxAliasCount: 100 });
  } catch {
    return { body };
  }
  if (!isRecord(data)) return { body };
  const raw = data;
  const parsed = SCHEMAS[type].safeParse(raw);
  if (!parsed.success) return { raw, body };
  const path = `${type === 'icp' ? 'icps' : 'personas'}/${id}.mdx`;
  const entry = {
    type,
    id,
    file: path,
    path,
    raw,
    data: parsed.data,
    positions: new Map(),
    body: { text: body, line: 1, crossLinks: [], links: [] },
    problems: [],
  } as Entry;
  return { raw, entry, body };
}

const FORMATTING_ONLY = 'No change to the content (formatting only)';

/** How many items a "what changed" line names before "and N more". */
const MAX_ITEMS = 5;

/** The one-line summary of a change to an ICP or persona file. */
export function whatChanged(
  type: HistoryType,
  id: string,
  beforeText: string | undefined,
  afterText: string | undefined,
  context: HistoryContext,
): string {
  if (beforeText === undefined) return 'Created';
  if (afterText === undefined) return 'Deleted';
  // The same frontmatter: only the body can differ, and nothing needs parsing.
  const frontmatter = (text: string) => {
    const split = splitFrontmatter(text.replace(/^\uFEFF/, ''));
    return 'rule' in split ? undefined : split;
  };
  const f0 = frontmatter(beforeText);
  const f1 = frontmatter(afterText);
  if (f0 && f1 && f0.yaml === f1.yaml) {
    return bodyText(f0.body) === bodyText(f1.body) ? FORMATTING_ONLY : 'Body text edited';
  }
  const before = cachedVersion(type, id, beforeText, context);
  const after = cachedVersion(type, id, afterText, context);
  const items: string[] = [];
  const handled = new Set<string>(['last_reviewed']);
  if (before.entry && after.entry) {
    const side = (entry: Entry) => ({ graph: buildGraph([entry]), diagnostics: [], config: context.config });
    const diff = diffPlaybooks(side(before.entry), side(after.entry));
    for (const t of diff.thresholds)
      items.push(
        t.before === null
          ? `Threshold set to ${t.after}`
          : t.after === null
            ? `Threshold removed (was ${t.before})`
            : `Threshold ${t.before} → ${t.after}`,
      );
    items.push(...diff.criteria.map(criterionLine));
    items.push(...diff.moved.flatMap((m) => moveLines(m, context)));
    for (const key of ['must_haves', 'deal_breakers', 'scoring', 'icps']) handled.add(key);
  }
  if (!after.raw) items.push('Frontmatter no longer parses');
  else if (!before.raw) items.push('Frontmatter repaired');
  else if (!after.entry && before.entry) items.push('Frontmatter no longer passes the schema');
  if (before.raw && after.raw) {
    // With defaults applied where the version passes the schema (a missing status is "active").
    const both = before.entry && after.entry;
    const a = (both ? before.entry?.data : before.raw) as Record<string, unknown>;
    const b = (both ? after.entry?.data : after.raw) as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (handled.has(key) || same(a[key], b[key])) continue;
      items.push(...fieldLines(key, a[key], b[key]));
    }
  }
  const a = before.raw ?? {};
  const b = after.raw ?? {};
  if (before.body !== after.body) items.push('Body text edited');
  if (!same(a.last_reviewed, b.last_reviewed) && b.last_reviewed !== undefined)
    items.push(`Reviewed ${String(b.last_reviewed)}`);
  if (items.length === 0) return FORMATTING_ONLY;
  const shown = items.slice(0, MAX_ITEMS);
  const more = items.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${count(more, 'more change')}` : ''}`;
}

/** The same value, whatever the order of object keys. */
const same = (x: unknown, y: unknown) => canonical(x) === canonical(y);

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

const LIST_WORDS: Record<CriterionChange['list'], string> = {
  must_haves: 'Must-have',
  deal_breakers: 'Deal-breaker',
  scoring: 'Scoring rule',
};

function criterionLine(c: CriterionChange): string {
  const kind = LIST_WORDS[c.list];
  if (c.change === 'added') return `${kind} added: ${c.label}`;
  if (c.change === 'removed') return `${kind} removed: ${c.label}`;
  if (c.previous_label !== undefined) return `${kind} "${c.previous_label}" → "${c.label}"`;
  if (c.before !== undefined && c.after !== undefined && c.before !== c.after)
    return `${kind} "${c.label}": ${c.before} → ${c.after}`;
  return `${kind} changed: ${c.label}`;
}

function moveLines(m: PersonaMove, context: HistoryContext): string[] {
  const name = (id: string) => context.icpName(id) ?? id;
  const from = new Set(m.from.map((l) => l.id));
  const to = new Set(m.to.map((l) => l.id));
  const added = [...to].filter((id) => !from.has(id)).map(name);
  const removed = [...from].filter((id) => !to.has(id)).map(name);
  if (added.length && removed.length) return [`Moved from ${joinList(removed)} to ${joinList(added)}`];
  if (added.length) return [`Added to ${plural(added.length, 'ICP', 'ICPs')} ${joinList(added)}`];
  return [`Removed from ${plural(removed.length, 'ICP', 'ICPs')} ${joinList(removed)}`];
}

/** Field names as a reader says them. */
const FIELD_WORDS: Record<string, string> = {
  dmu_roles: 'DMU roles',
  icps: 'ICPs',
  tam: 'TAM',
  sam: 'SAM',
  som: 'SOM',
  as_of: 'as of',
};

const words = (key: string) => FIELD_WORDS[key] ?? key.replace(/_/g, ' ');
const title = (key: string) => {
  const w = words(key);
  return w.charAt(0).toUpperCase() + w.slice(1);
};

/** A value short enough to show before and after. */
function short(value: unknown): string | undefined {
  if (value === undefined || value === null) return 'none';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.length <= 40 ? value : undefined;
  if (isRecord(value) && Object.keys(value).every((k) => k === 'min' || k === 'max' || k === 'currency')) {
    const min = typeof value.min === 'number' ? value.min : undefined;
    const max = typeof value.max === 'number' ? value.max : undefined;
    const band = formatBand(min, max);
    return band && `${band}${typeof value.currency === 'string' ? ` ${value.currency}` : ''}`;
  }
  return undefined;
}

function fieldLines(key: string, before: unknown, after: unknown): string[] {
  if (key === 'dmu_roles' && Array.isArray(before) && Array.isArray(after)) {
    const label = (r: unknown) => DMU_LABELS[r as keyof typeof DMU_LABELS] ?? String(r);
    const added = after.filter((r) => !before.includes(r)).map(label);
    const removed = before.filter((r) => !after.includes(r)).map(label);
    return [
      ...(added.length ? [`DMU ${plural(added.length, 'role')} added: ${joinList(added)}`] : []),
      ...(removed.length ? [`DMU ${plural(removed.length, 'role')} removed: ${joinList(removed)}`] : []),
    ];
  }
  if (before === undefined) return [`${title(key)} added${inline(after)}`];
  if (after === undefined) return [`${title(key)} removed`];
  if (Array.isArray(before) && Array.isArray(after)) {
    const as = before.map(canonical);
    const bs = after.map(canonical);
    const added = bs.filter((x) => !as.includes(x)).length;
    const removed = as.filter((x) => !bs.includes(x)).length;
    const parts = [added && `${added} added`, removed && `${removed} removed`].filter(Boolean);
    return [`${title(key)}: ${parts.length ? parts.join(', ') : 'reordered'}`];
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => !same(before[k], after[k]),
    );
    const described = keys.map((k) => {
      const x = short(before[k]);
      const y = short(after[k]);
      return x !== undefined && y !== undefined ? `${words(k)} ${x} → ${y}` : words(k);
    });
    return [
      `${title(key)}: ${joinList(described)}${described.every((d) => d.includes('→')) ? '' : ' changed'}`,
    ];
  }
  const x = short(before);
  const y = short(after);
  return [x !== undefined && y !== undefined ? `${title(key)} ${x} → ${y}` : `${title(key)} rewritten`];
}

function inline(value: unknown): string {
  const s = short(value);
  return s !== undefined && !Array.isArray(value) ? `: ${s}` : '';
}
