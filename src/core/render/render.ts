/**
 * Body rendering: the MDX syntax tree from `parseEntry` (never compiled, never run) becomes HTML.
 *
 * mdast → (MDX nodes mapped or dropped) → remark-rehype → rehype-sanitize with a strict schema →
 * cross-links and glossary links added as trusted markup with escaped text → HTML string.
 * Pages call `render` for their own body only, so no page's HTML is held longer than it takes to
 * write the page.
 */
import type {
  Element,
  ElementContent,
  RootContent as HastNode,
  Root as HastRoot,
  Text as HastText,
} from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Config } from '../../schema/index.ts';
import { displayName, type Graph, resolveLink } from '../graph/graph.ts';
import { CROSS_LINK } from '../parse/body.ts';
import { urlOf } from '../routes.ts';
import { escapeHtml } from './escape.ts';

/** Known components content may use when `mdx.components` allows them, and the HTML they become. */
const CALLOUTS = new Set(['Callout', 'Note', 'Tip', 'Warning', 'Aside']);
const CALLOUT_KINDS = ['note', 'tip', 'warning', 'danger'];

/** A strict schema: GitHub's defaults, plus the few classes the known components use. */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'aside',
    'figure',
    'figcaption',
    'mark',
    'abbr',
    'cite',
    'small',
    'u',
  ],
  attributes: {
    ...defaultSchema.attributes,
    aside: [['className', 'callout', ...CALLOUT_KINDS.map((k) => `callout-${k}`)]],
    p: [['className', 'callout-title']],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'component']],
    span: [['className', 'badge']],
    abbr: ['title'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'], src: ['http', 'https'] },
};

const toHast = unified()
  .use(remarkRehype, { clobberPrefix: '' })
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .freeze();

/** Per-page state: which glossary terms are already linked ("first use per page"). */
export interface PageState {
  linkedTerms: Set<string>;
}

export function createPageState(): PageState {
  return { linkedTerms: new Set() };
}

export interface RenderOptions {
  /** Shared across several bodies on one page (the glossary). */
  state?: PageState;
  /** A term's own definition does not link to itself. */
  selfTermId?: string;
  /** Smallest heading level a body heading gets (the page's own headings sit above it). @default 2 */
  minHeading?: number;
}

export interface Renderer {
  render(tree: Root | undefined, options?: RenderOptions): string;
}

/** A glossary word or phrase: a term or alias (any case) or an abbreviation (exact case). */
interface Phrase {
  text: string;
  lower: string;
  termId: string;
  exactCase: boolean;
}

/**
 * Glossary lookup in time linear in the text: phrases are indexed by their first word, so a text
 * is scanned word by word instead of trying every term at every position.
 */
interface GlossaryMatcher {
  byFirstWord: Map<string, Phrase[]>;
  short: Map<string, string>;
}

const WORD = /[\p{L}\p{N}_]+/gu;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function glossaryMatcher(graph: Graph): GlossaryMatcher {
  const byFirstWord = new Map<string, Phrase[]>();
  const short = new Map<string, string>();
  const seen = new Set<string>();
  const add = (text: string, termId: string, exactCase: boolean) => {
    const key = exactCase ? `=${text}` : text.toLowerCase();
    const first = /^[\p{L}\p{N}_]+/u.exec(text)?.[0];
    if (!first || seen.has(key)) return; // phrases must start with a letter or digit
    seen.add(key);
    const bucket = first.toLowerCase();
    const list = byFirstWord.get(bucket) ?? [];
    list.push({ text, lower: text.toLowerCase(), termId, exactCase });
    list.sort((x, y) => y.text.length - x.text.length);
    byFirstWord.set(bucket, list);
  };
  for (const t of graph.terms.values()) {
    short.set(t.id, t.data.short);
    for (const w of [t.data.term, ...(t.data.aliases ?? [])]) add(w, t.id, false);
    if (t.data.abbr) add(t.data.abbr, t.id, true);
  }
  return { byFirstWord, short };
}

/** Elements whose text is never auto-linked (§8.17). */
const NO_LINK = new Set([
  'a',
  'code',
  'pre',
  'kbd',
  'samp',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'script',
  'style',
]);

/** Builds the renderer once per site: the glossary matcher is compiled here, not per page. */
export function createRenderer(graph: Graph, config: Pick<Config, 'mdx'>): Renderer {
  const glossary = glossaryMatcher(graph);
  const components = new Set(config.mdx.components);
  return {
    render(tree, options = {}) {
      if (!tree) return '';
      const state = options.state ?? createPageState();
      const mdast = prepare(tree, components, options.minHeading ?? 2) as Root;
      const hast = toHast.runSync(mdast) as HastRoot;
      decorate(hast, { graph, glossary, state, selfTermId: options.selfTermId });
      return toHtml(hast, { allowDangerousHtml: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// mdast: MDX nodes become plain HTML elements or disappear; the original tree is not modified.

type AnyNode = RootContent | Root;
interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: RootContent[];
}

const DROPPED = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html']);

function prepare(
  node: AnyNode,
  components: Set<string>,
  minHeading: number,
): AnyNode | AnyNode[] | undefined {
  if (DROPPED.has(node.type)) return undefined;
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
    return jsx(node as unknown as JsxNode, components, minHeading);
  if (node.type === 'paragraph' && node.children.every(isJsxOrBlank)) {
    // `<Callout>…</Callout>` or `<details>…</details>` on one line: MDX wraps it in a paragraph,
    // which would put block elements inside <p>. Unwrap it (and drop it when nothing is left).
    return prepareAll(node.children.filter((c) => c.type !== 'text') as AnyNode[], components, minHeading);
  }
  const { position: _position, ...copy } = node as AnyNode & { children?: AnyNode[] };
  if (node.type === 'heading')
    (copy as { depth: number }).depth = Math.min(6, Math.max(minHeading, node.depth));
  if ('children' in node)
    (copy as { children: AnyNode[] }).children = prepareAll(
      node.children as AnyNode[],
      components,
      minHeading,
    );
  return copy as AnyNode;
}

const isJsxOrBlank = (n: RootContent) =>
  n.type === 'mdxJsxTextElement' ||
  n.type === 'mdxTextExpression' ||
  (n.type === 'text' && n.value.trim() === '');

function prepareAll(children: AnyNode[], components: Set<string>, minHeading: number): AnyNode[] {
  const out: AnyNode[] = [];
  for (const child of children) {
    const result = prepare(child, components, minHeading);
    if (Array.isArray(result)) out.push(...result);
    else if (result) out.push(result);
  }
  return out;
}

/** String-valued JSX attributes only; expressions are dropped (lint rejects them anyway). */
function stringAttributes(node: JsxNode): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) continue;
    if (a.value === null || a.value === undefined) out[a.name] = true;
    else if (typeof a.value === 'string') out[a.name] = a.value;
  }
  return out;
}

/** JSX attribute names to hast property names: `class` → `className`, `aria-label` → `ariaLabel`. */
function propertyName(name: string): string {
  if (name === 'class' || name === 'className') return 'className';
  if (name === 'for' || name === 'htmlFor') return 'htmlFor';
  const lower = name.toLowerCase();
  if (lower === 'colspan') return 'colSpan';
  if (lower === 'rowspan') return 'rowSpan';
  if (/^(aria|data)-/.test(lower)) return lower.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return lower;
}

function element(
  tagName: string,
  properties: Record<string, unknown>,
  children: AnyNode[],
  inline: boolean,
): AnyNode {
  return {
    type: inline ? 'emphasis' : 'blockquote',
    children,
    data: { hName: tagName, hProperties: properties },
  } as unknown as AnyNode;
}

function jsx(node: JsxNode, components: Set<string>, minHeading: number): AnyNode | AnyNode[] | undefined {
  const children = prepareAll(node.children as AnyNode[], components, minHeading);
  const inline = node.type === 'mdxJsxTextElement';
  if (node.name === null) return children; // a fragment: <>…</>
  const attrs = stringAttributes(node);
  if (/^[a-z][a-z0-9-]*$/.test(node.name)) {
    const properties: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(attrs))
      properties[propertyName(k)] = k === 'class' || k === 'className' ? String(v).split(/\s+/) : v;
    return element(node.name, properties, children, inline);
  }
  if (!components.has(node.name)) return undefined;
  const title = typeof attrs.title === 'string' ? attrs.title : undefined;
  if (CALLOUTS.has(node.name)) {
    const kind = String(attrs.type ?? attrs.kind ?? node.name).toLowerCase();
    const className = ['callout', ...(CALLOUT_KINDS.includes(kind) ? [`callout-${kind}`] : [])];
    const heading = title
      ? [
          element(
            'p',
            { className: ['callout-title'] },
            [{ type: 'strong', children: [{ type: 'text', value: title }] } as AnyNode],
            false,
          ),
        ]
      : [];
    return element('aside', { className }, [...heading, ...children], false);
  }
  if (node.name === 'Details') {
    const summary = element('summary', {}, [{ type: 'text', value: title ?? 'Details' } as AnyNode], false);
    return element('details', {}, [summary, ...children], false);
  }
  if (node.name === 'Badge') {
    const text = typeof attrs.text === 'string' ? [{ type: 'text', value: attrs.text } as AnyNode] : children;
    return element('span', { className: ['badge'] }, text, true);
  }
  return element(inline ? 'span' : 'div', inline ? {} : { className: ['component'] }, children, inline);
}

// ---------------------------------------------------------------------------------------------
// hast: after sanitizing, add cross-links and glossary links as trusted markup.

interface DecorateContext {
  graph: Graph;
  glossary: GlossaryMatcher;
  state: PageState;
  selfTermId?: string;
}

type Parent = HastRoot | Element;

interface Where {
  /** Inside code: text stays exactly as written. */
  code: boolean;
  /** Inside a link: cross-links become plain names (no nested links). */
  link: boolean;
  /** Glossary auto-linking allowed (not in code, links or headings). */
  glossary: boolean;
}

const CODE = new Set(['code', 'pre', 'kbd', 'samp']);

function decorate(root: HastRoot, ctx: DecorateContext) {
  const walk = (parent: Parent, where: Where) => {
    const out: HastNode[] = [];
    let changed = false;
    for (const child of parent.children) {
      if (child.type === 'element') {
        fixFragmentLink(child);
        if (Array.isArray(child.properties.className) && child.properties.className.length === 0)
          delete child.properties.className;
        const tag = child.tagName;
        walk(child, {
          code: where.code || CODE.has(tag),
          link: where.link || tag === 'a',
          glossary: where.glossary && !NO_LINK.has(tag),
        });
        out.push(child);
      } else if (child.type === 'text' && !where.code) {
        const replaced = decorateText(child, where, ctx);
        if (replaced) {
          out.push(...replaced);
          changed = true;
        } else out.push(child);
      } else out.push(child);
    }
    if (changed) parent.children = out as ElementContent[];
  };
  walk(root, { code: false, link: false, glossary: true });
}

/** In-page links (`#fn-1`) point at the prefixed ids the sanitizer wrote (`user-content-fn-1`). */
function fixFragmentLink(el: Element) {
  const href = el.tagName === 'a' ? el.properties?.href : undefined;
  if (
    typeof href === 'string' &&
    href.startsWith('#') &&
    href.length > 1 &&
    !href.startsWith('#user-content-')
  ) {
    el.properties.href = `#user-content-${href.slice(1)}`;
  }
}

const raw = (value: string) => ({ type: 'raw', value }) as unknown as HastNode;

/** Replaces `[[…]]` cross-links (outside code) and glossary words (where allowed) in one text node. */
function decorateText(node: HastText, where: Where, ctx: DecorateContext): HastNode[] | undefined {
  const value = node.value;
  const linkable = where.glossary;
  if (!value.includes('[[') && (!linkable || !ctx.glossary.short.size)) return undefined;
  const parts: HastNode[] = [];
  let last = 0;
  let changed = false;
  const pushText = (text: string) => {
    if (!text) return;
    const linked = linkable ? glossaryLinks(text, ctx) : undefined;
    if (linked) {
      parts.push(...linked);
      changed = true;
    } else parts.push({ type: 'text', value: text });
  };
  if (value.includes('[[')) {
    // An explicit [[term:x]] is that term's link: the glossary does not link the word again.
    for (const m of value.matchAll(CROSS_LINK)) {
      const { target } = resolveLink(ctx.graph, {
        kind: m[1] as Parameters<typeof resolveLink>[1]['kind'],
        id: m[2]!,
      });
      if (target?.type === 'term') ctx.state.linkedTerms.add(target.id);
    }
    for (const m of value.matchAll(CROSS_LINK)) {
      const kind = m[1] as Parameters<typeof resolveLink>[1]['kind'];
      const { target } = resolveLink(ctx.graph, { kind, id: m[2]! });
      if (!target) continue;
      pushText(value.slice(last, m.index));
      const name = escapeHtml(displayName(target));
      parts.push(
        !where.link
          ? raw(`<a href="${urlOf(target.type, target.id)}" class="xref xref-${target.type}">${name}</a>`)
          : raw(name),
      );
      if (target.type === 'term') ctx.state.linkedTerms.add(target.id);
      last = m.index + m[0].length;
      changed = true;
    }
  }
  pushText(value.slice(last));
  return changed ? parts : undefined;
}

function glossaryLinks(text: string, ctx: DecorateContext): HastNode[] | undefined {
  const { glossary, state } = ctx;
  const parts: HastNode[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (m.index < last) continue;
    const candidates = glossary.byFirstWord.get(m[0].toLowerCase());
    if (!candidates) continue;
    const hit = candidates.find((p) => {
      const end = m.index + p.text.length;
      if (end < text.length && WORD_CHAR.test(text[end]!)) return false;
      const slice = text.slice(m.index, end);
      return p.exactCase ? slice === p.text : slice.toLowerCase() === p.lower;
    });
    if (!hit) continue;
    const end = m.index + hit.text.length;
    if (hit.termId === ctx.selfTermId || state.linkedTerms.has(hit.termId)) {
      last = end;
      continue;
    }
    state.linkedTerms.add(hit.termId);
    if (m.index > last) parts.push({ type: 'text', value: text.slice(last, m.index) });
    parts.push(raw(termLink(hit.termId, text.slice(m.index, end), glossary.short.get(hit.termId) ?? '')));
    last = end;
  }
  if (!parts.length) return undefined;
  if (last < text.length) parts.push({ type: 'text', value: text.slice(last) });
  return parts;
}

/**
 * A glossary link with its short definition as a tooltip that works without a mouse: the tip is
 * the link's accessible description (`aria-describedby`) and shows on hover and on keyboard focus.
 */
export function termLink(termId: string, text: string, short: string): string {
  const tip = `_tip-${termId}`;
  return (
    `<span class="term"><a href="${urlOf('term', termId)}" aria-describedby="${tip}">${escapeHtml(text)}</a>` +
    `<span class="tip" role="tooltip" id="${tip}" data-pagefind-ignore>${escapeHtml(short)}</span></span>`
  );
}
