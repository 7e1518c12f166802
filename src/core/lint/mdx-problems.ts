/**
 * MDX parse errors made readable for the `mdx-syntax` rule: positions as lines of the file, the
 * opening tag as the place of an unclosed one, and advice for the usual HTML habits.
 */
import type { Entry } from '../parse/entry.ts';
import type { ParseProblem, Position } from '../types.ts';

/** Elements HTML writes without a closing tag; MDX needs them self-closed (`<br />`). */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

const COMMENT_NOTE = /\s*\(note: to create a comment in MDX, use `\{\/\* text \*\/\}`\)/;

/**
 * The parser's message, made readable: its `(1:4-1:8)` ranges count lines from the start of the
 * body, so they become lines of the file; its advice on comments is dropped (comments written as
 * expressions are refused by `unsafe-mdx`).
 */
function explain(entry: Entry, message: string, hint: string | undefined): { message: string; hint: string } {
  const shift = entry.body.line - 1;
  let text = message.replace(
    /\((\d+):(\d+)-\d+:\d+\)/g,
    (_, line: string, column: string) => `(line ${Number(line) + shift}, column ${column})`,
  );
  if (COMMENT_NOTE.test(text)) {
    text = text.replace(COMMENT_NOTE, '');
    return {
      message: text.replace(
        /`!` \(U\+0021\) before name.*$/,
        '`!` after "<": HTML comments (<!-- … -->) are not allowed in MDX',
      ),
      hint: 'Delete the comment; leave notes for reviewers in the pull request instead.',
    };
  }
  const unclosed = /Expected a closing tag for `<([a-z]+)>`/.exec(text);
  if (unclosed && VOID_ELEMENTS.has(unclosed[1]!)) {
    return {
      message: text,
      hint: `In MDX every tag must be closed: write <${unclosed[1]} /> instead of <${unclosed[1]}>.`,
    };
  }
  return { message: text, hint: hint ?? 'Fix the body at the reported position.' };
}

/** An MDX parse problem of `entry` as `mdx-syntax` reports it: readable text, and where to point. */
export function readableMdxProblem(
  entry: Entry,
  problem: ParseProblem,
): { data: { message: string; hint: string }; loc: Position } {
  // An unclosed tag is reported by the parser at the end of its parent; point at the tag itself.
  const opening = /Expected a closing tag for `<[^`]*>` \((\d+):(\d+)-/.exec(problem.message);
  const loc = opening
    ? { line: Number(opening[1]) + entry.body.line - 1, column: Number(opening[2]) }
    : { line: problem.line, column: problem.column };
  return { data: explain(entry, problem.message, problem.hint), loc };
}
