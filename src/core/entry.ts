import type { z } from 'zod';
import { otherTypeFor, SCHEMAS, TYPE_LABELS, type EntryType, type Guide, type Icp, type Persona, type Term } from '../schema/index.ts';
import { parseBody } from './body.ts';
import { parseYaml, positionOf, splitFrontmatter, type PositionMap } from './frontmatter.ts';
import type { Body, ParseProblem, SourceFile } from './types.ts';

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
  positions: PositionMap;
  body: Body;
  problems: ParseProblem[];
}

export type IcpEntry = Entry<'icp'> & { data: Icp };
export type PersonaEntry = Entry<'persona'> & { data: Persona };
export type TermEntry = Entry<'term'> & { data: Term };
export type GuideEntry = Entry<'guide'> & { data: Guide };

const emptyBody = (line = 1): Body => ({ text: '', line, crossLinks: [], links: [] });

/** Parses one source file: frontmatter split, YAML with positions, schema, MDX body. Never throws. */
export function parseEntry(source: SourceFile): Entry {
  const entry: Entry = { ...source, positions: new Map(), body: emptyBody(), problems: [] };
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
  entry.positions = yaml.positions;
  entry.problems.push(...yaml.problems);
  if (yaml.problems.length === 0) {
    if (yaml.data === null || yaml.data === undefined || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
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

function describePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

function schemaProblems(entry: Entry, issue: Issue, prefix: (string | number)[] = []): ParseProblem[] {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))] as (string | number)[];
  if (issue.code === 'invalid_union' && issue.input !== null && typeof issue.input === 'object') {
    // A criterion written as a rule: report what is wrong with the rule, not "not a sentence".
    const branch = issue.errors.find((branchIssues) => branchIssues.every((i) => !(i.code === 'invalid_type' && i.path.length === 0)));
    if (branch) return branch.flatMap((sub) => schemaProblems(entry, sub, path));
  }
  const label = TYPE_LABELS[entry.type];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const other = path.length === 0 ? otherTypeFor(entry.type, key) : undefined;
      const where = describePath([...path, key]);
      return {
        rule: 'schema' as const,
        ...positionOf(entry.positions, [...path, key]),
        message: other
          ? `"${where}" is not a field of an ${label}: it belongs in a ${TYPE_LABELS[other]}.`
          : `"${where}" is not a field of ${article(label)} ${label}.`,
        hint: other
          ? other === 'persona'
            ? 'Person-level facts (job title, seniority, goals) go in a persona file under personas/; company-level facts stay in the ICP.'
            : 'Company-level facts (industries, size, regions) go in an ICP file under icps/; the persona names its ICPs under "icps".'
          : `Remove it or check its spelling against the ${label} fields in the README.`,
      };
    });
  }
  const where = describePath(path);
  const exists = issue.input !== undefined;
  const pos = exists ? positionOf(entry.positions, path) : path.length <= 1 ? { line: 1, column: 1 } : positionOf(entry.positions, path.slice(0, -1));
  const message = exists
    ? `"${where}" ${issueText(issue)}.`
    : `${article(label, true)} ${label} needs "${where}"${issue.code === 'invalid_type' ? '' : `: ${issueText(issue)}`}.`;
  return [{ rule: 'schema', ...pos, message }];
}

function article(label: string, capital = false): string {
  const a = /^[aeiouAEIOU]|^ICP/.test(label) ? 'an' : 'a';
  return capital ? a[0]!.toUpperCase() + a.slice(1) : a;
}

function issueText(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a set of fields' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (lowercase)`;
    case 'too_small':
      return issue.origin === 'array' ? `must list at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}` : issue.origin === 'string' ? (Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`) : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${issue.maximum} characters` : issue.origin === 'array' ? `must list at most ${issue.maximum} items` : `must be at most ${issue.maximum}`;
    case 'invalid_union':
      return 'must be a plain sentence or a rule such as { label: "200–1,500 employees", field: employees, between: [200, 1500] }';
    default:
      return issue.message;
  }
}
