import type { Definition, Image, Link } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { Entry } from '../../parse/entry.ts';
import { defineRule, type Report } from '../rule.ts';
import { nearest } from '../../graph/suggest.ts';
import type { Position } from '../../types.ts';

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
  link: 'Remove it: the site sets page metadata and styles itself. For a link to another page write [Title](https://…).',
  meta: 'Remove it: the site sets page metadata itself.',
  form: 'Link to the form instead, e.g. [Book a demo](https://…).',
};

/** Attributes whose value is an address. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'data', 'codebase', 'longdesc', 'usemap', 'ping', 'manifest', 'icon', 'url', 'to']);

const UNSAFE_SCHEME = /^(javascript|vbscript|data):/;

/** A few named references a second round of decoding could meet (the parser already decoded once). */
const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', nbsp: ' ', amp: '&' };

/**
 * The dangerous scheme of a URL, if any, read the way a browser does: character references
 * decoded, ASCII tabs, newlines and control characters (and invisible spaces) dropped, case ignored.
 */
export function unsafeScheme(url: string): string | undefined {
  const decoded = url
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Math.min(parseInt(dec, 10), 0x10ffff)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED[name.toLowerCase()] ?? whole);
  const squeezed = decoded.replace(/[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, '').toLowerCase();
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

export const rule = defineRule({
  id: 'unsafe-mdx',
  severity: 'error',
  description: 'Anything a content body may not contain: imports and exports, `{…}` expressions, `<script>`, `<style>`, `<iframe>` and similar elements, `on*` attributes, `javascript:` / `data:` URLs, and components that are not allow-listed.',
  docs: 'Content comes from pull requests by people who are not engineers, and CI holds secrets. MDX is a programming language: compiled, its imports, exports and `{…}` expressions run as JavaScript. Playbook never compiles content; it parses it and refuses whatever could run code or change the page around it. Bodies may use Markdown, GFM (tables, task lists, footnotes), lowercase HTML elements such as `<div>`, `<details>` or `<img>`, and the components listed in `mdx.components` in playbook.yaml. Each finding names the construct and the safe way to write the same thing.',
  messages: {
    esm: 'The body has an "{{keyword}}" statement. Pages are content, not code, so MDX imports and exports are not allowed.',
    expression: 'The body has a "{…}" expression ({{code}}). Expressions are JavaScript that would run when the site is built, so content may not use them.',
    comment: 'The body has an MDX comment ({{code}}). Comments are written as "{…}" expressions, which content may not use.',
    element: 'The body uses a <{{name}}> element, which can run code or change the page around it.',
    component: 'The body uses the component <{{name}}>, which is not in the list of allowed components.',
    eventHandler: 'The <{{element}}> element has an "{{name}}" attribute: event handlers run JavaScript in the reader\'s browser.',
    spread: 'The <{{element}}> element takes attributes from an expression ({{code}}), which is JavaScript.',
    attributeExpression: 'The "{{name}}" attribute of <{{element}}> is an expression ({{code}}), which is JavaScript.',
    url: 'The {{where}} uses a "{{scheme}}:" address, which can run code or smuggle content into the page.',
    html: 'The body contains raw HTML that cannot be checked ({{code}}).',
  },
  hints: {
    esm: 'Delete the line. To use a component, write it as a tag (e.g. <Callout>…</Callout>); engineers add components to mdx.components in playbook.yaml.',
    expression: 'Write the text itself. For literal braces, escape them: \\{ and \\}.',
    comment: 'Delete the comment; leave notes for reviewers in the pull request instead.',
    element: '{{advice}}',
    component: '{{suggestion}}Allowed components: {{allowed}}. To allow another one, ask an engineer to add it to mdx.components in playbook.yaml.',
    eventHandler: 'Remove the attribute: pages cannot run scripts.',
    spread: 'Write each attribute out as name="value".',
    attributeExpression: 'Write the value as text in quotes: {{name}}="…".',
    url: 'Link to an https:// address or a playbook page such as /personas/<id>/; for images, link to a file by its path or https:// address.',
    html: 'Rewrite it in Markdown or with plain lowercase HTML elements.',
  },
  check({ graph, config, report }) {
    const allowed = new Set(config.mdx.components);
    const allowedList = config.mdx.components.length ? config.mdx.components.map((c) => `<${c}>`).join(', ') : 'none';
    for (const entry of graph.entries) {
      const tree = entry.body.tree;
      if (!tree) continue;
      const at = (position: { start: Position } | undefined): Position => position?.start ?? { line: entry.body.line, column: 1 };
      const say = (r: Omit<Report, 'entry'>) => report({ entry, ...r });
      visit(tree, (node) => {
        switch (node.type) {
          case 'mdxjsEsm': {
            const value = 'value' in node ? String(node.value) : '';
            say({ messageId: 'esm', data: { keyword: /^\s*export\b/.test(value) ? 'export' : 'import' }, loc: at(node.position) });
            break;
          }
          case 'mdxFlowExpression':
          case 'mdxTextExpression': {
            const value = 'value' in node ? String(node.value) : '';
            const comment = COMMENT_ONLY.test(value);
            say({ messageId: comment ? 'comment' : 'expression', data: { code: `{${preview(value)}}` }, loc: at(node.position) });
            break;
          }
          case 'mdxJsxFlowElement':
          case 'mdxJsxTextElement':
            checkElement(entry, node as MdxJsxFlowElement | MdxJsxTextElement, say, allowed, allowedList);
            break;
          case 'link':
          case 'image':
          case 'definition': {
            const { url } = node as Link | Image | Definition;
            const scheme = unsafeScheme(url);
            if (scheme) {
              const where = node.type === 'definition' ? `link definition "[${(node as Definition).label ?? (node as Definition).identifier}]"` : node.type;
              say({ messageId: 'url', data: { where, scheme }, loc: at(node.position) });
            }
            break;
          }
          case 'html':
            say({ messageId: 'html', data: { code: preview('value' in node ? String(node.value) : '') }, loc: at(node.position) });
            break;
        }
      });
    }
  },
});

function checkElement(
  entry: Entry,
  node: MdxJsxFlowElement | MdxJsxTextElement,
  say: (r: Omit<Report, 'entry'>) => void,
  allowed: Set<string>,
  allowedList: string,
) {
  const loc = node.position?.start ?? { line: entry.body.line, column: 1 };
  const name = node.name;
  // A fragment (<>…</>) renders only its children.
  if (name !== null) {
    const lower = name.toLowerCase();
    if (lower in FORBIDDEN_ELEMENTS) {
      say({ messageId: 'element', data: { name, advice: FORBIDDEN_ELEMENTS[lower]! }, loc });
    } else if (isComponentName(name) && !allowed.has(name)) {
      const near = nearest(name, allowed);
      say({ messageId: 'component', data: { name, suggestion: near ? `Did you mean <${near}>? ` : '', allowed: allowedList }, loc });
    }
  }
  const element = name ?? 'fragment';
  for (const attribute of node.attributes) {
    const attributeLoc = attribute.position?.start ?? loc;
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      say({ messageId: 'spread', data: { element, code: `{${preview(attribute.value)}}` }, loc: attributeLoc });
      continue;
    }
    if (/^on./i.test(attribute.name)) {
      say({ messageId: 'eventHandler', data: { element, name: attribute.name }, loc: attributeLoc });
      continue;
    }
    const value = attribute.value;
    if (value !== null && typeof value === 'object') {
      say({ messageId: 'attributeExpression', data: { element, name: attribute.name, code: `{${preview(value.value)}}` }, loc: attributeLoc });
      continue;
    }
    if (typeof value === 'string' && URL_ATTRIBUTES.has(attribute.name.toLowerCase())) {
      // srcset lists several addresses separated by commas.
      const urls = attribute.name.toLowerCase() === 'srcset' ? value.split(',') : [value];
      const scheme = urls.map(unsafeScheme).find((s) => s !== undefined);
      if (scheme) say({ messageId: 'url', data: { where: `"${attribute.name}" attribute of <${element}>`, scheme }, loc: attributeLoc });
    }
  }
}
