/**
 * The change summary of a pull request: what two versions of the playbook differ in, in the terms a
 * reviewer cares about (ICPs and personas added, removed, renamed, personas moved between ICPs,
 * fit criteria, DMU coverage, lint findings, backtest precision and recall), not in lines.
 *
 * Pure: takes two graphs with their diagnostics and returns data; `formatDiffMarkdown` and
 * `formatDiffJson` turn it into text.
 */
import type { Config, Criterion, DmuRole, ScoringRule } from '../../schema/index.ts';
import { displayName, type Graph } from '../graph/graph.ts';
import type { Entry, PersonaEntry } from '../parse/entry.ts';
import type { Diagnostic, Severity } from '../types.ts';
import { count, countEntries, TYPE_WORDS, thousands } from '../words.ts';

/** Backtest figures of one ICP on one side (ratios 0–1, null when undefined). */
export interface BacktestFigures {
  precision: number | null;
  recall: number | null;
}

/** One version of the playbook. */
export interface DiffSide {
  graph: Graph;
  /** Lint diagnostics of this version; `file` may use any prefix, `path` of the entry is what is compared. */
  diagnostics: Diagnostic[];
  config: Config;
  /** Backtest figures by ICP id, when a deals file was found for this version. */
  backtest?: Record<string, BacktestFigures>;
}

export type ProfileType = 'icp' | 'persona';

/** An ICP or persona as the summary names it. */
export interface ProfileRef {
  type: ProfileType;
  id: string;
  name: string;
}

export interface Rename {
  type: ProfileType;
  from: ProfileRef;
  to: ProfileRef;
  /** 0–1: how much of the content the two files share. */
  similarity: number;
}

export interface PersonaMove {
  persona: ProfileRef;
  /** ICPs before and after; an id that names no ICP has `missing: true`. */
  from: IcpLink[];
  to: IcpLink[];
}

export interface IcpLink {
  id: string;
  name: string;
  missing?: boolean;
}

export type CriterionList = 'must_haves' | 'deal_breakers' | 'scoring';

export interface CriterionChange {
  icp: ProfileRef;
  list: CriterionList;
  change: 'added' | 'removed' | 'changed';
  /** The criterion's label (head version for added and changed ones, base version for removed ones). */
  label: string;
  /** The base label when a changed criterion was relabelled. */
  previous_label?: string;
  /** What the rule tests, as text (`employees between 200 and 1,500`); absent for plain sentences. */
  before?: string;
  after?: string;
}

export interface ThresholdChange {
  icp: ProfileRef;
  before: number | null;
  after: number | null;
}

export interface DmuChange {
  icp: ProfileRef;
  gained: DmuRole[];
  lost: DmuRole[];
  /** Required roles (playbook.yaml `required_dmu_roles`) that the head version no longer covers. */
  lost_required: DmuRole[];
}

export interface LintFinding {
  file: string;
  line: number;
  rule: string;
  severity: Severity;
  message: string;
}

export interface BacktestChange {
  icp: ProfileRef;
  before: BacktestFigures | null;
  after: BacktestFigures | null;
}

export interface PlaybookDiff {
  added: ProfileRef[];
  removed: ProfileRef[];
  renamed: Rename[];
  moved: PersonaMove[];
  criteria: CriterionChange[];
  thresholds: ThresholdChange[];
  dmu: DmuChange[];
  lint: {
    new: LintFinding[];
    fixed: LintFinding[];
    /** Totals of the head version. */
    head: { errors: number; warnings: number };
  };
  /** Precision and recall of changed ICPs, when either version has a deals file. */
  backtest: BacktestChange[];
}

const PROFILE_TYPES: readonly ProfileType[] = ['icp', 'persona'];
/** Below this share of common content two files are not a rename. */
const RENAME_THRESHOLD = 0.5;
/** With the same name, a lower share suffices. */
const RENAME_THRESHOLD_SAME_NAME = 0.25;
/** Rename detection compares every removed file with every added one; past this many pairs it is skipped. */
const MAX_RENAME_PAIRS = 250_000;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const profileRef = (entry: Entry): ProfileRef => ({
  type: entry.type as ProfileType,
  id: entry.id,
  name: displayName(entry),
});

/** Compares two versions of a playbook. */
export function diffPlaybooks(base: DiffSide, head: DiffSide): PlaybookDiff {
  const diff: PlaybookDiff = {
    added: [],
    removed: [],
    renamed: [],
    moved: [],
    criteria: [],
    thresholds: [],
    dmu: [],
    lint: { new: [], fixed: [], head: { errors: 0, warnings: 0 } },
    backtest: [],
  };
  /** Base id → head id, per type, for entries on both sides (same id or renamed). */
  const pairs: Record<ProfileType, Map<string, string>> = { icp: new Map(), persona: new Map() };
  for (const type of PROFILE_TYPES) {
    const before = base.graph.all[type];
    const after = head.graph.all[type];
    const removed = [...before.values()].filter((e) => !after.has(e.id));
    const added = [...after.values()].filter((e) => !before.has(e.id));
    for (const e of before.values()) if (after.has(e.id)) pairs[type].set(e.id, e.id);
    const renames = detectRenames(removed, added);
    for (const r of renames) {
      pairs[type].set(r.from.id, r.to.id);
      diff.renamed.push({ type, from: profileRef(r.from), to: profileRef(r.to), similarity: r.similarity });
    }
    const renamedFrom = new Set(renames.map((r) => r.from.id));
    const renamedTo = new Set(renames.map((r) => r.to.id));
    diff.removed.push(
      ...removed
        .filter((e) => !renamedFrom.has(e.id))
        .map(profileRef)
        .sort(byId),
    );
    diff.added.push(
      ...added
        .filter((e) => !renamedTo.has(e.id))
        .map(profileRef)
        .sort(byId),
    );
  }
  diff.renamed.sort((a, b) => (a.type === b.type ? byId(a.from, b.from) : a.type === 'icp' ? -1 : 1));

  diff.moved = personaMoves(base.graph, head.graph, pairs);
  const changedIcps = new Set<string>();
  for (const [baseId, headId] of [...pairs.icp].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const a = base.graph.icps.get(baseId);
    const b = head.graph.icps.get(headId);
    if (!a || !b) continue;
    const ref = profileRef(b);
    const changes = [
      ...compareCriteria(ref, 'must_haves', a.data.must_haves, b.data.must_haves),
      ...compareCriteria(ref, 'deal_breakers', a.data.deal_breakers, b.data.deal_breakers),
      ...compareCriteria(ref, 'scoring', a.data.scoring?.rules ?? [], b.data.scoring?.rules ?? []),
    ];
    diff.criteria.push(...changes);
    const t0 = a.data.scoring?.threshold ?? null;
    const t1 = b.data.scoring?.threshold ?? null;
    if (t0 !== t1) diff.thresholds.push({ icp: ref, before: t0, after: t1 });
    if (changes.length > 0 || t0 !== t1 || baseId !== headId) changedIcps.add(headId);

    const roles0 = dmuRoles(base.graph, baseId);
    const roles1 = dmuRoles(head.graph, headId);
    const gained = [...roles1].filter((r) => !roles0.has(r)).sort();
    const lost = [...roles0].filter((r) => !roles1.has(r)).sort();
    if (gained.length || lost.length) {
      const required = new Set(head.config.lint.required_dmu_roles);
      diff.dmu.push({ icp: ref, gained, lost, lost_required: lost.filter((r) => required.has(r)) });
    }
  }
  for (const added of diff.added) if (added.type === 'icp') changedIcps.add(added.id);

  diff.lint = compareLint(base, head, pairs);
  if (base.backtest || head.backtest) {
    const baseIdOf = new Map([...pairs.icp].map(([b, h]) => [h, b]));
    for (const id of [...changedIcps].sort()) {
      const icp = head.graph.icps.get(id);
      if (!icp) continue;
      const before = base.backtest?.[baseIdOf.get(id) ?? ''] ?? null;
      const after = head.backtest?.[id] ?? null;
      if (before?.precision === after?.precision && before?.recall === after?.recall) continue;
      diff.backtest.push({ icp: profileRef(icp), before, after });
    }
  }
  return diff;
}

// ---------------------------------------------------------------------------------------------
// Renames

interface RenamePair {
  from: Entry;
  to: Entry;
  similarity: number;
}

/** Pairs removed and added files of one type whose content is mostly the same, best match first. */
export function detectRenames(removed: Entry[], added: Entry[]): RenamePair[] {
  if (removed.length === 0 || added.length === 0 || removed.length * added.length > MAX_RENAME_PAIRS)
    return [];
  const prints = new Map<Entry, Set<string>>();
  for (const e of [...removed, ...added]) prints.set(e, fingerprint(e));
  const candidates: RenamePair[] = [];
  for (const from of removed) {
    for (const to of added) {
      const similarity = jaccard(prints.get(from)!, prints.get(to)!);
      const sameName =
        displayName(from).trim().toLowerCase() === displayName(to).trim().toLowerCase() &&
        displayName(from) !== from.id;
      if (similarity >= RENAME_THRESHOLD || (sameName && similarity >= RENAME_THRESHOLD_SAME_NAME)) {
        candidates.push({ from, to, similarity: Math.round(similarity * 100) / 100 });
      }
    }
  }
  candidates.sort((a, b) => b.similarity - a.similarity || byId(a.from, b.from) || byId(a.to, b.to));
  const usedFrom = new Set<Entry>();
  const usedTo = new Set<Entry>();
  const result: RenamePair[] = [];
  for (const c of candidates) {
    if (usedFrom.has(c.from) || usedTo.has(c.to)) continue;
    usedFrom.add(c.from);
    usedTo.add(c.to);
    result.push(c);
  }
  return result;
}

/** Fields that change on every edit and say nothing about identity. */
const VOLATILE_KEYS = new Set(['last_reviewed', 'status']);

/** The content of a file as a set of `key=value` facts and body lines. */
function fingerprint(entry: Entry): Set<string> {
  const facts = new Set<string>();
  const add = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) for (const item of value) add(`${prefix}[]`, item);
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) add(`${prefix}.${k}`, v);
    else facts.add(`${prefix}=${String(value).trim().toLowerCase()}`);
  };
  if (entry.raw) {
    for (const [key, value] of Object.entries(entry.raw)) if (!VOLATILE_KEYS.has(key)) add(key, value);
    for (const line of entry.body.text.split('\n')) if (line.trim()) facts.add(`body:${line.trim()}`);
  } else if (entry.text) {
    for (const line of entry.text.split('\n')) if (line.trim()) facts.add(`line:${line.trim()}`);
  }
  return facts;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common += 1;
  return common / (a.size + b.size - common);
}

// ---------------------------------------------------------------------------------------------
// Personas moved between ICPs

function personaMoves(
  base: Graph,
  head: Graph,
  pairs: Record<ProfileType, Map<string, string>>,
): PersonaMove[] {
  const moves: PersonaMove[] = [];
  for (const [baseId, headId] of pairs.persona) {
    const a = base.personas.get(baseId);
    const b = head.personas.get(headId);
    if (!a || !b) continue;
    const before = new Set(a.data.icps.map((id) => pairs.icp.get(id) ?? id));
    const after = new Set(b.data.icps);
    if (before.size === after.size && [...before].every((id) => after.has(id))) continue;
    moves.push({ persona: profileRef(b), from: icpLinks(base, a), to: icpLinks(head, b) });
  }
  return moves.sort((x, y) => byId(x.persona, y.persona));
}

function icpLinks(graph: Graph, persona: PersonaEntry): IcpLink[] {
  return [...new Set(persona.data.icps)].map((id) => {
    const icp = graph.all.icp.get(id);
    return icp ? { id, name: displayName(icp) } : { id, name: id, missing: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Fit criteria

type AnyCriterion = Criterion | ScoringRule;

const labelOf = (c: AnyCriterion) => (typeof c === 'string' ? c : c.label);
const isPlain = (c: AnyCriterion): c is string => typeof c === 'string';

const fmt = thousands;
const values = (list: readonly string[]) => list.join(', ');

/** What an executable rule tests, in words: `employees between 200 and 1,500 (weight 15)`. */
export function ruleShorthand(rule: Exclude<AnyCriterion, string>): string {
  let text: string;
  if (rule.in) text = `${rule.field} in ${values(rule.in)}`;
  else if (rule.not_in) text = `${rule.field} not in ${values(rule.not_in)}`;
  else if (rule.between) text = `${rule.field} between ${fmt(rule.between[0])} and ${fmt(rule.between[1])}`;
  else if (rule.min !== undefined) text = `${rule.field} ≥ ${fmt(rule.min)}`;
  else if (rule.max !== undefined) text = `${rule.field} ≤ ${fmt(rule.max)}`;
  else if (rule.includes_any) text = `${rule.field} includes any of ${values(rule.includes_any)}`;
  else if (rule.includes_all) text = `${rule.field} includes all of ${values(rule.includes_all)}`;
  else text = rule.field;
  return 'weight' in rule ? `${text} (weight ${rule.weight})` : text;
}

const describe = (c: AnyCriterion) => (isPlain(c) ? undefined : ruleShorthand(c));

/** A stable text of a criterion for equality. */
function canonical(c: AnyCriterion): string {
  if (isPlain(c)) return JSON.stringify(c);
  const sorted = Object.fromEntries(
    Object.entries(c)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return JSON.stringify(sorted);
}

/**
 * Criteria are matched by label; what remains is matched by tested attribute (a rule relabelled
 * along with its values, "200–1,500 employees" → "200–2,000 employees") or, for plain sentences,
 * by shared words. Everything else was added or removed.
 */
function compareCriteria(
  icp: ProfileRef,
  list: CriterionList,
  before: readonly AnyCriterion[],
  after: readonly AnyCriterion[],
): CriterionChange[] {
  const changes: CriterionChange[] = [];
  const left = [...before];
  const right = [...after];
  const take = <T>(arr: T[], i: number) => arr.splice(i, 1)[0]!;
  const changed = (a: AnyCriterion, b: AnyCriterion) => {
    if (canonical(a) === canonical(b)) return;
    const change: CriterionChange = { icp, list, change: 'changed', label: labelOf(b) };
    if (labelOf(a) !== labelOf(b)) change.previous_label = labelOf(a);
    const da = describe(a);
    const db = describe(b);
    if (da !== undefined) change.before = da;
    if (db !== undefined) change.after = db;
    changes.push(change);
  };
  // 1. Same label.
  for (let i = 0; i < right.length; ) {
    const j = left.findIndex((c) => labelOf(c) === labelOf(right[i]!));
    if (j === -1) {
      i++;
      continue;
    }
    changed(take(left, j), take(right, i));
  }
  // 2. Rules on the same attribute; plain sentences sharing most words.
  for (let i = 0; i < right.length; ) {
    const b = right[i]!;
    const j = left.findIndex((a) =>
      isPlain(a) || isPlain(b)
        ? isPlain(a) && isPlain(b) && wordSimilarity(a, b) >= 0.5
        : a.field === b.field,
    );
    if (j === -1) {
      i++;
      continue;
    }
    changed(take(left, j), take(right, i));
  }
  for (const a of left)
    changes.push(withRule({ icp, list, change: 'removed', label: labelOf(a) }, 'before', a));
  for (const b of right)
    changes.push(withRule({ icp, list, change: 'added', label: labelOf(b) }, 'after', b));
  return changes;
}

function withRule(change: CriterionChange, side: 'before' | 'after', c: AnyCriterion): CriterionChange {
  const text = describe(c);
  if (text !== undefined) change[side] = text;
  return change;
}

function wordSimilarity(a: string, b: string): number {
  const words = (s: string) =>
    new Set(
      s
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    );
  return jaccard(words(a), words(b));
}

// ---------------------------------------------------------------------------------------------
// DMU coverage

/** DMU roles the non-retired personas of an ICP cover. */
function dmuRoles(graph: Graph, icpId: string): Set<DmuRole> {
  const roles = new Set<DmuRole>();
  for (const p of graph.personasByIcp.get(icpId) ?? [])
    if (p.data.status !== 'retired') for (const r of p.data.dmu_roles) roles.add(r);
  return roles;
}

// ---------------------------------------------------------------------------------------------
// Lint findings

/**
 * New and fixed findings, compared by rule, file and message (not line: an edit above a finding
 * moves it without changing it). Files are compared by their path inside the content folder, and
 * a renamed file's findings are compared with those of its old name.
 */
function compareLint(
  base: DiffSide,
  head: DiffSide,
  pairs: Record<ProfileType, Map<string, string>>,
): PlaybookDiff['lint'] {
  const renamedPath = new Map<string, string>();
  for (const type of PROFILE_TYPES) {
    for (const [from, to] of pairs[type]) {
      const a = base.graph.all[type].get(from);
      const b = head.graph.all[type].get(to);
      if (a && b && from !== to) renamedPath.set(a.path, b.path);
    }
  }
  const pathsOf = (graph: Graph) => new Map(graph.entries.map((e) => [e.file, e.path]));
  const basePaths = pathsOf(base.graph);
  const headPaths = pathsOf(head.graph);
  const baseKey = (d: Diagnostic) => {
    const path = basePaths.get(d.file);
    return `${d.rule}\u0000${path === undefined ? d.file : `content:${renamedPath.get(path) ?? path}`}\u0000${d.message}`;
  };
  const headKey = (d: Diagnostic) => {
    const path = headPaths.get(d.file);
    return `${d.rule}\u0000${path === undefined ? d.file : `content:${path}`}\u0000${d.message}`;
  };
  const unmatched = (
    from: Diagnostic[],
    key: (d: Diagnostic) => string,
    against: Diagnostic[],
    againstKey: (d: Diagnostic) => string,
  ) => {
    const counts = new Map<string, number>();
    for (const d of against) counts.set(againstKey(d), (counts.get(againstKey(d)) ?? 0) + 1);
    return from.filter((d) => {
      const k = key(d);
      const n = counts.get(k) ?? 0;
      if (n > 0) {
        counts.set(k, n - 1);
        return false;
      }
      return true;
    });
  };
  const finding = (d: Diagnostic): LintFinding => ({
    file: d.file,
    line: d.line,
    rule: d.rule,
    severity: d.severity,
    message: d.message,
  });
  const bySeverity = (a: LintFinding, b: LintFinding) =>
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
  const errors = head.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    new: unmatched(head.diagnostics, headKey, base.diagnostics, baseKey).map(finding).sort(bySeverity),
    fixed: unmatched(base.diagnostics, baseKey, head.diagnostics, headKey).map(finding).sort(bySeverity),
    head: { errors, warnings: head.diagnostics.length - errors },
  };
}

// ---------------------------------------------------------------------------------------------
// Output

/** The diff as JSON (two-space indented, one trailing newline left to the caller). */
export function formatDiffJson(diff: PlaybookDiff): string {
  return JSON.stringify(diff, null, 2);
}

/** How many items a Markdown section lists before "…and N more". */
const MAX_ITEMS = 25;

const LIST_WORD: Record<CriterionList, string> = {
  must_haves: 'must-have',
  deal_breakers: 'deal-breaker',
  scoring: 'scoring rule',
};

/**
 * Escapes text from content for Markdown and HTML: `& < >` become entities and Markdown's
 * punctuation is backslash-escaped, so a name or label can never become markup, a link or math.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#!|~$]/g, '\\$&');
}

/** An id in code style, or escaped text when it cannot be one safely. */
function code(id: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(id) ? `\`${id}\`` : escapeMarkdown(id);
}

const nameOf = (ref: { name: string; id: string }) => `**${escapeMarkdown(ref.name)}**`;
const profile = (ref: ProfileRef) => `${TYPE_WORDS[ref.type].one} ${nameOf(ref)} (${code(ref.id)})`;
const icpList = (links: IcpLink[]) =>
  links.length === 0
    ? '_none_'
    : links.map((l) => (l.missing ? `${code(l.id)} (does not exist)` : escapeMarkdown(l.name))).join(', ');
const percent = (x: number | null | undefined) =>
  x === null || x === undefined ? 'n/a' : `${Math.round(x * 100)}%`;

/** The headline counts, in reading order. */
export function headline(diff: PlaybookDiff): string {
  const parts: string[] = [];
  const byType = (refs: ProfileRef[], verb: string) => {
    for (const type of PROFILE_TYPES) {
      const n = refs.filter((r) => r.type === type).length;
      if (n) parts.push(`${countEntries(n, type)} ${verb}`);
    }
  };
  byType(diff.added, 'added');
  byType(diff.removed, 'removed');
  byType(
    diff.renamed.map((r) => r.to),
    'renamed',
  );
  if (diff.moved.length) parts.push(`${countEntries(diff.moved.length, 'persona')} moved`);
  const criteria = diff.criteria.length + diff.thresholds.length;
  if (criteria) parts.push(`${count(criteria, 'fit criterion', 'fit criteria')} changed`);
  if (diff.dmu.length) parts.push(`DMU coverage changed in ${countEntries(diff.dmu.length, 'icp')}`);
  const newErrors = diff.lint.new.filter((f) => f.severity === 'error').length;
  const newWarnings = diff.lint.new.length - newErrors;
  if (newErrors) parts.push(count(newErrors, 'new lint error'));
  if (newWarnings) parts.push(count(newWarnings, 'new lint warning'));
  if (diff.lint.fixed.length) parts.push(`${count(diff.lint.fixed.length, 'lint finding')} fixed`);
  const { errors, warnings } = diff.lint.head;
  const icon = errors > 0 ? '❌' : warnings > 0 ? '⚠️' : '✅';
  const lintState =
    errors > 0
      ? `lint fails with ${count(errors, 'error')}`
      : warnings > 0
        ? `lint passes with ${count(warnings, 'warning')}`
        : 'lint is clean';
  return `${icon} **Playbook changes:** ${parts.length ? parts.join(' · ') : 'no changes to ICPs or personas'} (${lintState})`;
}

/** The diff as Markdown a reviewer reads in ten seconds: a headline, then only the sections that have something. */
export function formatDiffMarkdown(diff: PlaybookDiff): string {
  const out: string[] = [headline(diff)];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    out.push('', `### ${title}`, '');
    out.push(...items.slice(0, MAX_ITEMS).map((i) => `- ${i}`));
    if (items.length > MAX_ITEMS) out.push(`- …and ${items.length - MAX_ITEMS} more`);
  };
  section('Added', diff.added.map(profile));
  section('Removed', diff.removed.map(profile));
  section(
    'Renamed',
    diff.renamed.map(
      (r) =>
        `${TYPE_WORDS[r.type].one} ${code(r.from.id)} → ${code(r.to.id)} (${nameOf(r.to)}${r.from.name !== r.to.name ? `, was ${nameOf(r.from)}` : ''})`,
    ),
  );
  section(
    'Personas moved between ICPs',
    diff.moved.map(
      (m) => `${nameOf(m.persona)} (${code(m.persona.id)}): ${icpList(m.from)} → ${icpList(m.to)}`,
    ),
  );
  const criteria: string[] = [];
  for (const t of diff.thresholds)
    criteria.push(`${nameOf(t.icp)}: scoring threshold ${t.before ?? 'none'} → ${t.after ?? 'none'}`);
  for (const c of diff.criteria) criteria.push(`${nameOf(c.icp)}: ${describeChange(c)}`);
  section('Fit criteria', criteria);
  section(
    'DMU coverage',
    diff.dmu.map((d) => {
      const parts: string[] = [];
      if (d.gained.length) parts.push(`gained ${d.gained.join(', ')}`);
      if (d.lost.length)
        parts.push(
          `lost ${d.lost.map((r) => (d.lost_required.includes(r) ? `**${r} (required)**` : r)).join(', ')}`,
        );
      return `${nameOf(d.icp)}: ${parts.join('; ')}`;
    }),
  );
  section(
    'New lint findings',
    diff.lint.new.map(
      (f) =>
        `${f.severity === 'error' ? '❌' : '⚠️'} ${code(f.file)}:${f.line} ${code(f.rule)}: ${escapeMarkdown(f.message)}`,
    ),
  );
  section(
    'Fixed lint findings',
    diff.lint.fixed.map((f) => `✅ ${code(f.file)} ${code(f.rule)}: ${escapeMarkdown(f.message)}`),
  );
  section(
    'Backtest on past deals',
    diff.backtest.map(
      (b) =>
        `${nameOf(b.icp)}: precision ${percent(b.before?.precision)} → ${percent(b.after?.precision)}, recall ${percent(b.before?.recall)} → ${percent(b.after?.recall)}`,
    ),
  );
  return `${out.join('\n')}\n`;
}

function describeChange(c: CriterionChange): string {
  const kind = LIST_WORD[c.list];
  const label = `"${escapeMarkdown(c.label)}"`;
  if (c.change === 'added') return `${kind} added: ${label}${c.after ? ` (${escapeMarkdown(c.after)})` : ''}`;
  if (c.change === 'removed')
    return `${kind} removed: ${label}${c.before ? ` (${escapeMarkdown(c.before)})` : ''}`;
  const relabel = c.previous_label !== undefined ? `"${escapeMarkdown(c.previous_label)}" → ${label}` : label;
  const rule =
    c.before !== undefined || c.after !== undefined
      ? c.before === c.after
        ? ''
        : `: ${escapeMarkdown(c.before ?? 'plain sentence')} → ${escapeMarkdown(c.after ?? 'plain sentence')}`
      : '';
  return `${kind} ${relabel}${rule}`;
}
