import type { Root, Text } from 'mdast';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Construct } from 'micromark-util-types';
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

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(combineSyntax).freeze();
const processorWithoutAutolinkLiterals = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm)
  .use(withoutAutolinkLiterals)
  .use(combineSyntax)
  .freeze();

/** What every autolink literal holds: a body without any of these has none. */
const AUTOLINK_LITERAL_MARK = /https?:\/\/|www\.|@/i;

/** The body's syntax tree, through the cheaper parser when the body can hold no autolink literal. */
export function parseTree(text: string): Root {
  const parser = AUTOLINK_LITERAL_MARK.test(text) ? processor : processorWithoutAutolinkLiterals;
  return parser.parse(text) as Root;
}

/** Both parsers, to prove they give the same trees (tests). */
export const parsers = { processor, processorWithoutAutolinkLiterals };

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
