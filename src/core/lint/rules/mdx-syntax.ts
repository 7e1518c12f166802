import type { Entry } from '../../parse/entry.ts';
import { defineRule, parseProblems } from '../rule.ts';

/** Elements HTML writes without a closing tag; MDX needs them self-closed (`<br />`). */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const COMMENT_NOTE = /\s*\(note: to create a comment in MDX, use `\{\/\* text \*\/\}`\)/;

/**
 * The parser's message, made readable: its `(1:4-1:8)` ranges count lines from the start of the
 * body, so they become lines of the file; its advice on comments is dropped (comments written as
 * expressions are refused by `unsafe-mdx`).
 */
function explain(entry: Entry, message: string, hint: string | undefined): { message: string; hint: string } {
  const shift = entry.body.line - 1;
  let text = message.replace(/\((\d+):(\d+)-\d+:\d+\)/g, (_, line: string, column: string) => `(line ${Number(line) + shift}, column ${column})`);
  if (COMMENT_NOTE.test(text)) {
    text = text.replace(COMMENT_NOTE, '');
    return {
      message: text.replace(/`!` \(U\+0021\) before name.*$/, '`!` after "<": HTML comments (<!-- … -->) are not allowed in MDX'),
      hint: 'Delete the comment; leave notes for reviewers in the pull request instead.',
    };
  }
  const unclosed = /Expected a closing tag for `<([a-z]+)>`/.exec(text);
  if (unclosed && VOID_ELEMENTS.has(unclosed[1]!)) {
    return { message: text, hint: `In MDX every tag must be closed: write <${unclosed[1]} /> instead of <${unclosed[1]}>.` };
  }
  return { message: text, hint: hint ?? 'Fix the body at the reported position.' };
}

export const rule = defineRule({
  id: 'mdx-syntax',
  severity: 'error',
  description: 'The body does not parse as MDX.',
  docs: 'Bodies are MDX: Markdown where "<" starts a tag and "{" starts an expression, and every tag must be closed (`<br />`, not `<br>`). A body that does not parse cannot be checked or published. Write `&lt;` for a literal "<", `\\{` for a literal "{", close every tag you open, and delete HTML comments (`<!-- … -->`).',
  messages: { problem: '{{message}}' },
  hints: { problem: '{{hint}}' },
  check({ graph, report }) {
    for (const { entry, problem: p } of parseProblems(graph, 'mdx-syntax')) {
      // An unclosed tag is reported by the parser at the end of its parent; point at the tag itself.
      const opening = /Expected a closing tag for `<[^`]*>` \((\d+):(\d+)-/.exec(p.message);
      const loc = opening ? { line: Number(opening[1]) + entry.body.line - 1, column: Number(opening[2]) } : p;
      report({ entry, messageId: 'problem', data: explain(entry, p.message, p.hint), loc });
    }
  },
});
