/** The API entries computed from the site model (DESIGN §11), without a build. */
import { describe, expect, test } from 'vitest';
import { apiIcps, apiPages, apiPersonas, publicUrl } from '../src/core/export/api.ts';
import { buildGraph } from '../src/core/graph/graph.ts';
import { parseEntry } from '../src/core/parse/entry.ts';
import { buildSiteModel } from '../src/core/views/model.ts';
import { type ConfigInput, configSchema } from '../src/schema/index.ts';
import { cleanPlaybook, icp, mdx, persona, sources, TODAY } from './helpers/playbook.ts';

function setup(files: Record<string, string>, input: ConfigInput = {}) {
  const config = configSchema.parse(input);
  const model = buildSiteModel({ graph: buildGraph(sources(files).map(parseEntry)), config, today: TODAY });
  return { model, config };
}

describe('review_due and review_status (today 2026-11-22, cadence 90 days)', () => {
  test.each([
    ['2026-08-23', '2026-11-21', 'overdue'],
    ['2026-08-24', '2026-11-22', 'due-soon'],
    ['2026-09-07', '2026-12-06', 'due-soon'],
    ['2026-09-08', '2026-12-07', 'ok'],
  ])('last reviewed %s: due %s, %s', (last, due, status) => {
    const { model, config } = setup({
      ...cleanPlaybook(),
      'icps/midmarket.mdx': mdx(icp({ last_reviewed: last })),
    });
    expect(apiPages(model, config)[0]).toMatchObject({ type: 'icp', review_due: due, review_status: status });
  });

  test("an entry's own cadence wins and is published as review_every_days", () => {
    const { model, config } = setup(
      { ...cleanPlaybook(), 'icps/midmarket.mdx': mdx(icp({ review_every_days: 30 })) },
      { review_every_days: { persona: 60 } },
    );
    expect(apiIcps(model, config)[0]).toMatchObject({ review_every_days: 30 });
    expect(apiPersonas(model, config).map((p) => p.review_every_days)).toEqual([60, 60]);
    expect(apiPages(model, config)[0]).toMatchObject({ review_due: '2026-10-31', review_status: 'overdue' });
  });
});

describe('entries', () => {
  test('retired ICPs and personas are left out, and from an ICP’s personas', () => {
    const { model, config } = setup({
      ...cleanPlaybook(),
      'icps/gone.mdx': mdx(icp({ name: 'Gone', status: 'retired' })),
      'personas/old.mdx': mdx(persona('midmarket', { name: 'Old', status: 'retired' })),
    });
    expect(apiIcps(model, config).map((i) => [i.id, i.personas])).toEqual([
      ['midmarket', ['analytics-alex', 'finance-fiona']],
    ]);
    expect(apiPersonas(model, config).map((p) => p.id)).toEqual(['analytics-alex', 'finance-fiona']);
    expect(apiPages(model, config).map((p) => p.url)).toEqual([
      '/icps/midmarket/',
      '/personas/analytics-alex/',
      '/personas/finance-fiona/',
      '/glossary/',
    ]);
  });

  test('the configured currency fills in revenue and market currencies', () => {
    const { model, config } = setup(
      {
        ...cleanPlaybook(),
        'icps/midmarket.mdx': mdx(
          icp({
            firmographics: { industries: ['Retail'], regions: ['EU'], annual_revenue: { min: 1 } },
            market: { tam: { accounts: 10 } },
          }),
        ),
      },
      { currency: 'EUR' },
    );
    const [entry] = apiIcps(model, config);
    expect(entry?.firmographics.annual_revenue).toEqual({ min: 1, currency: 'EUR' });
    expect(entry?.market).toEqual({ tam: { accounts: 10 }, currency: 'EUR' });
    expect(entry?.status).toBe('active');
  });

  test('publicUrl is absolute with site_url, root-relative without', () => {
    expect(publicUrl({ site_url: 'https://gtm.acme.com/' }, '/icps/x/')).toBe('https://gtm.acme.com/icps/x/');
    expect(publicUrl({}, '/icps/x/')).toBe('/icps/x/');
  });
});
