import { describe, expect, test } from 'vitest';
import { mdx, persona, sources, term } from '../../../tests/helpers/playbook.ts';
import { configSchema } from '../../schema/index.ts';
import { buildGraph } from '../graph/graph.ts';
import { parseEntry } from '../parse/entry.ts';
import { createPageState, createRenderer } from './render.ts';

const files = {
  'personas/alex.mdx': mdx(persona('midmarket', { name: 'Alex & <Co>' })),
  'glossary/tam.mdx': mdx(
    term('Total addressable market', {
      abbr: 'TAM',
      aliases: ['addressable market'],
      short: 'All "the" <money> & more',
    }),
  ),
  'glossary/arr.mdx': mdx(term('Annual recurring revenue', { abbr: 'ARR' })),
};

function render(
  body: string,
  options: { components?: string[]; state?: ReturnType<typeof createPageState> } = {},
) {
  const entries = sources({ ...files, 'guides/g.mdx': mdx({ title: 'G' }, body) }).map(parseEntry);
  const graph = buildGraph(entries);
  const renderer = createRenderer(
    graph,
    configSchema.parse({ mdx: { components: options.components ?? [] } }),
  );
  return renderer.render(graph.guides.get('g')!.body.tree, { state: options.state });
}

describe('render', () => {
  test.each([
    [
      'a typed cross-link',
      'See [[persona:alex]].',
      '<a href="/personas/alex/" class="xref xref-persona">Alex &amp; &lt;Co&gt;</a>',
    ],
    [
      'an untyped cross-link',
      'See [[alex]].',
      '<a href="/personas/alex/" class="xref xref-persona">Alex &amp; &lt;Co&gt;</a>',
    ],
    [
      'a term cross-link',
      'See [[term:tam]].',
      '<a href="/glossary/#tam" class="xref xref-term">Total addressable market</a>',
    ],
  ])('renders %s with the escaped target name', (_, body, html) => {
    expect(render(body)).toContain(html);
  });

  test('leaves an unresolved cross-link as text (lint reports it)', () => {
    expect(render('See [[persona:nobody]].')).toContain('[[persona:nobody]]');
  });

  test('links the first use of a term, alias or abbreviation once per page, with an escaped tooltip', () => {
    const html = render('The TAM is the total addressable market. TAM again. ARR too.');
    expect(html.match(/href="\/glossary\/#tam"/g)).toHaveLength(1);
    expect(html).toContain('<a href="/glossary/#tam" aria-describedby="_tip-tam">TAM</a>');
    expect(html).toContain('All &quot;the&quot; &lt;money&gt; &amp; more');
    expect(html).toContain('aria-describedby="_tip-arr">ARR</a>');
  });

  test('matches terms case-insensitively and abbreviations case-sensitively, on whole words', () => {
    expect(render('Our Addressable Market grows.')).toContain('>Addressable Market</a>');
    expect(render('The tam grows.')).not.toContain('/glossary/#tam');
    expect(render('TAMS and STAM grow.')).not.toContain('/glossary/#tam');
  });

  test('never links inside code, links or headings', () => {
    const html = render('## TAM\n\n`TAM` and [about TAM](https://example.com)\n\n```\nTAM\n```\n');
    expect(html).not.toContain('/glossary/#tam');
  });

  test('shares first use across bodies through a page state', () => {
    const state = createPageState();
    expect(render('TAM', { state })).toContain('/glossary/#tam');
    expect(render('TAM', { state })).not.toContain('/glossary/#tam');
  });

  test('strips what the sanitizer forbids and drops expressions and ESM', () => {
    const html = render(
      '<div onclick="x()">ok <script>alert(1)</script></div>\n\n<iframe src="https://x"></iframe>\n\n[x](javascript:alert(1)) ![i](data:image/png;base64,AA)\n\nexport const a = 1\n\n{1 + 1}\n',
    );
    expect(html).toContain('<div>ok </div>');
    expect(html).not.toMatch(/script|iframe|onclick|javascript:|data:|export|1 \+ 1/);
  });

  test('maps allow-listed components to HTML and drops others', () => {
    expect(
      render('<Callout type="warning" title="Heads up">Careful</Callout>', { components: ['Callout'] }),
    ).toMatch(
      /<aside class="callout callout-warning">\s*<p class="callout-title">\s*<strong>Heads up<\/strong>/,
    );
    expect(render('<Callout>Careful</Callout>')).not.toContain('Careful');
  });

  test('keeps GFM tables, task lists and footnotes working', () => {
    const html = render('| a |\n|---|\n| 1 |\n\n- [x] done\n\nNote[^1].\n\n[^1]: Text.\n');
    expect(html).toContain('<table>');
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
  });

  test('demotes body headings below the page title', () => {
    expect(render('# Title')).toContain('<h2>Title</h2>');
  });
});
