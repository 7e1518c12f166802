import type { z } from 'zod';
import {
  type EntryType,
  type Guide,
  type Icp,
  otherTypeFor,
  type Persona,
  SCHEMAS,
  type Term,
} from '../../schema/index.ts';
import { nearest } from '../graph/suggest.ts';
import type { Body, ParseProblem, SourceFile } from '../types.ts';
import { plural, TYPE_WORDS } from '../words.ts';
import { parseBody } from './body.ts';
import { type PositionMap, parseYaml, positionOf, splitFrontmatter, yamlPositions } from './frontmatter.ts';
import { dotted, isRecord } from './raw.ts';

export interface DataByType {
  icp: Icp;
  persona: Persona;
  term: Term;
  guide: Guide;
}

/** A parsed content file. `data` is set when the frontmatter passed the schema. */
export interface Entry<T extends EntryType = EntryType> extends SourceFile {
  type: T;
  /** The frontmatter as YAML gave it (before the schema), when it parsed. */
  raw?: Record<string, unknown>;
  data?: DataByType[T];
  /**
   * The position of every frontmatter key and list item; undefined when the fast path read the
   * frontmatter (simple-yaml.ts). Read them through `keyPositions`, which works them out then.
   */
  positions?: PositionMap;
  body: Body;
  problems: ParseProblem[];
}

export type IcpEntry = Entry<'icp'> & { data: Icp };
export type PersonaEntry = Entry<'persona'> & { data: Persona };
export type TermEntry = Entry<'term'> & { data: Term };
export type GuideEntry = Entry<'guide'> & { data: Guide };

const worked = new WeakMap<Entry, PositionMap>();

/**
 * The positions of an entry's frontmatter keys: those the parse kept, else worked out from its text
 * on first use (for the few entries a finding points into) and remembered.
 */
export function keyPositions(entry: Entry): PositionMap {
  if (entry.positions) return entry.positions;
  let positions = worked.get(entry);
  if (!positions) {
    const split = entry.text === undefined ? undefined : splitFrontmatter(entry.text);
    positions = split && !('rule' in split) ? yamlPositions(split.yaml, split.yamlLine) : new Map();
    worked.set(entry, positions);
  }
  return positions;
}

const emptyBody = (line = 1): Body => ({ text: '', line, crossLinks: [], links: [] });

/** Parses one source file: frontmatter split, YAML with positions, schema, MDX body. Never throws. */
export function parseEntry(source: SourceFile): Entry {
  const entry: Entry = { ...source, body: emptyBody(), problems: [] };
  if (source.text === undefined) {
    entry.problems.push({
      rule: 'yaml-syntax',
      line: 1,
      column: 1,
      message: `The file cannot be read as text: ${source.readError ?? 'unknown reason'}.`,
      hint: 'Save the file as UTF-8 text (most editors: "Save with encoding").',
    });
    return entry;
  }
  const split = splitFrontmatter(source.text);
  if ('rule' in split) {
    entry.problems.push(split);
    return entry;
  }
  const yaml = parseYaml(split.yaml, split.yamlLine);
  if (yaml.positions) entry.positions = yaml.positions;
  entry.problems.push(...yaml.problems);
  if (yaml.problems.length === 0) {
    if (
      yaml.data === null ||
      yaml.data === undefined ||
      typeof yaml.data !== 'object' ||
      Array.isArray(yaml.data)
    ) {
      entry.problems.push({
        rule: 'yaml-syntax',
        line: split.yamlLine,
        column: 1,
        message: 'The frontmatter must be a set of "key: value" fields.',
        hint: 'Write one field per line, such as "name: Analytics Alex".',
      });
    } else {
      entry.raw = yaml.data as Record<string, unknown>;
      validate(entry);
    }
  }
  const parsed = parseBody(split.body, split.bodyLine);
  entry.body = parsed.body;
  if (parsed.problem) entry.problems.push(parsed.problem);
  return entry;
}

function validate(entry: Entry) {
  const schema = SCHEMAS[entry.type] as z.ZodType;
  const result = schema.safeParse(entry.raw);
  if (result.success) {
    entry.data = result.data as Entry['data'];
    return;
  }
  for (const issue of result.error.issues) entry.problems.push(...schemaProblems(entry, issue));
}

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

/** The value at `path` in the raw frontmatter, and whether the key is there at all. */
function lookup(raw: unknown, path: Path): { found: boolean; value: unknown } {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key))
      return { found: false, value: undefined };
    value = (value as Record<string | number, unknown>)[key];
  }
  return { found: true, value };
}

/** Criteria live under these keys; their problems get the rule-syntax hint. */
const CRITERION_KEYS = new Set(['must_haves', 'deal_breakers', 'scoring']);
const RULE_HINT =
  'A rule is { label, field, and one operator }: in or not_in for industry, region, country, growth_stage; between, min or max for employees, annual_revenue, growth_rate; includes_any or includes_all for tech.';

function schemaProblems(entry: Entry, issue: Issue, prefix: Path = []): ParseProblem[] {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))] as Path;
  const { found, value } = lookup(entry.raw, path);
  if (issue.code === 'invalid_union' && isRecord(value)) {
    // A criterion written as a rule: report what is wrong with the rule, not "not a sentence".
    const branch = issue.errors.find((branchIssues) =>
      branchIssues.every((i) => !(i.code === 'invalid_type' && i.path.length === 0)),
    );
    if (branch) return branch.flatMap((sub) => schemaProblems(entry, sub, path));
  }
  const label = TYPE_WORDS[entry.type].one;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const other = path.length === 0 ? otherTypeFor(entry.type, key) : undefined;
      const where = dotted([...path, key]);
      const known = path.length === 0 ? Object.keys(SCHEMAS[entry.type].shape) : [];
      const guess = other ? undefined : nearest(key, known);
      const owner = path.length === 0 ? withArticle(label) : `"${dotted(path)}"`;
      return {
        rule: 'schema' as const,
        ...positionOf(keyPositions(entry), [...path, key]),
        message: other
          ? `"${where}" is not a field of ${owner}: it belongs in ${withArticle(TYPE_WORDS[other].one)}.`
          : `"${where}" is not a field of ${owner}.`,
        hint: other
          ? other === 'persona'
            ? 'Person-level facts (job title, seniority, goals) go in a persona file under personas/; company-level facts stay in the ICP.'
            : 'Company-level facts (industries, size, regions) go in an ICP file under icps/; the persona names its ICPs under "icps".'
          : guess
            ? `Did you mean "${guess}"? Rename the key, or remove it.`
            : isCriterionPath(path)
              ? `Remove it. ${RULE_HINT}`
              : `Remove it or check its spelling against the ${label} fields in the README.`,
      };
    });
  }
  const where = dotted(path);
  if (!found) {
    const pos =
      path.length <= 1 ? { line: 1, column: 1 } : positionOf(keyPositions(entry), path.slice(0, -1));
    const key = String(path[path.length - 1]);
    const details = issue.code === 'invalid_type' ? '' : `: ${issueText(issue, value)}`;
    return [
      {
        rule: 'schema',
        ...pos,
        message: `${article(label, true)} ${label} needs "${where}"${details}.`,
        hint:
          path.length <= 1
            ? `Add "${key}:" to the frontmatter.`
            : `Add "${key}:" under "${dotted(path.slice(0, -1))}".`,
      },
    ];
  }
  const text = issueText(issue, value);
  const message =
    value === null
      ? `"${where}" has no value: it ${text}.`
      : `"${where}"${PREDICATE.test(text) ? ' ' : ': '}${text}.`;
  return [
    {
      rule: 'schema',
      ...positionOf(keyPositions(entry), path),
      message,
      hint: issueHint(issue, value, path, label),
    },
  ];
}

function isCriterionPath(path: Path): boolean {
  return typeof path[0] === 'string' && CRITERION_KEYS.has(path[0]) && path.length > 1;
}

function article(label: string, capital = false): string {
  const a = /^[aeiouAEIOU]|^ICP/.test(label) ? 'an' : 'a';
  return capital ? a[0]!.toUpperCase() + a.slice(1) : a;
}

const withArticle = (label: string) => `${article(label)} ${label}`;

/** Messages that read on from the key (`"name" must be …`); others follow a colon. */
const PREDICATE = /^(must|is|uses|needs|lists)\b/;

/** Zod's own messages start like this; anything else is a message written in the schema. */
const DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized)\b/;

const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  object: 'a set of fields',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

function issueText(issue: Issue, value: unknown): string {
  if (!DEFAULT_MESSAGE.test(issue.message) && issue.code !== 'invalid_union') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`}${value === null || value === undefined ? '' : `, not ${describeValue(value)}`}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (lowercase)`;
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'array') return `must list at least ${min} ${plural(Number(min), 'item')}`;
      if (issue.origin !== 'string') return `must be at least ${min}`;
      return Number(min) <= 1 ? 'must not be empty' : `must be at least ${min} characters`;
    }
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? `must list at most ${issue.maximum} items`
          : `must be at most ${issue.maximum}`;
    case 'invalid_union':
      return 'must be a plain sentence or a rule such as { label: "200–1,500 employees", field: employees, between: [200, 1500] }';
    default:
      return issue.message;
  }
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return String(value);
}

/** What to do about a schema problem, in one sentence. */
function issueHint(issue: Issue, value: unknown, path: Path, label: string): string {
  if (
    isCriterionPath(path) &&
    (issue.code === 'custom' || issue.code === 'invalid_union' || path[path.length - 1] === 'field')
  )
    return RULE_HINT;
  switch (issue.code) {
    case 'invalid_value': {
      const options = issue.values.map(String);
      const guess =
        typeof value === 'string'
          ? (options.find((o) => o === value.trim().toLowerCase()) ?? nearest(value.toLowerCase(), options))
          : undefined;
      return guess ? `Write "${guess}".` : 'Use one of the listed values, spelled exactly as shown.';
    }
    case 'invalid_type':
      if (!DEFAULT_MESSAGE.test(issue.message)) break;
      switch (issue.expected) {
        case 'array':
          return 'Write a list: one "- item" per line under the key, or [first, second] on one line.';
        case 'object':
          return 'Write indented "key: value" lines under the key.';
        case 'string':
          return 'Write text; put it in quotes if it looks like a number, a date or yes/no.';
        case 'number':
          return 'Write a plain number without quotes, units or thousands separators, e.g. 1500.';
        case 'int':
          return 'Write a whole number without quotes, e.g. 6.';
      }
      break;
    case 'too_small':
      if (issue.origin === 'array') return 'Add items to the list, or remove the key if it is optional.';
      if (issue.origin === 'string') return 'Write some text, or remove the key if it is optional.';
      return `Use a value of at least ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Shorten it to ${issue.maximum} characters or fewer.`;
      if (issue.origin === 'array') return `Keep at most ${issue.maximum} items.`;
      return `Use a value of at most ${issue.maximum}.`;
    case 'custom':
      if (/^duplicate item/.test(issue.message) || /twice/.test(issue.message))
        return 'Remove the repeated item.';
      if (/spaces/.test(issue.message)) return 'Remove the spaces at the start and end.';
      break;
    case 'invalid_format':
      if (path.includes('icps') || path.includes('related'))
        return 'Use the id of an existing file: its file name without ".mdx".';
      break;
  }
  if (/YYYY-MM-DD/.test(issue.message))
    return 'Write the date as YYYY-MM-DD, e.g. 2026-10-01, and check the day exists in that month.';
  return `Correct the value as described; the ${label} fields and their formats are listed in the README.`;
}
