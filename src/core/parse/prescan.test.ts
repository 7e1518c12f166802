import { describe, expect, test } from 'vitest';
import type { SourceFile } from '../types.ts';
import { parseEntry } from './entry.ts';
import { judgeBody, measureBody, scanBody } from './prescan-body.ts';

const guide = (text: string): SourceFile => ({
  type: 'guide',
  id: 'hostile',
  file: 'content/guides/hostile.mdx',
  path: 'guides/hostile.mdx',
  text,
});
/** The body starts on line 4. */
const withBody = (body: string) => guide(`---\ntitle: Hostile\n---\n${body}`);
const withYaml = (yaml: string) => guide(`---\ntitle: Hostile\n${yaml}---\nBody.\n`);

const lines = (count: number, line: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => line(i)).join('\n');

interface Cut {
  name: string;
  source: SourceFile;
  rule: 'mdx-syntax' | 'yaml-syntax';
  line: number;
  says: RegExp;
  hint: RegExp;
}

describe('the pre-scan cuts short what would take the parsers too long (§12)', () => {
  test.each<Cut>([
    {
      name: 'block quotes nested on one line',
      source: withBody(`Intro.\n\n${'> '.repeat(40)}a\n`),
      rule: 'mdx-syntax',
      line: 6,
      says: /line 6 opens more than 32 block quotes and list items/,
      hint: /fewer levels of quotes and lists/,
    },
    {
      name: 'list items on one line',
      source: withBody(`${'- '.repeat(33)}a\n`),
      rule: 'mdx-syntax',
      line: 4,
      says: /more than 32 block quotes and list items/,
      hint: /fewer levels/,
    },
    {
      name: 'lists nested by indentation',
      source: withBody(lines(80, (i) => `${'  '.repeat(i)}- a`)),
      rule: 'mdx-syntax',
      line: 4 + 65,
      says: /list item at line 69 is indented by 130 columns, more than 128/,
      hint: /Nest lists a few levels deep/,
    },
    {
      name: 'elements nested in elements',
      source: withBody(`${'<div>'.repeat(300)}a${'</div>'.repeat(300)}\n`),
      rule: 'mdx-syntax',
      line: 4,
      says: /the element at line 4 is nested more than 256 deep in other elements/,
      hint: /Close every tag you open/,
    },
    {
      name: 'parentheses nested in an expression',
      source: withBody(`{${'('.repeat(40)}1${')'.repeat(40)}}\n`),
      rule: 'mdx-syntax',
      line: 4,
      says: /nested more than 32 deep in an expression or import\/export at line 4/,
      hint: /write \\\{ for a literal brace/,
    },
    {
      name: 'braces nested in braces',
      source: withBody(`${'{'.repeat(40)}${'}'.repeat(40)}\n`),
      rule: 'mdx-syntax',
      line: 4,
      says: /nested more than 32 deep/,
      hint: /Expressions/,
    },
    {
      name: 'thousands of link definitions',
      source: withBody(lines(2001, (i) => `[d${i}]: /x`)),
      rule: 'mdx-syntax',
      line: 4 + 2000,
      says: /more than 2,000 link and footnote definitions/,
      hint: /Write links inline/,
    },
    {
      name: 'a paragraph of unpaired emphasis markers',
      source: withBody(`Intro.\n\n${'*a'.repeat(8000)}\n`),
      rule: 'mdx-syntax',
      line: 6,
      says: /the paragraph at line 6 has 8,000 groups of emphasis and strikethrough markers/,
      hint: /escape the ones meant literally as \\\*, \\_ and \\~/,
    },
    {
      name: 'a paragraph of strikethrough markers',
      source: withBody(`${'~~a'.repeat(8000)}\n`),
      rule: 'mdx-syntax',
      line: 4,
      says: /8,000 groups of emphasis and strikethrough markers/,
      hint: /Split long paragraphs/,
    },
    {
      name: 'a paragraph of closing brackets',
      source: withBody(`${'a]'.repeat(6000)}\n`),
      rule: 'mdx-syntax',
      line: 4,
      says: /6,000 square brackets/,
      hint: /escape brackets meant literally/,
    },
    {
      name: 'a table row with tens of thousands of cells',
      source: withBody(`|${' a |'.repeat(32_000)}\n|${' - |'.repeat(3)}\n`),
      rule: 'mdx-syntax',
      line: 4,
      says: /the table row at line 4 has 32,001 cells/,
      hint: /fewer columns/,
    },
    {
      name: 'tens of thousands of one-letter lines',
      source: withBody('a\n'.repeat(20_000)),
      rule: 'mdx-syntax',
      line: 1,
      says: /its 20,000 lines and 0 markup characters are more than the parser can read/,
      hint: /Split the page into several pages/,
    },
    {
      name: 'one paragraph of 62,000 lines',
      source: withBody('a paragraph line that goes on without a break\n'.repeat(62_000)),
      rule: 'mdx-syntax',
      line: 4,
      says: /the paragraph, list or table at line 4 runs over 62,000 lines without a blank line/,
      hint: /Split long paragraphs with blank lines, lists and tables/,
    },
    {
      name: 'emphasis after a fence line inside an expression (not a fence to the parser)',
      source: withBody(`{\`\n\`\`\`\n\`}\n${'*a'.repeat(8000)}\n`),
      rule: 'mdx-syntax',
      line: 4,
      says: /8,000 groups of emphasis/,
      hint: /Split long paragraphs/,
    },
    {
      name: 'emphasis after a fence line inside a tag (not a fence to the parser)',
      source: withBody(`<div title="\n\`\`\`\n" />\n${'*a'.repeat(8000)}\n`),
      rule: 'mdx-syntax',
      line: 4,
      says: /8,000 groups of emphasis/,
      hint: /Split long paragraphs/,
    },
    {
      name: 'emphasis after an unclosed tag in inline code (counted all the same)',
      source: withBody(`Use \`<a title="\` here.\n${'*a'.repeat(8000)}\n`),
      rule: 'mdx-syntax',
      line: 4,
      says: /8,000 groups of emphasis/,
      hint: /Split long paragraphs/,
    },
    {
      name: 'elements nested after a brace in inline code',
      source: withBody(`Write \`{\` there.\n\n${'<div>\n'.repeat(300)}`),
      rule: 'mdx-syntax',
      line: 6 + 256,
      says: /nested more than 256 deep/,
      hint: /Close every tag/,
    },
    {
      name: 'elements nested with "/>" and "</" inside their attributes',
      source: withBody(`${'<div title="/>" alt="</" >'.repeat(300)}\n`),
      rule: 'mdx-syntax',
      line: 4,
      says: /nested more than 256 deep/,
      hint: /Close every tag/,
    },
    {
      name: 'YAML lists nested in brackets',
      source: withYaml(`tags: ${'['.repeat(70)}a${']'.repeat(70)}\n`),
      rule: 'yaml-syntax',
      line: 3,
      says: /The frontmatter is too complex to parse: its lists and fields are nested more than 64 levels deep at line 3/,
      hint: /check the indentation and the brackets/,
    },
    {
      name: 'YAML mappings nested by indentation',
      source: withYaml(lines(70, (i) => `${' '.repeat(i)}k${i}:`).concat('\n')),
      rule: 'yaml-syntax',
      line: 3 + 64,
      says: /nested more than 64 levels deep at line 67/,
      hint: /indentation/,
    },
    {
      name: 'thousands of YAML keys',
      source: withYaml(lines(7000, (i) => `k${i}: v`).concat('\n')),
      rule: 'yaml-syntax',
      line: 2,
      says: /it has 7,001 "key: value" pairs, more than the 6,\d{3} the parser can check/,
      hint: /move long text into the body, or split the page/,
    },
  ])('$name: one $rule finding, nothing parsed', ({ source, rule, line, says, hint }) => {
    const entry = parseEntry(source);
    const problems = entry.problems.filter((p) => p.rule === rule);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem!.line).toBe(line);
    expect(problem!.message).toMatch(/is too complex to parse/);
    expect(problem!.message).toMatch(says);
    expect(problem!.hint).toMatch(hint);
    if (rule === 'mdx-syntax') expect(entry.body.tree).toBeUndefined();
    else expect(entry.raw).toBeUndefined();
    expect(parseEntry(source)).toEqual(entry); // the same text, the same findings
  });

  test.each<[string, string]>([
    [
      'ordinary prose',
      'The quick brown fox jumps over the *lazy* dog, [again](/x) and **again**.\n\n'.repeat(500),
    ],
    ['escaped markers', `${'\\*a'.repeat(8000)}\n`],
    [
      'a fenced code block full of markers',
      `Intro.\n\n\`\`\`js\n${'a_b*c[d] = e_f*g[h];\n'.repeat(3000)}\`\`\`\n\nAfter.\n`,
    ],
    ['a tilde fence', `~~~\n${'*a'.repeat(8000)}\n~~~\n`],
    ['a table of a thousand rows', `| a | b |\n| - | - |\n${'| [x](/y) | *z* |\n'.repeat(1000)}`],
    ['a list of a thousand items', '- an item with **bold** text and a [link](/x)\n'.repeat(1000)],
    ['elements nested a few levels', `${'<div>\n\n'.repeat(10)}a\n\n${'</div>\n\n'.repeat(10)}`],
    ['a thousand self-closed and closed elements', '<Callout /> <b>x</b> <br /> '.repeat(1000)],
    [
      'components named in inline code',
      'Use `<Callout>` or `<Callout type="note">` for asides.\n\n'.repeat(100),
    ],
    ['void elements left open (a syntax error, not a complexity one)', '<br>'.repeat(100)],
  ])('parses %s', (_name, body) => {
    const entry = parseEntry(withBody(body));
    expect(entry.problems.filter((p) => /too complex/.test(p.message))).toEqual([]);
  });

  test('10 MB of ordinary prose is parsed in full (measured only here: its parse takes seconds)', () => {
    const paragraph =
      'Buyers in mid-market e-commerce compare three vendors, ask for a pilot and want *numbers* they can ' +
      'trust before the quarter ends; see [the guide](/guides/how-to-use/) and the [[term:icp]] entry.\n\n';
    const body = paragraph.repeat(Math.ceil(10_000_000 / paragraph.length));
    const measures = measureBody(body, 4);
    expect('message' in measures).toBe(false);
    expect(judgeBody(measures as Exclude<typeof measures, { message: string }>)).toBeUndefined();
    expect(scanBody(body, 4)).toBeUndefined();
  });
});
