import type { Root, Text } from 'mdast';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Construct, Event, Extension } from 'micromark-util-types';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import type { Position } from 'unist';
import { ENTRY_TYPES, type EntryType } from '../../schema/index.ts';
import type { Body, BodyLink, CrossLink, ParseProblem } from '../types.ts';
import { scanBody } from './prescan-body.ts';
import { eachNode } from './walk.ts';

/**
 * MDX and GFM's syntax extensions combined once, here, into the single extension the parser gets:
 * micromark combines the extensions it is given on every parse, which was ≈ 1 % of a cold lint.
 */
function combineSyntax(this: Processor) {
  const data = this.data();
  data.micromarkExtensions = [combineExtensions(data.micromarkExtensions ?? [])];
}

/** Names of GFM's autolink-literal constructs (micromark-extension-gfm-autolink-literal). */
const AUTOLINK_LITERALS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);

/**
 * Leaves out GFM's autolink literals (`www.example.com`, `https://…`, `sales@example.com`), for
 * bodies that cannot hold one: their syntax tries every word as the start of an e-mail address,
 * and their tree transform walks every text node with four regular expressions, together ≈ 11 % of
 * a cold lint. Without "www.", "http://", "https://" or "@" in a body neither can find anything, so
 * the tree is the same (body.test.ts compares both on every kind of body).
 */
function withoutAutolinkLiterals(this: Processor) {
  const data = this.data();
  const syntax = combineExtensions(data.micromarkExtensions ?? []);
  const text: NonNullable<typeof syntax.text> = {};
  for (const [code, constructs] of Object.entries(syntax.text ?? {})) {
    const list = (Array.isArray(constructs) ? constructs : [constructs]).filter(
      (construct): construct is Construct => !!construct && !AUTOLINK_LITERALS.has(construct.name ?? ''),
    );
    if (list.length) text[code as unknown as number] = list;
  }
  data.micromarkExtensions = [{ ...syntax, text }];
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? [])
    .flat(2)
    .map((extension) =>
      extension.enter && 'literalAutolink' in extension.enter ? { ...extension, transforms: [] } : extension,
    );
}

/**
 * Whether line `line` (1-based) of the text being parsed can be a table's head row, set by
 * `parseTree` for the length of one parse. Unset, every line can.
 */
let tableHeadAt: ((line: number) => boolean) | undefined;

/**
 * The lines of `text` that can head a table: a head row is followed by a delimiter row, which holds
 * a "-" and a "|" or ":" (micromark-extension-gfm-table refuses any other), so only a line whose
 * next line holds both can be one. One pass over the text, at most once per body.
 */
export function tableHeadLines(text: string): (line: number) => boolean {
  let heads: Uint8Array | undefined;
  return (line) => {
    heads ??= markTableHeads(text);
    return heads[line] === 1;
  };
}

function markTableHeads(text: string): Uint8Array {
  // heads[n] for line n (1-based): line n heads a table only if line n + 1 can be a delimiter row.
  const heads = new Uint8Array(text.length + 2);
  let line = 1;
  let dash = false;
  let bar = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? 10 : text.charCodeAt(i);
    if (c === 45) dash = true;
    else if (c === 124 || c === 58) bar = true;
    else if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      if (dash && bar) heads[line - 1] = 1;
      line++;
      dash = bar = false;
    }
  }
  return heads;
}

/** Whether the flow so far ends in a table's head or row, so the next line may be a body row. */
function afterTableRow(events: Event[]): boolean {
  let index = events.length - 1;
  while (index > -1 && (events[index]![1].type === 'lineEnding' || events[index]![1].type === 'linePrefix'))
    index--;
  const tail: string | undefined = index > -1 ? events[index]![1].type : undefined;
  return tail === 'tableHead' || tail === 'tableRow';
}

/**
 * GFM's table construct is tried at the start of every paragraph line and reads the line to its
 * end before it can give up (≈ 8 % of a cold lint, most of it on lines that are prose). This gate
 * gives up at once where `tableHeadAt` says no table can start and no table is open; everywhere
 * else the construct runs as it is, so the trees are the same (body.test.ts).
 */
function gateTables(this: Processor) {
  const [syntax] = this.data().micromarkExtensions as Extension[];
  const flow = syntax?.flow?.null;
  if (!Array.isArray(flow)) return;
  syntax!.flow!.null = flow.map((construct) =>
    construct.name === 'table' ? gatedTable(construct) : construct,
  );
}

function gatedTable(table: Construct): Construct {
  const tokenize = table.tokenize;
  return {
    ...table,
    tokenize(effects, ok, nok) {
      return (code) => {
        if (tableHeadAt && !tableHeadAt(this.now().line) && !afterTableRow(this.events)) return nok(code);
        return tokenize.call(this, effects, ok, nok)(code);
      };
    },
  };
}

/** remark with MDX and GFM, as the MDX compiler reads a body: what the trees must equal (tests). */
const reference = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();
const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm)
  .use(combineSyntax)
  .use(gateTables)
  .freeze();
const processorWithoutAutolinkLiterals = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm)
  .use(withoutAutolinkLiterals)
  .use(combineSyntax)
  .use(gateTables)
  .freeze();

/** What every autolink literal holds: a body without any of these has none. */
const AUTOLINK_LITERAL_MARK = /https?:\/\/|www\.|@/i;

/**
 * The body's syntax tree, through the cheaper parser when the body can hold no autolink literal,
 * with the table construct tried only on lines that can head a table.
 */
export function parseTree(text: string): Root {
  const parser = AUTOLINK_LITERAL_MARK.test(text) ? processor : processorWithoutAutolinkLiterals;
  tableHeadAt = tableHeadLines(text);
  try {
    return parser.parse(text) as Root;
  } finally {
    tableHeadAt = undefined;
  }
}

/** The parsers, to prove they give the reference's trees (tests). */
export const parsers = { reference, processor, processorWithoutAutolinkLiterals };

/** Prefixes allowed in `[[prefix:id]]`. `guide` is accepted too. */
const KIND_BY_PREFIX: Record<string, EntryType> = Object.fromEntries(ENTRY_TYPES.map((t) => [t, t]));

/** `[[persona:analytics-alex]]`, `[[icp:x]]`, `[[term:tam]]`, `[[analytics-alex]]`. */
export const CROSS_LINK = /\[\[\s*(?:([a-z]+)\s*:\s*)?([^\]\s:|]+)\s*\]\]/g;

export interface ParsedBody {
  body: Body;
  problem?: ParseProblem;
}

/**
 * Parses an MDX body into a syntax tree without compiling or running anything. Positions are
 * shifted so they are lines of the whole file. A parse failure becomes an `mdx-syntax` problem, and
 * so does a body too complex to parse in bounded time (§12; prescan-body.ts), which is not parsed.
 */
export function parseBody(text: string, startLine: number): ParsedBody {
  const body: Body = { text, line: startLine, crossLinks: [], links: [] };
  const tooComplex = scanBody(text, startLine);
  if (tooComplex) return { body, problem: { rule: 'mdx-syntax', ...tooComplex } };
  let tree: Root;
  try {
    tree = parseTree(text);
  } catch (error) {
    const e = error as {
      line?: number;
      column?: number;
      reason?: string;
      message?: string;
      place?: { line?: number; column?: number; start?: { line: number; column: number } };
    };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? 1;
    const column = e.column ?? e.place?.column ?? e.place?.start?.column ?? 1;
    return {
      body,
      problem: {
        rule: 'mdx-syntax',
        line: line + startLine - 1,
        column,
        message: `The body is not valid MDX: ${e.reason ?? e.message ?? String(error)}`,
        hint: 'In MDX, "<" starts a tag and "{" starts an expression. Write "&lt;" and "\\{" for the characters, and close every tag you open.',
      },
    };
  }
  // One walk: shift positions to lines of the whole file, then collect the links of the node.
  const shift = startLine - 1;
  const move = (position: Position | undefined) => {
    if (!position || shift === 0) return;
    position.start.line += shift;
    position.end.line += shift;
  };
  eachNode(tree, (node) => {
    move(node.position);
    // JSX attributes are not children, so the tree walk does not reach them.
    if ('attributes' in node && Array.isArray(node.attributes)) {
      for (const attribute of node.attributes as { position?: Position; value?: unknown }[]) {
        move(attribute.position);
        if (attribute.value && typeof attribute.value === 'object')
          move((attribute.value as { position?: Position }).position);
      }
    }
    if (node.type === 'text') collectCrossLinks(node as Text, body.crossLinks);
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && 'url' in node) {
      const start = node.position?.start;
      body.links.push({
        url: String(node.url),
        line: start?.line ?? startLine,
        column: start?.column ?? 1,
      } satisfies BodyLink);
    }
  });
  body.tree = tree;
  return { body };
}

function collectCrossLinks(node: Text, out: CrossLink[]) {
  if (!node.value.includes('[[')) return;
  const start = node.position?.start ?? { line: 1, column: 1 };
  for (const m of node.value.matchAll(CROSS_LINK)) {
    const before = node.value.slice(0, m.index);
    const nl = before.lastIndexOf('\n');
    const line = start.line + (before.match(/\n/g)?.length ?? 0);
    const column = nl === -1 ? start.column + before.length : before.length - nl;
    const prefix = m[1];
    out.push({
      kind: prefix ? (KIND_BY_PREFIX[prefix] ?? (prefix as EntryType)) : undefined,
      id: m[2]!,
      raw: m[0],
      line,
      column,
    });
  }
}
