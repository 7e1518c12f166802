import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  type BacktestFigures,
  type DiffSide,
  diffPlaybooks,
  escapeMarkdown,
  formatDiffMarkdown,
  type PlaybookDiff,
} from '../src/core/change/diff.ts';
import { lintSources } from '../src/core/lint/engine.ts';
import { type ConfigInput, configSchema } from '../src/schema/index.ts';
import { cli, ROOT } from './helpers/cli.ts';
import { cleanPlaybook, icp, mdx, persona, sources, TODAY } from './helpers/playbook.ts';

/** One version of a playbook, linted as the CLI lints it. */
function side(
  files: Record<string, string>,
  options: { config?: ConfigInput; backtest?: Record<string, BacktestFigures> } = {},
): DiffSide {
  const config = configSchema.parse(options.config ?? {});
  const { diagnostics, graph } = lintSources(sources(files), { config, today: TODAY });
  return { graph, diagnostics, config, backtest: options.backtest };
}

function diff(base: Record<string, string>, head: Record<string, string>): PlaybookDiff {
  return diffPlaybooks(side(base), side(head));
}

/** A second ICP so personas have somewhere to move. */
const enterprise = mdx(icp({ name: 'Enterprise retail', owners: ['@acme/enterprise'] }), 'Big accounts.\n');

describe('diffPlaybooks', () => {
  test('reports nothing for identical playbooks', () => {
    const d = diff(cleanPlaybook(), cleanPlaybook());
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.renamed).toEqual([]);
    expect(d.moved).toEqual([]);
    expect(d.criteria).toEqual([]);
    expect(d.dmu).toEqual([]);
    expect(d.lint.new).toEqual([]);
    expect(formatDiffMarkdown(d)).toBe(
      '✅ **Playbook changes:** no changes to ICPs or personas (lint is clean)\n',
    );
  });

  test('lists added ICPs and personas', () => {
    const head = {
      ...cleanPlaybook(),
      'icps/enterprise.mdx': enterprise,
      'personas/procurement-priya.mdx': mdx(
        persona('midmarket', {
          name: 'Procurement Priya',
          role: 'Head of Procurement',
          seniority: 'director',
          dmu_roles: ['procurement'],
        }),
        'Priya negotiates.\n',
      ),
    };
    const d = diff(cleanPlaybook(), head);
    expect(d.added).toEqual([
      { type: 'icp', id: 'enterprise', name: 'Enterprise retail' },
      { type: 'persona', id: 'procurement-priya', name: 'Procurement Priya' },
    ]);
    expect(d.removed).toEqual([]);
  });

  test('lists removed personas', () => {
    const head = cleanPlaybook();
    delete head['personas/finance-fiona.mdx'];
    const d = diff(cleanPlaybook(), head);
    expect(d.removed).toEqual([{ type: 'persona', id: 'finance-fiona', name: 'Finance Fiona' }]);
    expect(d.added).toEqual([]);
  });

  test('detects a renamed persona (same content, new id) instead of a removal and an addition', () => {
    const base = cleanPlaybook();
    const head = cleanPlaybook();
    head['personas/cfo-fiona.mdx'] = head['personas/finance-fiona.mdx']!;
    delete head['personas/finance-fiona.mdx'];
    const d = diff(base, head);
    expect(d.renamed).toMatchObject([
      {
        type: 'persona',
        from: { id: 'finance-fiona' },
        to: { id: 'cfo-fiona', name: 'Finance Fiona' },
        similarity: 1,
      },
    ]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(formatDiffMarkdown(d)).toContain('- persona `finance-fiona` → `cfo-fiona` (**Finance Fiona**)');
  });

  test('detects a rename with small edits, but not a different persona', () => {
    const base = cleanPlaybook();
    const head = cleanPlaybook();
    head['personas/cfo-fiona.mdx'] = mdx(
      persona('midmarket', {
        name: 'Finance Fiona',
        role: 'Chief Financial Officer',
        seniority: 'c-level',
        dmu_roles: ['champion'],
        last_reviewed: '2026-11-01',
      }),
      'Fiona signs.\n',
    );
    delete head['personas/finance-fiona.mdx'];
    head['personas/ops-olga.mdx'] = mdx(
      persona('midmarket', {
        name: 'Ops Olga',
        role: 'COO',
        seniority: 'c-level',
        dmu_roles: ['influencer'],
        goals: ['Fewer handoffs'],
        pains: ['Manual steps'],
        owners: ['@acme/ops'],
      }),
      'Olga runs operations.\n',
    );
    const d = diff(base, head);
    expect(d.renamed.map((r) => `${r.from.id}→${r.to.id}`)).toEqual(['finance-fiona→cfo-fiona']);
    expect(d.added.map((a) => a.id)).toEqual(['ops-olga']);
  });

  test('a renamed ICP does not count as a move for the personas that follow it', () => {
    const base = cleanPlaybook();
    const head = Object.fromEntries(
      Object.entries(cleanPlaybook()).map(([path, text]) => [
        path.replace('icps/midmarket.mdx', 'icps/midmarket-retail.mdx'),
        text.replace('icps:\n  - midmarket', 'icps:\n  - midmarket-retail'),
      ]),
    );
    const d = diff(base, head);
    expect(d.renamed).toMatchObject([
      { type: 'icp', from: { id: 'midmarket' }, to: { id: 'midmarket-retail' } },
    ]);
    expect(d.moved).toEqual([]);
    expect(d.dmu).toEqual([]);
  });

  test('shows a persona moved between ICPs as old → new', () => {
    const base = { ...cleanPlaybook(), 'icps/enterprise.mdx': enterprise };
    const head = {
      ...base,
      'personas/analytics-alex.mdx': mdx(persona('enterprise'), 'Alex owns the numbers.\n'),
    };
    const d = diff(base, head);
    expect(d.moved).toEqual([
      {
        persona: { type: 'persona', id: 'analytics-alex', name: 'Analytics Alex' },
        from: [{ id: 'midmarket', name: 'Mid-market e-commerce' }],
        to: [{ id: 'enterprise', name: 'Enterprise retail' }],
      },
    ]);
    expect(formatDiffMarkdown(d)).toContain(
      '- **Analytics Alex** (`analytics-alex`): Mid-market e-commerce → Enterprise retail',
    );
  });

  test('marks an ICP a persona now names that does not exist', () => {
    const head = {
      ...cleanPlaybook(),
      'personas/analytics-alex.mdx': mdx(
        persona('midmarket', { icps: ['midmarket', 'no-such-icp'] }),
        'Alex.\n',
      ),
    };
    const d = diff(cleanPlaybook(), head);
    expect(d.moved[0]!.to).toEqual([
      { id: 'midmarket', name: 'Mid-market e-commerce' },
      { id: 'no-such-icp', name: 'no-such-icp', missing: true },
    ]);
    expect(formatDiffMarkdown(d)).toContain(
      'Mid-market e-commerce → Mid-market e-commerce, `no-such-icp` (does not exist)',
    );
  });

  test.each([
    {
      kind: 'a must-have whose values change',
      change: {
        must_haves: [
          { label: '200–1,500 employees', field: 'employees', between: [200, 2500] },
          { label: 'E-commerce', field: 'industry', in: ['E-commerce'] },
          'Has a data team of at least two people',
        ],
      },
      expected: [
        {
          list: 'must_haves',
          change: 'changed',
          label: '200–1,500 employees',
          before: 'employees between 200 and 1,500',
          after: 'employees between 200 and 2,500',
        },
      ],
      markdown:
        '- **Mid-market e-commerce**: must-have "200–1,500 employees": employees between 200 and 1,500 → employees between 200 and 2,500',
    },
    {
      kind: 'a must-have relabelled along with its values',
      change: {
        must_haves: [
          { label: '200–2,500 employees', field: 'employees', between: [200, 2500] },
          { label: 'E-commerce', field: 'industry', in: ['E-commerce'] },
          'Has a data team of at least two people',
        ],
      },
      expected: [
        {
          list: 'must_haves',
          change: 'changed',
          label: '200–2,500 employees',
          previous_label: '200–1,500 employees',
          before: 'employees between 200 and 1,500',
          after: 'employees between 200 and 2,500',
        },
      ],
      markdown:
        'must-have "200–1,500 employees" → "200–2,500 employees": employees between 200 and 1,500 → employees between 200 and 2,500',
    },
    {
      kind: 'a deal-breaker added',
      change: {
        deal_breakers: [
          { label: 'Public sector', field: 'industry', in: ['Government'] },
          'Mandates on-premise deployment',
          { label: 'Tiny', field: 'employees', max: 50 },
        ],
      },
      expected: [{ list: 'deal_breakers', change: 'added', label: 'Tiny', after: 'employees ≤ 50' }],
      markdown: '- **Mid-market e-commerce**: deal-breaker added: "Tiny" (employees ≤ 50)',
    },
    {
      kind: 'a plain-sentence deal-breaker removed',
      change: { deal_breakers: [{ label: 'Public sector', field: 'industry', in: ['Government'] }] },
      expected: [{ list: 'deal_breakers', change: 'removed', label: 'Mandates on-premise deployment' }],
      markdown: '- **Mid-market e-commerce**: deal-breaker removed: "Mandates on-premise deployment"',
    },
    {
      kind: 'a plain sentence reworded',
      change: {
        deal_breakers: [
          { label: 'Public sector', field: 'industry', in: ['Government'] },
          'Mandates on-premise deployment only',
        ],
      },
      expected: [
        {
          list: 'deal_breakers',
          change: 'changed',
          label: 'Mandates on-premise deployment only',
          previous_label: 'Mandates on-premise deployment',
        },
      ],
      markdown: 'deal-breaker "Mandates on-premise deployment" → "Mandates on-premise deployment only"',
    },
  ])('reports $kind', ({ change, expected, markdown }) => {
    const head = { ...cleanPlaybook(), 'icps/midmarket.mdx': mdx(icp(change), 'Who we sell to.\n') };
    const d = diff(cleanPlaybook(), head);
    expect(d.criteria).toMatchObject(expected);
    expect(d.criteria).toHaveLength(expected.length);
    expect(formatDiffMarkdown(d)).toContain(markdown);
  });

  test('reports scoring rules and the threshold', () => {
    const scoring = (weight: number, threshold: number) => ({
      threshold,
      rules: [
        { label: 'Uses Shopify', field: 'tech', includes_any: ['Shopify'], weight },
        { label: 'Fast growth', field: 'growth_rate', min: 30, weight: 10 },
      ],
    });
    const base = { ...cleanPlaybook(), 'icps/midmarket.mdx': mdx(icp({ scoring: scoring(20, 60) }), 'x\n') };
    const head = { ...cleanPlaybook(), 'icps/midmarket.mdx': mdx(icp({ scoring: scoring(40, 70) }), 'x\n') };
    const d = diff(base, head);
    expect(d.thresholds).toMatchObject([{ icp: { id: 'midmarket' }, before: 60, after: 70 }]);
    expect(d.criteria).toMatchObject([
      {
        list: 'scoring',
        change: 'changed',
        label: 'Uses Shopify',
        before: 'tech includes any of Shopify (weight 20)',
        after: 'tech includes any of Shopify (weight 40)',
      },
    ]);
    const md = formatDiffMarkdown(d);
    expect(md).toContain('scoring threshold 60 → 70');
    expect(md).toContain(
      'scoring rule "Uses Shopify": tech includes any of Shopify \\(weight 20\\) → tech includes any of Shopify \\(weight 40\\)',
    );
    expect(md.split('\n')[0]).toContain('2 fit criteria changed');
  });

  test('reports DMU coverage gained and lost per ICP, flagging required roles', () => {
    const base = cleanPlaybook();
    const head = {
      ...cleanPlaybook(),
      'personas/analytics-alex.mdx': mdx(persona('midmarket', { dmu_roles: ['technical-buyer'] }), 'Alex.\n'),
    };
    const d = diff(base, head);
    expect(d.dmu).toEqual([
      {
        icp: { type: 'icp', id: 'midmarket', name: 'Mid-market e-commerce' },
        gained: ['technical-buyer'],
        lost: ['economic-buyer'],
        lost_required: ['economic-buyer'],
      },
    ]);
    expect(formatDiffMarkdown(d)).toContain(
      '- **Mid-market e-commerce**: gained technical-buyer; lost **economic-buyer (required)**',
    );
  });

  test('a persona that moves away takes its DMU roles with it', () => {
    const base = { ...cleanPlaybook(), 'icps/enterprise.mdx': enterprise };
    const head = { ...base, 'personas/analytics-alex.mdx': mdx(persona('enterprise'), 'Alex.\n') };
    const d = diff(base, head);
    expect(d.dmu).toMatchObject([
      { icp: { id: 'enterprise' }, gained: ['economic-buyer'], lost: [] },
      { icp: { id: 'midmarket' }, gained: [], lost: ['economic-buyer'], lost_required: ['economic-buyer'] },
    ]);
  });

  test('reports new and fixed lint findings, compared without line numbers', () => {
    const broken = {
      ...cleanPlaybook(),
      'personas/finance-fiona.mdx': mdx(
        persona('midmarket', {
          name: 'Finance Fiona',
          role: 'CFO',
          seniority: 'c-level',
          dmu_roles: ['champion'],
        }),
        'Fiona signs. See [[persona:does-not-exist]].\n',
      ),
    };
    // The same broken link two lines further down is the same finding.
    const moved = {
      ...cleanPlaybook(),
      'personas/finance-fiona.mdx': mdx(
        persona('midmarket', {
          name: 'Finance Fiona',
          role: 'CFO',
          seniority: 'c-level',
          dmu_roles: ['champion'],
        }),
        'Fiona signs.\n\n\nSee [[persona:does-not-exist]].\n',
      ),
    };
    expect(diff(broken, moved).lint.new).toEqual([]);
    expect(diff(broken, moved).lint.fixed).toEqual([]);

    const added = diff(cleanPlaybook(), broken);
    expect(added.lint.new).toMatchObject([
      { file: 'content/personas/finance-fiona.mdx', rule: 'unknown-reference', severity: 'error' },
    ]);
    expect(added.lint.head.errors).toBe(1);
    const md = formatDiffMarkdown(added);
    expect(md.split('\n')[0]).toBe('❌ **Playbook changes:** 1 new lint error (lint fails with 1 error)');
    expect(md).toMatch(
      /### New lint findings\n\n- ❌ `content\/personas\/finance-fiona.mdx`:\d+ `unknown-reference`: .*does-not-exist/,
    );

    const fixed = diff(broken, cleanPlaybook());
    expect(fixed.lint.fixed).toMatchObject([{ rule: 'unknown-reference' }]);
    expect(formatDiffMarkdown(fixed)).toContain('### Fixed lint findings');
  });

  test('a renamed file keeps its old findings instead of reporting them as new', () => {
    const stale = { last_reviewed: '2026-01-01' };
    const base = {
      ...cleanPlaybook(),
      'personas/finance-fiona.mdx': mdx(
        persona('midmarket', {
          name: 'Finance Fiona',
          role: 'CFO',
          seniority: 'c-level',
          dmu_roles: ['champion'],
          ...stale,
        }),
        'Fiona signs.\n',
      ),
    };
    const head: Record<string, string> = {
      ...cleanPlaybook(),
      'personas/cfo-fiona.mdx': base['personas/finance-fiona.mdx'],
    };
    delete head['personas/finance-fiona.mdx'];
    expect(side(base).diagnostics.filter((f) => f.rule === 'stale-review')).toHaveLength(1);
    const d = diff(base, head);
    expect(d.renamed).toHaveLength(1);
    expect(d.lint.new.filter((f) => f.rule === 'stale-review')).toEqual([]);
    expect(d.lint.fixed.filter((f) => f.rule === 'stale-review')).toEqual([]);
  });

  test('reports backtest precision and recall of changed ICPs', () => {
    const head = {
      ...cleanPlaybook(),
      'icps/midmarket.mdx': mdx(
        icp({ deal_breakers: [{ label: 'Public sector', field: 'industry', in: ['Government'] }] }),
        'x\n',
      ),
    };
    const d = diffPlaybooks(
      side(cleanPlaybook(), { backtest: { midmarket: { precision: 0.5, recall: 0.8 } } }),
      side(head, { backtest: { midmarket: { precision: 0.625, recall: 0.75 } } }),
    );
    expect(d.backtest).toEqual([
      {
        icp: { type: 'icp', id: 'midmarket', name: 'Mid-market e-commerce' },
        before: { precision: 0.5, recall: 0.8 },
        after: { precision: 0.625, recall: 0.75 },
      },
    ]);
    expect(formatDiffMarkdown(d)).toContain(
      '- **Mid-market e-commerce**: precision 50% → 63%, recall 80% → 75%',
    );
  });

  test('leaves out the backtest of unchanged ICPs', () => {
    const figures = { midmarket: { precision: 0.5, recall: 0.8 } };
    const d = diffPlaybooks(
      side(cleanPlaybook(), { backtest: figures }),
      side(cleanPlaybook(), { backtest: figures }),
    );
    expect(d.backtest).toEqual([]);
  });
});

describe('formatDiffMarkdown', () => {
  test('starts with a headline of counts and shows only non-empty sections', () => {
    const base = { ...cleanPlaybook(), 'icps/enterprise.mdx': enterprise };
    const head = { ...base, 'personas/analytics-alex.mdx': mdx(persona('enterprise'), 'Alex.\n') };
    const md = formatDiffMarkdown(diff(base, head));
    const lines = md.split('\n');
    expect(lines[0]).toMatch(
      /^⚠️ \*\*Playbook changes:\*\* 1 persona moved · DMU coverage changed in 2 ICPs · \d+ new lint warnings? · \d+ lint findings? fixed \(lint passes with \d+ warnings?\)$/,
    );
    expect(lines[1]).toBe('');
    expect(md.match(/^### .*/gm)).toEqual([
      '### Personas moved between ICPs',
      '### DMU coverage',
      '### New lint findings',
      '### Fixed lint findings',
    ]);
    expect(md).not.toContain('### Added');
  });

  test('keeps long sections short', () => {
    const head = { ...cleanPlaybook() };
    for (let i = 0; i < 30; i++)
      head[`personas/p-${String(i).padStart(2, '0')}.mdx`] = mdx(
        persona('midmarket', { name: `Persona ${i}`, goals: [`Goal ${i}`], pains: [`Pain ${i}`] }),
        `Body ${i}.\n`,
      );
    const md = formatDiffMarkdown(diff(cleanPlaybook(), head));
    const added = md.slice(md.indexOf('### Added')).split('\n\n')[1]!.split('\n');
    expect(added).toHaveLength(26);
    expect(added[25]).toBe('- …and 5 more');
    expect(md.split('\n')[0]).toMatch(/^⚠️ \*\*Playbook changes:\*\* 30 personas added/);
  });

  test('escapes Markdown and HTML in names and labels', () => {
    const name = 'Ops <img src=x onerror=alert(1)> *bold* [link](http://x) $5M–$9M';
    const head = { ...cleanPlaybook(), 'icps/evil.mdx': mdx(icp({ name }), 'x\n') };
    const md = formatDiffMarkdown(diff(cleanPlaybook(), head));
    expect(md).toContain(
      'ICP **Ops &lt;img src=x onerror=alert\\(1\\)&gt; \\*bold\\* \\[link\\]\\(http://x\\) \\$5M–\\$9M** (`evil`)',
    );
    expect(md).not.toContain('<img');
  });

  test.each([
    ['a & b', 'a &amp; b'],
    ['<script>', '&lt;script&gt;'],
    ['line\nbreak', 'line break'],
    ['`code` _em_ ~~del~~ |pipe| #tag !', '\\`code\\` \\_em\\_ \\~\\~del\\~\\~ \\|pipe\\| \\#tag \\!'],
    ['back\\slash', 'back\\\\slash'],
  ])('escapeMarkdown(%j) is %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('npm run diff (folders)', () => {
  const fixture = (name: string) => join('tests', 'fixtures', 'diff', name);

  test('summarises two content folders as Markdown', () => {
    const r = cli('diff', [
      '--base',
      join(fixture('moved-and-broken'), 'base'),
      '--head',
      join(fixture('moved-and-broken'), 'head'),
      '--today',
      TODAY,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      '❌ **Playbook changes:** 1 persona moved · DMU coverage changed in 1 ICP · 1 new lint error · 2 new lint warnings (lint fails with 1 error)',
    );
    expect(r.stdout).toContain(
      '### Personas moved between ICPs\n\n- **Analytics Alex** (`analytics-alex`): Mid-market e-commerce → Enterprise retail\n',
    );
    expect(r.stdout).toContain(
      '### DMU coverage\n\n- **Mid-market e-commerce**: lost **economic-buyer (required)**\n',
    );
    const findings = r.stdout
      .slice(r.stdout.indexOf('### New lint findings'))
      .split('\n')
      .filter((l) => l.startsWith('- '));
    expect(findings).toHaveLength(3);
    expect(findings[0]).toMatch(
      /^- ❌ `tests\/fixtures\/diff\/moved-and-broken\/head\/personas\/finance-fiona.mdx`:16 `unknown-reference`: .*\\\[\\\[persona:does-not-exist\\\]\\\]/,
    );
    expect(findings.slice(1).map((l) => /`([a-z-]+)`:/.exec(l)?.[1])).toEqual([
      'dmu-coverage',
      'personas-per-icp',
    ]);
    expect(r.stdout).not.toContain('### Fixed lint findings');
  });

  test('prints JSON with --format json', () => {
    const r = cli('diff', [
      '--base',
      join(fixture('moved-and-broken'), 'base'),
      '--head',
      join(fixture('moved-and-broken'), 'head'),
      '--today',
      TODAY,
      '--format',
      'json',
    ]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as PlaybookDiff;
    expect(json.moved).toMatchObject([
      { persona: { id: 'analytics-alex' }, from: [{ id: 'midmarket' }], to: [{ id: 'enterprise' }] },
    ]);
    expect(json.lint.new.map((f) => `${f.severity} ${f.rule}`)).toEqual([
      'error unknown-reference',
      'warning dmu-coverage',
      'warning personas-per-icp',
    ]);
    expect(json.lint.fixed).toEqual([]);
  });

  test('backtests changed ICPs on data/deals.csv', () => {
    const r = cli('diff', [
      '--base',
      join(fixture('backtest'), 'base'),
      '--head',
      join(fixture('backtest'), 'head'),
      '--today',
      TODAY,
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as PlaybookDiff;
    expect(json.backtest).toEqual([
      {
        icp: { type: 'icp', id: 'midmarket', name: 'Mid-market e-commerce' },
        before: { precision: 0.5, recall: 1 },
        after: { precision: 1, recall: 1 },
      },
    ]);
  });

  test.each([
    [['--base', 'a'], /Pass both --base DIR and --head DIR/],
    [['--base', 'a', '--head', 'b', 'main'], /Unexpected argument "main"/],
    [['--format', 'html', 'HEAD'], /--format must be one of markdown, json/],
    [[], /Name the git ref/],
    [['--today', '2026-02-30', 'HEAD'], /--today must be a date/],
    [['no-such-ref-anywhere'], /Unknown git ref "no-such-ref-anywhere"/],
  ])('exits 2 on bad usage: %j', (args, message) => {
    const r = cli('diff', args as string[], { cwd: ROOT });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
