/**
 * What a content body may not contain (DESIGN §2.7): the tree walk and allow-list behind the
 * `unsafe-mdx` rule. Bodies are parsed, never compiled; this finds what would run code or change
 * the page around it if they were.
 */
import type { Definition, Image, Link } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { nearest } from '../graph/suggest.ts';
import type { Entry } from '../parse/entry.ts';
import { eachNode } from '../parse/walk.ts';
import type { Body, Position } from '../types.ts';

/** One forbidden construct: the `unsafe-mdx` message id, the values for its templates, and where it is. */
export interface UnsafeConstruct {
  messageId: string;
  data: Record<string, string>;
  loc: Position;
}

/**
 * HTML elements content may not use, whatever their case: they run code (script, object…), restyle
 * or redirect the whole page (style, base, meta, link), embed other sites (iframe, frame), or
 * collect data (form).
 */
const FORBIDDEN_ELEMENTS: Record<string, string> = {
  script: 'Remove it: playbook pages cannot run scripts.',
  noscript: 'Remove it: playbook pages cannot run scripts, so there is nothing to fall back from.',
  style: 'Remove it: the site theme styles every page, in light and dark mode.',
  iframe: 'Link to the page instead: [Title](https://…).',
  frame: 'Link to the page instead: [Title](https://…).',
  frameset: 'Link to the page instead: [Title](https://…).',
  object: 'Link to the file instead: [Title](https://…).',
  embed: 'Link to the file instead: [Title](https://…).',
  applet: 'Remove it.',
  portal: 'Link to the page instead: [Title](https://…).',
  template: 'Remove it: write the content directly.',
  base: 'Remove it: the site sets page addresses itself.',
  link:
    'Remove it: the site sets page metadata and styles itself. ' +
    'For a link to another page write [Title](https://…).',
  meta: 'Remove it: the site sets page metadata itself.',
  form: 'Link to the form instead, e.g. [Book a demo](https://…).',
};

/** Attributes whose value is an address. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'cite',
  'data',
  'codebase',
  'longdesc',
  'usemap',
  'ping',
  'manifest',
  'icon',
  'url',
  'to',
]);

const UNSAFE_SCHEME = /^(javascript|vbscript|data):/;

/** A few named references a second round of decoding could meet (the parser already decoded once). */
const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', nbsp: ' ', amp: '&' };

/** Characters a browser drops or ignores when it reads the scheme of an address. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches.
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;

const codePoint = (n: number) => String.fromCodePoint(Math.min(n, 0x10ffff));

/**
 * The dangerous scheme of a URL, if any, read the way a browser does: character references
 * decoded, ASCII tabs, newlines and control characters (and invisible spaces) dropped, case ignored.
 */
export function unsafeScheme(url: string): string | undefined {
  const decoded = url
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => codePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => codePoint(parseInt(dec, 10)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED[name.toLowerCase()] ?? whole);
  const squeezed = decoded.replace(IGNORED_IN_SCHEME, '').toLowerCase();
  return UNSAFE_SCHEME.exec(squeezed)?.[1];
}

/** The first characters of an expression, on one line. */
function preview(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** An expression that holds only comments (`{/* note *\/}`) runs nothing, but is still an expression. */
const COMMENT_ONLY = /^\s*(?:(?:\/\*[\s\S]*?\*\/|\/\/[^\n]*)\s*)+$/;

const isComponentName = (name: string) => /^[A-Z]/.test(name) || /[.:]/.test(name);

const textOf = (node: object) => ('value' in node ? String(node.value) : '');

type Say = (messageId: string, data: Record<string, string>, loc: Position) => void;
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/**
 * Every construct in `body` that content may not use, in document order. `components` is the
 * allow-list (`mdx.components` in playbook.yaml); lowercase HTML elements are allowed unless forbidden.
 */
export function unsafeConstructs(body: Body, components: readonly string[]): UnsafeConstruct[] {
  const found: UnsafeConstruct[] = [];
  if (!body.tree) return found;
  const allowed = new Set(components);
  const allowedList = components.length ? components.map((c) => `<${c}>`).join(', ') : 'none';
  const fallback = { line: body.line, column: 1 };
  const at = (position: { start: Position } | undefined): Position => position?.start ?? fallback;
  const say: Say = (messageId, data, loc) => found.push({ messageId, data, loc });
  eachNode(body.tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        say('esm', { keyword: /^\s*export\b/.test(textOf(node)) ? 'export' : 'import' }, at(node.position));
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const value = textOf(node);
        const messageId = COMMENT_ONLY.test(value) ? 'comment' : 'expression';
        say(messageId, { code: `{${preview(value)}}` }, at(node.position));
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node as JsxElement, at(node.position), say, allowed, allowedList);
        break;
      case 'link':
      case 'image':
      case 'definition': {
        const scheme = unsafeScheme((node as Link | Image | Definition).url);
        if (!scheme) break;
        const label = (node as Definition).label ?? (node as Definition).identifier;
        const where = node.type === 'definition' ? `link definition "[${label}]"` : node.type;
        say('url', { where, scheme }, at(node.position));
        break;
      }
      case 'html':
        say('html', { code: preview(textOf(node)) }, at(node.position));
        break;
    }
  });
  return found;
}

/** Every forbidden construct in the bodies of `entries`, file by file, with the entry it is in. */
export function* unsafeConstructsIn(entries: readonly Entry[], components: readonly string[]) {
  for (const entry of entries) {
    for (const found of unsafeConstructs(entry.body, components)) yield { entry, ...found };
  }
}

function checkElement(node: JsxElement, loc: Position, say: Say, allowed: Set<string>, allowedList: string) {
  const name = node.name;
  // A fragment (<>…</>) renders only its children.
  if (name !== null) {
    const lower = name.toLowerCase();
    if (lower in FORBIDDEN_ELEMENTS) {
      say('element', { name, advice: FORBIDDEN_ELEMENTS[lower]! }, loc);
    } else if (isComponentName(name) && !allowed.has(name)) {
      const near = nearest(name, allowed);
      const suggestion = near ? `Did you mean <${near}>? ` : '';
      say('component', { name, suggestion, allowed: allowedList }, loc);
    }
  }
  const element = name ?? 'fragment';
  for (const attribute of node.attributes) {
    const attributeLoc = attribute.position?.start ?? loc;
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      say('spread', { element, code: `{${preview(attribute.value)}}` }, attributeLoc);
      continue;
    }
    if (/^on./i.test(attribute.name)) {
      say('eventHandler', { element, name: attribute.name }, attributeLoc);
      continue;
    }
    const value = attribute.value;
    if (value !== null && typeof value === 'object') {
      const code = `{${preview(value.value)}}`;
      say('attributeExpression', { element, name: attribute.name, code }, attributeLoc);
      continue;
    }
    if (typeof value === 'string' && URL_ATTRIBUTES.has(attribute.name.toLowerCase())) {
      // srcset lists several addresses separated by commas.
      const urls = attribute.name.toLowerCase() === 'srcset' ? value.split(',') : [value];
      const scheme = urls.map(unsafeScheme).find((s) => s !== undefined);
      const where = `"${attribute.name}" attribute of <${element}>`;
      if (scheme) say('url', { where, scheme }, attributeLoc);
    }
  }
}
