import { describe, expect, test } from 'vitest';
import { finding, findings, icp, mdx, run } from '../../../../tests/helpers/playbook.ts';
import { rule } from './mdx-syntax.ts';

/** A guide whose body starts on line 4. */
const guide = (body: string) => ({ 'guides/start.mdx': `---\ntitle: Getting started\n---\n${body}` });

/**
 * The message and hint are the parser's own, made readable (the `problem` templates pass them
 * through): `problem` and `hint` match parts of them.
 */
interface Invalid {
  messageId: string;
  name: string;
  files: Record<string, string>;
  line: number;
  column: number;
  problem: RegExp;
  hint: RegExp;
}

const DEFAULT_HINT = /"<" starts a tag and "\{" starts an expression/;

describe('mdx-syntax', () => {
  test.each<{ name: string; files: Record<string, string> }>([
    {
      name: 'Markdown with GFM',
      files: guide(
        '# Title\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n\nA footnote[^1].\n\n[^1]: Here.\n',
      ),
    },
    { name: 'a "<" followed by a space', files: guide('Deals where a < b close faster.\n') },
    { name: 'escaped characters', files: guide('Use &lt;5 seats and \\{braces\\}.\n') },
    {
      name: 'closed and self-closed tags',
      files: guide('<details>\n<summary>More</summary>\n\nText.\n\n</details>\n\nLine<br />break\n'),
    },
    { name: 'an empty body', files: guide('') },
  ])('accepts $name', ({ files }) => {
    expect(run(files, rule)).toEqual([]);
  });

  test.each<Invalid>([
    {
      messageId: 'problem',
      name: 'an unclosed <div>, at the tag',
      files: guide('<div>\n\nSome text.\n'),
      line: 4,
      column: 1,
      problem: /^The body is not valid MDX: Expected a closing tag for `<div>` \(line 4, column 1\)/,
      hint: DEFAULT_HINT,
    },
    {
      messageId: 'problem',
      name: 'an unclosed "{" after a "<"',
      files: guide('Intro.\n\nWhen a < b {\n'),
      line: 6,
      column: 13,
      problem: /expected a corresponding closing brace for `\{`/,
      hint: DEFAULT_HINT,
    },
    {
      messageId: 'problem',
      name: 'a "<" before a number',
      files: guide('Teams of <5 people.\n'),
      line: 4,
      column: 11,
      problem: /Unexpected character `5`/,
      hint: /Write "&lt;"/,
    },
    {
      messageId: 'problem',
      name: 'a closing tag that does not match, naming the opening line in the file',
      files: guide('<div>\n\ntext\n\n</span>\n'),
      line: 8,
      column: 1,
      problem: /Unexpected closing tag `<\/span>`, expected .* for `<div>` \(line 4, column 1\)/,
      hint: DEFAULT_HINT,
    },
    {
      messageId: 'problem',
      name: 'an HTML void element written as in HTML',
      files: guide('Line one<br>line two\n'),
      line: 4,
      column: 9,
      problem: /Expected a closing tag for `<br>` \(line 4, column 9\)/,
      hint: /write <br \/> instead of <br>/,
    },
    {
      messageId: 'problem',
      name: 'an HTML comment',
      files: guide('Text.\n\n<!-- reviewer note -->\n'),
      line: 6,
      column: 2,
      problem: /: Unexpected character `!` after "<": HTML comments \(<!-- … -->\) are not allowed in MDX$/,
      hint: /Delete the comment/,
    },
    {
      messageId: 'problem',
      name: 'an unterminated attribute',
      files: guide('<div title="a>x</div>\n'),
      line: 5,
      column: 1,
      problem: /expected a corresponding closing quote/,
      hint: DEFAULT_HINT,
    },
    {
      messageId: 'problem',
      name: 'a broken body below a long frontmatter (the body starts on line 35)',
      files: { 'icps/midmarket.mdx': mdx(icp(), 'Who we sell to.\n\n{oops\n') },
      line: 38, // the parser reports a missing "}" at the end of the file
      column: 1,
      problem: /Unexpected end of file in expression/,
      hint: DEFAULT_HINT,
    },
    {
      messageId: 'problem',
      name: 'a broken body with CRLF line endings',
      files: { 'guides/start.mdx': '---\r\ntitle: Getting started\r\n---\r\nIntro.\r\n\r\n<Callout>\r\n' },
      line: 6,
      column: 1,
      problem: /Expected a closing tag for `<Callout>` \(line 6, column 1\)/,
      hint: DEFAULT_HINT,
    },
    {
      messageId: 'problem',
      name: 'an unclosed component after other text, at the tag',
      files: guide('Intro.\n\nMore intro.\n\n<Callout>\n\nText.\n'),
      line: 8,
      column: 1,
      problem: /Expected a closing tag for `<Callout>` \(line 8, column 1\)/,
      hint: DEFAULT_HINT,
    },
    {
      messageId: 'problem',
      name: 'a paragraph too complex to parse (§12), at the paragraph',
      files: guide(`Intro.\n\n${'*a'.repeat(10_000)}\n`),
      line: 6,
      column: 1,
      problem: /^The body is too complex to parse: the paragraph at line 6 has 10,000 groups of emphasis/,
      hint: /Split long paragraphs with blank lines/,
    },
    {
      messageId: 'problem',
      name: 'quotes nested too deep to parse (§12), at the line',
      files: guide(`${'>'.repeat(40)} a\n`),
      line: 4,
      column: 33,
      problem: /^The body is too complex to parse: line 4 opens more than 32 block quotes/,
      hint: /fewer levels of quotes and lists/,
    },
  ])('reports $name ($messageId)', ({ messageId, files, line, column, problem, hint }) => {
    const [path] = Object.keys(files);
    expect(findings(files, rule)).toEqual([finding(rule, path!, messageId, line, column)]);
    const [diagnostic] = run(files, rule);
    expect(diagnostic!.message).toMatch(problem);
    expect(diagnostic!.hint).toMatch(hint);
  });
});
