import { describe, expect, test } from 'vitest';
import { cleanPlaybook, icp, mdx, persona, sources, TODAY } from '../../../tests/helpers/playbook.ts';
import { configSchema } from '../../schema/index.ts';
import { buildGraph } from '../graph/graph.ts';
import { parseEntry } from '../parse/entry.ts';
import { editUrl } from '../routes.ts';
import { buildSiteModel } from './model.ts';
import { reviewOf } from './review.ts';

function model(files: Record<string, string>, config = {}) {
  return buildSiteModel({
    graph: buildGraph(sources(files).map(parseEntry)),
    config: configSchema.parse(config),
    today: TODAY,
  });
}

describe('reviewOf', () => {
  test.each([
    ['2026-10-01', 'ok'],
    ['2026-09-01', 'due-soon'],
    ['2026-08-24', 'due-soon'],
    ['2026-08-23', 'stale'],
  ])('last reviewed %s with a 90-day cadence on 2026-11-22 is %s', (last, state) => {
    expect(reviewOf({ last_reviewed: last }, 90, TODAY).state).toBe(state);
  });

  test('an entry cadence overrides the configured one', () => {
    expect(reviewOf({ last_reviewed: '2026-10-01', review_every_days: 30 }, 90, TODAY).state).toBe('stale');
  });
});

describe('editUrl', () => {
  test('joins repo, branch, content path and file path (§8.19)', () => {
    const config = configSchema.parse({
      repo_url: 'https://github.com/acme/pb/',
      content_path: '/docs/content/',
    });
    expect(editUrl(config, 'personas/x.mdx')).toBe(
      'https://github.com/acme/pb/edit/main/docs/content/personas/x.mdx',
    );
  });

  test('is undefined without a repo_url', () => {
    expect(editUrl(configSchema.parse({}), 'personas/x.mdx')).toBeUndefined();
  });
});

describe('buildSiteModel', () => {
  const files = {
    ...cleanPlaybook(),
    'icps/draft.mdx': mdx(icp({ name: 'Draft ICP', status: 'draft', segment: 'Beta' })),
    'icps/gone.mdx': mdx(icp({ name: 'Gone ICP', status: 'retired' })),
    'personas/old.mdx': mdx(persona('gone', { name: 'Old Persona', status: 'retired' })),
  };

  test('indexes list drafts and omit retired entries; pages exist for all', () => {
    const m = model(files);
    expect(m.icps.map((c) => c.id)).toEqual(['draft', 'midmarket']);
    expect(m.personas.map((c) => c.id)).toEqual(['analytics-alex', 'finance-fiona']);
    expect([...m.icpPages.keys()].sort()).toEqual(['draft', 'gone', 'midmarket']);
    expect(m.personaPages.has('old')).toBe(true);
  });

  test('persona pages carry the segments and industries of their ICPs for search filters', () => {
    const m = model({
      ...files,
      'icps/banks.mdx': mdx(
        icp({
          name: 'Banks',
          segment: 'Enterprise',
          firmographics: { industries: ['Banking', 'E-commerce'], regions: ['EU'] },
        }),
      ),
      'personas/both.mdx': mdx(
        persona('midmarket', { name: 'Both', icps: ['midmarket', 'banks', 'missing'] }),
      ),
    });
    const page = m.personaPages.get('both')!;
    expect(page.segments).toEqual(['Enterprise']);
    expect(page.industries).toEqual(['Banking', 'E-commerce']);
    expect(page.missingIcps).toEqual(['missing']);
  });

  test('ICP cards carry segment, size band and persona count', () => {
    const card = model(files).icpPages.get('midmarket')!.card;
    expect(card.sizeBand).toBe('200–1,500 employees');
    expect(card.personaCount).toBe(2);
  });

  test('the DMU map places personas under their roles and reports gaps', () => {
    const page = model(files).icpPages.get('midmarket')!;
    expect(page.dmu.find((s) => s.role === 'economic-buyer')!.personas.map((p) => p.id)).toEqual([
      'analytics-alex',
    ]);
    expect(page.gaps).toEqual([]);
    expect(model(files).icpPages.get('draft')!.gaps).toEqual(['Economic buyer']);
  });

  test('the matrix has a cell per ICP and persona with the DMU roles', () => {
    const { matrix } = model(files);
    const row = matrix.icps.findIndex((r) => r.id === 'midmarket');
    const col = matrix.personas.findIndex((p) => p.id === 'finance-fiona');
    expect(matrix.cells[row]![col]).toEqual(['Champion']);
    expect(matrix.cells[matrix.icps.findIndex((r) => r.id === 'draft')]![col]).toBeUndefined();
  });

  test('falls back to a list per ICP when the grid is too large', () => {
    const m = buildSiteModel({
      graph: buildGraph(sources(files).map(parseEntry)),
      config: configSchema.parse({}),
      today: TODAY,
      maxMatrixCells: 1,
    });
    expect(m.matrix.tooLarge).toBe(true);
    expect(m.matrix.rows.find((r) => r.icp.id === 'midmarket')!.personas).toHaveLength(2);
  });

  test('health groups drafts and stale pages by owner', () => {
    const m = model({
      ...files,
      'personas/stale.mdx': mdx(
        persona('midmarket', { name: 'Stale', last_reviewed: '2026-01-01', owners: ['@z'] }),
      ),
    });
    expect(m.health.totals.stale).toBe(1);
    expect(m.health.totals.drafts).toBe(1);
    expect(m.health.owners.find((o) => o.owner === '@z')!.items[0]!.review.state).toBe('stale');
  });

  test('market rows are relative to TAM', () => {
    const m = model({
      ...files,
      'icps/midmarket.mdx': mdx(
        icp({ market: { tam: { accounts: 1000 }, sam: { accounts: 250 }, som: { accounts: 5 } } }),
      ),
    });
    const rows = m.icpPages.get('midmarket')!.market!.measures[0]!.rows;
    expect(rows.map((r) => r.percent)).toEqual([100, 25, 1]);
    expect(rows[1]!.share).toBe('25% of TAM');
  });
});
