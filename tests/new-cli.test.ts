import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { slugify } from '../src/core/change/scaffold.ts';
import { lintSources } from '../src/core/lint/engine.ts';
import { parseEntry } from '../src/core/parse/entry.ts';
import { loadPlaybook } from '../src/loader/index.ts';
import { cli, writePlaybook } from './helpers/cli.ts';
import { cleanPlaybook } from './helpers/playbook.ts';

describe('npm run new', () => {
  test.each([
    {
      type: 'icp',
      name: 'Nordic Logistics & Freight',
      path: 'icps/nordic-logistics-and-freight.mdx',
      args: [],
    },
    { type: 'persona', name: 'Ops Olga', path: 'personas/ops-olga.mdx', args: ['--icp', 'midmarket'] },
    { type: 'term', name: 'Net revenue retention', path: 'glossary/net-revenue-retention.mdx', args: [] },
  ])('writes a $type that passes the schema and refuses to overwrite it', ({ type, name, path, args }) => {
    const dir = writePlaybook(cleanPlaybook());
    const r = cli('new', [
      type,
      name,
      ...args,
      '--content',
      dir,
      '--owner',
      '@acme/revops',
      '--today',
      '2026-11-22',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(path);
    const text = readFileSync(join(dir, path), 'utf8');
    const playbook = loadPlaybook({ content: dir });
    const source = playbook.sources.find((s) => s.path === path)!;
    const entry = parseEntry(source);
    expect(entry.problems).toEqual([]);
    expect(entry.data).toBeDefined();
    const { diagnostics } = lintSources(playbook.sources, { config: playbook.config, today: '2026-11-22' });
    const mine = diagnostics.filter((d) => d.file.endsWith(path));
    expect(mine.filter((d) => d.severity === 'error')).toEqual([]);
    expect(mine.map((d) => d.rule)).toContain('placeholder-text');
    const again = cli('new', [type, name, ...args, '--content', dir]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(join(dir, path), 'utf8')).toBe(text);
  });

  test.each([
    { name: 'no arguments', args: [], message: /first argument must be one of/ },
    { name: 'an unknown type', args: ['company', 'Acme'], message: /got "company"/ },
    { name: 'no name', args: ['icp'], message: /name in quotes/ },
    { name: 'a persona without --icp', args: ['persona', 'Ops Olga'], message: /--icp ID/ },
    {
      name: 'a persona in a missing ICP',
      args: ['persona', 'Ops Olga', '--icp', 'midmarkt'],
      message: /Did you mean "midmarket"/,
    },
    { name: 'a bad owner', args: ['term', 'ARR', '--owner', 'jane'], message: /--owner must be/ },
    { name: 'an unquoted name', args: ['term', 'Net', 'revenue'], message: /in quotes/ },
  ])('exits 2 on $name', ({ args, message }) => {
    const dir = writePlaybook(cleanPlaybook());
    const r = cli('new', [...args, '--content', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, 'personas/ops-olga.mdx'))).toBe(false);
  });

  test.each([
    ['CFO Henrik', 'cfo-henrik'],
    ['Mid-market  E-commerce & Fintech', 'mid-market-e-commerce-and-fintech'],
    ['Zoë Ångström', 'zoe-angstrom'],
    ['  --VP, Sales (EMEA)--  ', 'vp-sales-emea'],
  ])('derives the id of %j as %j', (name, id) => {
    expect(slugify(name)).toBe(id);
  });
});
