import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { ParseProblem, Position } from '../types.ts';
import { scanYaml } from './prescan-yaml.ts';
import { simpleYaml } from './simple-yaml.ts';

/** Key paths (`firmographics.employees.min`, `icps.0`) to the 1-based position of their key. */
export type PositionMap = Map<string, Position>;

export interface SplitResult {
  /** The YAML between the fences. */
  yaml: string;
  /** 1-based line of the file where the YAML starts. */
  yamlLine: number;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;

/**
 * Splits a file into its `---` frontmatter block and body.
 *
 * Hand-written rather than gray-matter: gray-matter evaluates `---js` frontmatter as JavaScript
 * (content is untrusted) and silently accepts an unterminated block, which must be an error here.
 */
export function splitFrontmatter(text: string): SplitResult | ParseProblem {
  const lines = text.split('\n');
  const strip = (l: string) => (l.endsWith('\r') ? l.slice(0, -1) : l);
  if (text.trim() === '') {
    return {
      rule: 'yaml-syntax',
      line: 1,
      column: 1,
      message: 'The file is empty.',
      hint: 'Start the file with a frontmatter block between two lines of "---". Run `npm run new` to scaffold one.',
    };
  }
  if (!FENCE.test(strip(lines[0]!))) {
    return {
      rule: 'yaml-syntax',
      line: 1,
      column: 1,
      message: 'The file has no frontmatter: it must start with a line of "---".',
      hint: 'Put the fields between two lines of "---" at the very top of the file.',
    };
  }
  for (let i = 1; i < lines.length; i++) {
    if (FENCE.test(strip(lines[i]!))) {
      return {
        yaml: lines.slice(1, i).map(strip).join('\n'),
        yamlLine: 2,
        body: lines.slice(i + 1).join('\n'),
        bodyLine: i + 2,
      };
    }
  }
  return {
    rule: 'yaml-syntax',
    line: 1,
    column: 1,
    message: 'The frontmatter block is not closed: no second line of "---" was found.',
    hint: 'Add a line with just "---" after the last field.',
  };
}

export interface ParsedYaml {
  data: unknown;
  /** Undefined when the fast path read the block: `yamlPositions` works them out when asked. */
  positions?: PositionMap;
  problems: ParseProblem[];
}

/**
 * Parses frontmatter YAML. YAML too complex to parse in bounded time (§12; prescan-yaml.ts) is not
 * parsed: it gives one `yaml-syntax` problem. Plain blocks are read by the fast path
 * (simple-yaml.ts) without positions; the rest by the `yaml` package, keeping the position of every
 * key and list item.
 */
export function parseYaml(yaml: string, firstLine: number): ParsedYaml {
  const tooComplex = scanYaml(yaml, firstLine);
  if (tooComplex)
    return { data: undefined, positions: new Map(), problems: [{ rule: 'yaml-syntax', ...tooComplex }] };
  const data = simpleYaml(yaml);
  if (data !== undefined) return { data, problems: [] };
  return parseYamlDocument(yaml, firstLine);
}

/** The position of every key and list item of a block `parseYaml` read (empty when it has errors). */
export function yamlPositions(yaml: string, firstLine: number): PositionMap {
  return scanYaml(yaml, firstLine) ? new Map() : parseYamlDocument(yaml, firstLine).positions!;
}

/** The `yaml` package's parse: data, the position of every key and list item, and the first error. */
export function parseYamlDocument(yaml: string, firstLine: number): ParsedYaml {
  const lineCounter = new LineCounter();
  // logLevel error: the parser's warnings (e.g. a list used as a key) would go to stderr; its errors are reported.
  const doc = parseDocument(yaml, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    logLevel: 'error',
  });
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + firstLine - 1, column: p.col };
  };
  // One finding per file: the first YAML error; later ones are usually consequences of it.
  const problems: ParseProblem[] = doc.errors.slice(0, 1).map((e) => ({
    rule: 'yaml-syntax',
    ...at(e.pos[0]),
    message: `The frontmatter is not valid YAML: ${firstSentence(e.message)}`,
    hint: 'Check indentation, colons after keys, and quotes around text that contains ":" or "#".',
  }));
  const positions: PositionMap = new Map();
  if (problems.length > 0) return { data: undefined, positions, problems };
  walk(doc.contents as YamlNode | null, '', positions, at);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    problems.push({
      rule: 'yaml-syntax',
      line: firstLine,
      column: 1,
      message: `The frontmatter could not be read: ${firstSentence(String((e as Error).message))}`,
    });
  }
  return { data, positions, problems };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.trim();
}

function walk(
  node: YamlNode | null | undefined,
  prefix: string,
  positions: PositionMap,
  at: (o: number) => Position,
) {
  if (!node) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const path = prefix ? `${prefix}.${key}` : key;
      const keyNode = pair.key as YamlNode | null;
      if (keyNode?.range) positions.set(path, at(keyNode.range[0]));
      walk(pair.value as YamlNode | null, path, positions, at);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const path = prefix ? `${prefix}.${index}` : String(index);
      const itemNode = item as YamlNode | null;
      if (itemNode?.range) positions.set(path, at(itemNode.range[0]));
      walk(itemNode, path, positions, at);
    });
  }
}

/** The position of a key path, or of its nearest ancestor that has one, else 1:1. */
export function positionOf(positions: PositionMap, path: readonly (string | number)[]): Position {
  for (let n = path.length; n > 0; n--) {
    const hit = positions.get(path.slice(0, n).join('.'));
    if (hit) return hit;
  }
  return { line: 1, column: 1 };
}
