import { describe, expect, test } from 'vitest';
import { cleanPlaybook, mdx, run, term } from '../../../../tests/helpers/playbook.ts';
import { rule } from './broken-link.ts';

/**
 * The clean playbook (ICP "midmarket", personas "analytics-alex" and "finance-fiona"), the
 * glossary term "tam", the guide "pricing", and the guide "start" whose body (from line 4) is given.
 */
const playbook = (body: string) => ({
  ...cleanPlaybook(),
  'glossary/tam.mdx': mdx(term()),
  'guides/pricing.mdx': '---\ntitle: Pricing\n---\nHow we price.\n',
  'guides/start.mdx': `---\ntitle: Getting started\n---\n${body}`,
});

interface Invalid {
  name: string;
  body: string;
  line: number;
  column: number;
  message: string;
  hint: string | RegExp;
}

const ROUTES_HINT =
  /^Link to an existing page: \/, \/icps\/<id>\/, \/personas\/<id>\/, \/glossary\/#<term id>, \/guides\/, \/guides\/<id>\/, \/matrix\/, \/health\/ or \/fit\/\.$/;

describe('broken-link', () => {
  test.each([
    {
      name: 'the home page and indexes',
      body: '[Home](/) [ICPs](/icps/) [Personas](/personas) [Glossary](/glossary/)\n',
    },
    {
      name: 'entry pages, with or without a trailing slash',
      body: '[ICP](/icps/midmarket/) [Alex](/personas/analytics-alex) [Pricing](/guides/pricing/) [Guides](/guides/)\n',
    },
    {
      name: 'a #section or ?query on a page',
      body: '[Goals](/personas/analytics-alex/#goals) [Fiona](/personas/finance-fiona?tab=pains)\n',
    },
    {
      name: 'glossary anchors of existing terms',
      body: '[TAM](/glossary/#tam) and [again](/glossary#tam)\n',
    },
    { name: 'the matrix, health and fit pages', body: '[Matrix](/matrix/) [Health](/health) [Fit](/fit/)\n' },
    {
      name: 'relative links to content files',
      body: '[Alex](../personas/analytics-alex.mdx) [ICP](../icps/midmarket.mdx) [Pricing](./pricing.mdx#plans) [Same](pricing.mdx)\n',
    },
    { name: 'a relative link to a sibling page', body: '[Pricing](../pricing/)\n' },
    {
      name: 'web addresses',
      body: '[Web](https://example.com/personas/nobody/) [Mail](mailto:sales@example.com) [Phone](tel:+441234) [CDN](//cdn.example.com/x)\n',
    },
    { name: 'a link within the page', body: '[Top](#top)\n' },
    { name: 'static files', body: '![Logo](/images/logo.png) ![Chart](chart.png) [Deck](/files/deck.pdf)\n' },
  ])('accepts $name', ({ body }) => {
    expect(run(playbook(body), rule)).toEqual([]);
  });

  test.each<Invalid>([
    {
      name: 'a misspelt persona id',
      body: 'Talk to [Alex](/personas/analytics-alx/) first.\n',
      line: 4,
      column: 9,
      message:
        'The link "/personas/analytics-alx/" points at the persona "analytics-alx", which does not exist, so readers would land on the "not found" page.',
      hint: 'Did you mean "/personas/analytics-alex/"?',
    },
    {
      name: 'an ICP that does not exist and is not close to one',
      body: '[Enterprise](/icps/global-enterprise/)\n',
      line: 4,
      column: 1,
      message:
        'The link "/icps/global-enterprise/" points at the ICP "global-enterprise", which does not exist, so readers would land on the "not found" page.',
      hint: ROUTES_HINT,
    },
    {
      name: 'a guide without its trailing slash',
      body: '[Pricing](/guides/pricng)\n',
      line: 4,
      column: 1,
      message:
        'The link "/guides/pricng" points at the guide "pricng", which does not exist, so readers would land on the "not found" page.',
      hint: 'Did you mean "/guides/pricing/"?',
    },
    {
      name: 'a page addressed by its file name',
      body: '[Alex](/personas/analytics-alex.mdx)\n',
      line: 4,
      column: 1,
      message:
        'The link "/personas/analytics-alex.mdx" points at the persona "analytics-alex.mdx", which does not exist, so readers would land on the "not found" page.',
      hint: 'Did you mean "/personas/analytics-alex/"?',
    },
    {
      name: 'a glossary anchor of a missing term',
      body: 'See [TAM](/glossary/#tma).\n',
      line: 4,
      column: 5,
      message: 'The link "/glossary/#tma" points at the glossary term "tma", which does not exist.',
      hint: 'Did you mean "/glossary/#tam"?',
    },
    {
      name: 'a glossary anchor with no near term',
      body: '[CAC](/glossary/#customer-acquisition-cost)\n',
      line: 4,
      column: 1,
      message:
        'The link "/glossary/#customer-acquisition-cost" points at the glossary term "customer-acquisition-cost", which does not exist.',
      hint: 'Link to an existing term as /glossary/#<term id>, or add the term under glossary/.',
    },
    {
      name: 'a term addressed as a page',
      body: '[TAM](/glossary/tam/)\n',
      line: 4,
      column: 1,
      message:
        'The link "/glossary/tam/" points at the page "/glossary/tam/", which does not exist, so readers would land on the "not found" page.',
      hint: 'Did you mean "/glossary/#tam"?',
    },
    {
      name: 'a misspelt route folder',
      body: '[Fiona](/persona/finance-fiona/)\n',
      line: 4,
      column: 1,
      message:
        'The link "/persona/finance-fiona/" points at the page "/persona/finance-fiona/", which does not exist, so readers would land on the "not found" page.',
      hint: 'Did you mean "/personas/finance-fiona/"?',
    },
    {
      name: 'a page the site does not have',
      body: '[Dashboard](/dashboard/)\n',
      line: 4,
      column: 1,
      message:
        'The link "/dashboard/" points at the page "/dashboard/", which does not exist, so readers would land on the "not found" page.',
      hint: ROUTES_HINT,
    },
    {
      name: 'a relative link to a missing content file',
      body: 'Intro.\n\nSee [Nobody](../personas/nobody.mdx).\n',
      line: 6,
      column: 5,
      message:
        'The link "../personas/nobody.mdx" points at the file "personas/nobody.mdx", which is not in the content folder.',
      hint: 'Check the file name, or link to the page instead, e.g. /personas/<id>/.',
    },
    {
      name: 'a misspelt sibling file',
      body: '[Pricing](./pricng.mdx#plans)\n',
      line: 4,
      column: 1,
      message:
        'The link "./pricng.mdx#plans" points at the file "guides/pricng.mdx", which is not in the content folder.',
      hint: 'Did you mean "./pricing.mdx#plans"?',
    },
    {
      name: 'a relative link out of the content folder',
      body: '[Secrets](../../.env.mdx)\n',
      line: 4,
      column: 1,
      message:
        'The link "../../.env.mdx" climbs out of the content folder, so it cannot reach a playbook page.',
      hint: /\.\.\/personas\/<id>\.mdx/,
    },
    {
      name: 'a relative route that resolves below this page',
      body: '[Pricing](pricing/)\n',
      line: 4,
      column: 1,
      message:
        'The link "pricing/" points at the page "/guides/start/pricing/", which does not exist, so readers would land on the "not found" page.',
      hint: ROUTES_HINT,
    },
    {
      name: 'a link definition',
      body: 'See [the ICP][icp].\n\n[icp]: /icps/midmarkt/\n',
      line: 6,
      column: 1,
      message:
        'The link "/icps/midmarkt/" points at the ICP "midmarkt", which does not exist, so readers would land on the "not found" page.',
      hint: 'Did you mean "/icps/midmarket/"?',
    },
    {
      name: 'a link with no address',
      body: 'Read [the deck]().\n',
      line: 4,
      column: 6,
      message: 'A link has no address, so it leads nowhere.',
      hint: /Put the address between the parentheses/,
    },
  ])('reports $name', ({ body, line, column, message, hint }) => {
    const diagnostics = run(playbook(body), rule);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      file: 'content/guides/start.mdx',
      line,
      column,
      rule: 'broken-link',
      severity: 'error',
      message,
    });
    if (typeof hint === 'string') expect(diagnostics[0]!.hint).toBe(hint);
    else expect(diagnostics[0]!.hint).toMatch(hint);
  });

  test('resolves relative links from the folder of the linking file', () => {
    const files = {
      ...playbook('Fine.\n'),
      'personas/analytics-alex.mdx': cleanPlaybook()['personas/analytics-alex.mdx']!.replace(
        /\n$/,
        '\nWorks with [Fiona](finance-fiona.mdx) and [the ICP](../icps/midmarket.mdx), not [Bob](./bob.mdx).\n',
      ),
    };
    expect(run(files, rule)).toEqual([
      expect.objectContaining({
        file: 'content/personas/analytics-alex.mdx',
        line: 20,
        column: 81,
        message: expect.stringContaining('"personas/bob.mdx"'),
      }),
    ]);
  });

  test('counts a file that fails its schema as existing (schema reports it)', () => {
    const files = {
      ...playbook('[Broken](/icps/broken/) [File](../icps/broken.mdx)\n'),
      'icps/broken.mdx': '---\nname: 1\n---\n',
    };
    expect(run(files, rule)).toEqual([]);
  });
});
