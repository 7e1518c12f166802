/**
 * `llms.txt` and `llms-full.txt` (DESIGN §11) from the site model of the example playbook and of the
 * site fixture (drafts, retired entries, hostile text, components in bodies).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { llmsFullTxt, llmsTxt } from '../src/core/export/llms.ts';
import { buildSiteModel, type SiteModel } from '../src/core/views/model.ts';
import { runPipeline } from '../src/loader/pipeline.ts';
import type { Config } from '../src/schema/index.ts';
import { ROOT } from './helpers/cli.ts';
import { TODAY } from './helpers/playbook.ts';

async function load(content: string, override: Partial<Config> = {}) {
  const { graph, playbook } = await runPipeline({ content, today: TODAY, lint: false });
  const config = { ...playbook.config, ...override };
  return { model: buildSiteModel({ graph, config, today: TODAY }), config, graph };
}

describe('the example playbook', () => {
  let model: SiteModel;
  let config: Config;
  let txt: string;
  let full: string;
  let graph: Awaited<ReturnType<typeof load>>['graph'];

  beforeAll(async () => {
    ({ model, config, graph } = await load(join(ROOT, 'content')));
    txt = llmsTxt(model, config);
    full = llmsFullTxt(model, config);
  });

  test('llms.txt: title, summary, then one link line per non-retired entry in its section', () => {
    const lines = txt.split('\n');
    expect(lines[0]).toBe('# Northwind Analytics GTM Playbook');
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe(
      '> Who Northwind Analytics sells to, who decides inside those accounts, and how we engage them.',
    );
    const sections = lines.filter((l) => l.startsWith('## '));
    expect(sections).toEqual(['## ICPs', '## Personas', '## Glossary', '## Guides']);
    const links = lines.filter((l) => l.startsWith('- ['));
    const guides = readdirSync(join(ROOT, 'content', 'guides')).filter((f) => f.endsWith('.mdx')).length;
    expect(links).toHaveLength(4 + 11 + 19 + guides);
    for (const l of links)
      expect(l).toMatch(/^- \[[^\]]+\]\(https:\/\/playbook\.example\.com\/[^)\s]*\)(: \S.*)?$/);
    expect(links).toContain(
      '- [CFO Henrik](https://playbook.example.com/personas/cfo-henrik/): Chief Financial Officer',
    );
    expect(links).toContain(
      '- [Healthcare CFO Hana (draft)](https://playbook.example.com/personas/healthcare-cfo-hana/): Chief Financial Officer, multi-site provider group',
    );
    expect(txt).not.toMatch(/early-stage-startups|founder-felix/);
  });

  test('llms-full.txt holds every non-retired persona with its pains and objections', () => {
    const personas = [...graph.personas.values()];
    expect(personas.length).toBe(12);
    for (const p of personas) {
      const shown = full.includes(`/personas/${p.id}/`);
      expect(shown, p.id).toBe(p.data.status !== 'retired');
      if (!shown) continue;
      for (const text of [...p.data.pains, ...(p.data.objections ?? [])])
        expect(full, p.id).toContain(`- ${text}`);
    }
    expect(full).toContain('### CFO Henrik\n');
    expect(full).toContain('### Healthcare CFO Hana (draft)\n');
  });

  test('llms-full.txt: fields as headed lists, then the body, with cross-links as links', () => {
    const saas = full.slice(full.indexOf('### Mid-market B2B SaaS'), full.indexOf('### Multi-site'));
    expect(saas).toContain('- Summary: B2B software companies');
    expect(saas).toContain(
      '#### Must-haves (all must hold)\n\n- 200–2,000 employees (Employees between 200 and 2,000)',
    );
    expect(saas).toContain('#### Fit scoring (threshold 60 of 100)');
    expect(saas).toContain('#### Why this ICP');
    expect(saas).toContain('[RevOps Rita](https://playbook.example.com/personas/revops-rita/)');
    expect(saas).toContain('[fit check](https://playbook.example.com/fit/)');
    expect(saas).toContain('| Attribute | Sweet spot | Still a fit |\n| --- | --- | --- |');
    expect(full).not.toMatch(/\[\[|<\/?[a-z]/i);
  });
});

describe('the site fixture', () => {
  test('hostile text stays text, components keep their words, drafts are marked, urls are root-relative', async () => {
    const { model, config } = await load(join(ROOT, 'tests/fixtures/site'), { site_url: undefined });
    const txt = llmsTxt(model, config);
    const full = llmsFullTxt(model, config);
    expect(txt).toContain('- [Fintech lenders (draft)](/icps/fintech-draft/): Online lenders');
    expect(txt).toContain(
      "- [\\</script>\\<script>alert(1)\\</script>](/personas/hostile/): Head of \\<b>RevOps\\</b> & 'Ops'",
    );
    expect(txt).not.toMatch(/old-retail|retired-rex/);
    expect(txt).toContain('- [Getting started](/guides/getting-started/): How to read this playbook.');
    expect(full).not.toMatch(/(^|[^\\])</m);
    expect(full).toContain('Bring an ROI model.');
    expect(full).toContain('Carla works with [\\</script>\\<script>alert(1)\\</script>](/personas/hostile/)');
  });
});
