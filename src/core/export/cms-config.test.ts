import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { schemaDocs } from '../../loader/admin.ts';
import {
  configSchema,
  DMU_ROLES,
  ENTRY_TYPES,
  type EntryType,
  GROWTH_STAGES,
  personaSchema,
  SCHEMAS,
  SENIORITIES,
} from '../../schema/index.ts';
import {
  type CmsCollection,
  type CmsField,
  cmsConfig,
  cmsConfigYaml,
  githubRepo,
  labelFor,
} from './cms-config.ts';

const PLAYBOOK = configSchema.parse({ repo_url: 'https://github.com/northwind/playbook' });
const docs = await schemaDocs();

function generate(input: Partial<Parameters<typeof cmsConfig>[0]> = {}) {
  const result = cmsConfig({ config: PLAYBOOK, docs, ...input });
  if (!result.ok) throw new Error(result.reason);
  return result.config;
}

const config = generate();
const collection = (name: string) => config.collections.find((c) => c.name === name) as CmsCollection;
/** The field at a dotted path of a collection: `evidence.interviews`. */
function fieldAt(name: string, path: string): CmsField {
  let fields = collection(name).fields;
  let found: CmsField | undefined;
  for (const key of path.split('.')) {
    found = fields.find((f) => f.name === key);
    if (!found) throw new Error(`${name} has no field ${path}`);
    fields = (found.fields as CmsField[] | undefined) ?? [];
  }
  return found as CmsField;
}

describe('cmsConfig', () => {
  test('has exactly the top-level keys of DESIGN §9, with values from playbook.yaml', () => {
    expect(config).toEqual({
      backend: { name: 'github', repo: 'northwind/playbook', branch: 'main' },
      publish_mode: 'editorial_workflow',
      local_backend: true,
      media_folder: 'public/images',
      public_folder: '/images',
      slug: { encoding: 'ascii', clean_accents: true },
      collections: expect.any(Array),
    });
  });

  test.each([
    ['icps', 'content/icps', 'name'],
    ['personas', 'content/personas', 'name'],
    ['glossary', 'content/glossary', 'term'],
    ['guides', 'content/guides', 'title'],
  ])('collection %s: folder, format, identifier and slug', (name, folder, identifier) => {
    expect(collection(name)).toMatchObject({
      name,
      folder,
      extension: 'mdx',
      format: 'frontmatter',
      create: true,
      identifier_field: identifier,
      slug: `{{fields.${identifier}}}`,
    });
  });

  test('collections come in the order of the content types, with their words', () => {
    expect(config.collections.map((c) => [c.name, c.label, c.label_singular])).toEqual([
      ['icps', 'ICPs', 'ICP'],
      ['personas', 'Personas', 'Persona'],
      ['glossary', 'Glossary terms', 'Glossary term'],
      ['guides', 'Guides', 'Guide'],
    ]);
  });

  const folderOf: Record<EntryType, string> = {
    icp: 'icps',
    persona: 'personas',
    term: 'glossary',
    guide: 'guides',
  };
  test.each(ENTRY_TYPES.map((t) => [t]))(
    '%s: one field per schema key, in schema order, then the body',
    (type) => {
      const keys = Object.keys((SCHEMAS[type] as z.ZodObject).shape);
      expect(collection(folderOf[type]).fields.map((f) => f.name)).toEqual([...keys, 'body']);
    },
  );

  test.each(ENTRY_TYPES.map((t) => [t]))('%s: `required` mirrors the input schema', (type) => {
    const shape = (SCHEMAS[type] as z.ZodObject).shape as Record<string, z.ZodType>;
    for (const field of collection(folderOf[type]).fields) {
      if (field.name === 'body') continue;
      const optional = shape[field.name]!.safeParse(undefined).success;
      expect(field.required, `${type}.${field.name}`).toBe(optional ? false : undefined);
    }
  });

  // [collection, path, widget, required, other options]
  test.each<[string, string, string, boolean, Record<string, unknown>]>([
    ['personas', 'status', 'select', false, { options: ['draft', 'active', 'retired'], default: 'active' }],
    [
      'personas',
      'owners',
      'list',
      true,
      { min: 1, field: { name: 'item', label: 'Owner', widget: 'string' } },
    ],
    [
      'personas',
      'last_reviewed',
      'datetime',
      true,
      { format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false },
    ],
    ['personas', 'review_every_days', 'number', false, { value_type: 'int', min: 1, max: 730 }],
    ['personas', 'tags', 'list', false, {}],
    ['personas', 'name', 'string', true, { label: 'Name' }],
    ['personas', 'role', 'string', true, {}],
    ['personas', 'seniority', 'select', true, { options: [...SENIORITIES] }],
    ['personas', 'department', 'string', false, {}],
    [
      'personas',
      'dmu_roles',
      'select',
      true,
      { multiple: true, options: [...DMU_ROLES], label: 'DMU roles' },
    ],
    [
      'personas',
      'icps',
      'relation',
      true,
      {
        label: 'ICPs',
        collection: 'icps',
        value_field: '{{slug}}',
        search_fields: ['name'],
        display_fields: ['name'],
        multiple: true,
      },
    ],
    ['personas', 'quote', 'text', false, {}],
    ['personas', 'goals', 'list', true, { min: 1 }],
    ['personas', 'pains', 'list', true, {}],
    ['personas', 'objections', 'list', false, {}],
    ['personas', 'buying_criteria', 'list', false, {}],
    ['personas', 'channels', 'list', false, {}],
    ['personas', 'content_preferences', 'list', false, {}],
    ['personas', 'success_metrics', 'list', false, {}],
    ['personas', 'messaging', 'object', false, {}],
    ['personas', 'messaging.value_proposition', 'string', false, {}],
    ['personas', 'messaging.key_messages', 'list', false, {}],
    ['personas', 'messaging.avoid', 'list', false, {}],
    ['personas', 'evidence', 'object', false, {}],
    ['personas', 'evidence.interviews', 'number', false, { value_type: 'int', min: 0 }],
    ['personas', 'evidence.surveys', 'number', false, { value_type: 'int', min: 0 }],
    ['personas', 'evidence.sources', 'list', false, {}],
    ['personas', 'evidence.last_interview', 'datetime', false, { format: 'YYYY-MM-DD', time_format: false }],
    ['personas', 'demographics', 'object', false, {}],
    ['personas', 'demographics.age_range', 'string', false, {}],
    ['personas', 'demographics.location', 'string', false, {}],
    ['personas', 'demographics.education', 'string', false, {}],
    ['personas', 'body', 'markdown', false, { modes: ['raw'] }],
    ['icps', 'name', 'string', true, {}],
    ['icps', 'summary', 'text', true, {}],
    ['icps', 'segment', 'string', false, {}],
    ['icps', 'firmographics', 'object', true, {}],
    ['icps', 'firmographics.industries', 'list', true, { min: 1 }],
    ['icps', 'firmographics.employees', 'object', false, {}],
    ['icps', 'firmographics.employees.min', 'number', false, { value_type: 'int', min: 0 }],
    ['icps', 'firmographics.annual_revenue.max', 'number', false, { value_type: 'float', min: 0 }],
    ['icps', 'firmographics.annual_revenue.currency', 'string', false, {}],
    ['icps', 'firmographics.regions', 'list', true, {}],
    ['icps', 'firmographics.growth_stages', 'select', false, { multiple: true, options: [...GROWTH_STAGES] }],
    ['icps', 'technographics.uses', 'list', false, {}],
    ['icps', 'technographics.avoids', 'list', false, {}],
    ['icps', 'pains', 'list', true, {}],
    ['icps', 'signals', 'list', false, {}],
    ['icps', 'must_haves', 'criterion', true, { label: 'Must-haves', sentence: true }],
    ['icps', 'deal_breakers', 'criterion', true, { label: 'Deal-breakers', sentence: true }],
    ['icps', 'scoring', 'object', false, {}],
    ['icps', 'scoring.threshold', 'number', true, { value_type: 'float', min: 0, max: 100 }],
    ['icps', 'scoring.rules', 'criterion', true, { sentence: false, min: 1, weight: { min: 1, max: 100 } }],
    ['icps', 'market', 'object', false, {}],
    ['icps', 'market.tam', 'object', true, { label: 'TAM' }],
    ['icps', 'market.tam.accounts', 'number', false, { value_type: 'int', min: 0 }],
    ['icps', 'market.tam.value', 'number', false, { value_type: 'float', min: 0 }],
    ['icps', 'market.sam', 'object', false, {}],
    ['icps', 'market.som', 'object', false, {}],
    ['icps', 'market.currency', 'string', false, {}],
    ['icps', 'market.source', 'string', false, {}],
    ['icps', 'market.as_of', 'datetime', false, { format: 'YYYY-MM-DD' }],
    ['glossary', 'term', 'string', true, {}],
    ['glossary', 'abbr', 'string', false, { label: 'Abbreviation' }],
    ['glossary', 'aliases', 'list', false, {}],
    ['glossary', 'short', 'text', true, {}],
    [
      'glossary',
      'related',
      'relation',
      false,
      { collection: 'glossary', value_field: '{{slug}}', search_fields: ['term'], multiple: true },
    ],
    ['guides', 'title', 'string', true, {}],
    ['guides', 'description', 'string', false, {}],
    ['guides', 'order', 'number', false, { value_type: 'int' }],
  ])('%s.%s is a %s (required: %s)', (name, path, widget, required, options) => {
    const field = fieldAt(name, path);
    expect(field.widget).toBe(widget);
    expect(field.required).toBe(required ? undefined : false);
    expect(field).toMatchObject(options);
  });

  test('the criterion widget knows every attribute and operator, each with the type it fits', () => {
    const field = fieldAt('icps', 'must_haves');
    expect(field.attributes).toContainEqual({ name: 'employees', type: 'number' });
    expect(field.attributes).toContainEqual({ name: 'tech', type: 'list' });
    expect(field.operators).toEqual([
      { name: 'in', type: 'string', value: 'list' },
      { name: 'not_in', type: 'string', value: 'list' },
      { name: 'between', type: 'number', value: 'range' },
      { name: 'min', type: 'number', value: 'number' },
      { name: 'max', type: 'number', value: 'number' },
      { name: 'includes_any', type: 'list', value: 'list' },
      { name: 'includes_all', type: 'list', value: 'list' },
    ]);
    expect(field.weight).toBeUndefined();
  });

  test.each([
    ['personas', 'name', 'Display name, 1–60 characters. Example: Analytics Alex'],
    ['personas', 'dmu_roles', 'DMU roles this person plays. Example: champion, end-user'],
    ['personas', 'evidence.interviews', 'Interviews held. Example: 7'],
    ['personas', 'demographics.age_range', 'Example: 35-50'],
    [
      'icps',
      'scoring.threshold',
      'Score at or above which an account with every must-have is a fit, 0–100. Example: 60',
    ],
    [
      'glossary',
      'short',
      'Tooltip text, ≤ 200 characters. Example: The part of the TAM your product can serve.',
    ],
  ])('%s.%s has the documented description as its hint', (name, path, hint) => {
    expect(fieldAt(name, path).hint).toBe(hint);
  });

  test('a field added to a schema appears in the form, with its widget, required flag and description', () => {
    const extended = personaSchema.extend({
      linkedin_url: z.url().optional().meta({ description: 'Profile of a typical buyer.' }),
      budget_owner: z.boolean(),
      team_size: z.number().int().min(1).max(500).optional(),
      territories: z.array(z.enum(['emea', 'amer', 'apac'])).optional(),
    });
    const personas = generate({ schemas: { persona: extended } }).collections.find(
      (c) => c.name === 'personas',
    )!;
    const byName = Object.fromEntries(personas.fields.map((f) => [f.name, f]));
    expect(personas.fields.map((f) => f.name).slice(-5)).toEqual([
      'linkedin_url',
      'budget_owner',
      'team_size',
      'territories',
      'body',
    ]);
    expect(byName.linkedin_url).toEqual({
      name: 'linkedin_url',
      label: 'Linkedin URL',
      widget: 'string',
      required: false,
      hint: 'Profile of a typical buyer.',
    });
    expect(byName.budget_owner).toEqual({ name: 'budget_owner', label: 'Budget owner', widget: 'boolean' });
    expect(byName.team_size).toMatchObject({
      widget: 'number',
      value_type: 'int',
      min: 1,
      max: 500,
      required: false,
    });
    expect(byName.territories).toMatchObject({
      widget: 'select',
      multiple: true,
      options: ['emea', 'amer', 'apac'],
    });
  });

  test.each([
    ['https://github.com/acme/playbook', 'acme/playbook'],
    ['https://github.com/acme/playbook.git', 'acme/playbook'],
    ['https://github.com/acme/playbook/', 'acme/playbook'],
    ['https://GitHub.com/Acme/Play.book', 'Acme/Play.book'],
    ['https://gitlab.com/acme/playbook', undefined],
    ['https://github.com/acme', undefined],
    ['https://github.com/acme/playbook/tree/main', undefined],
    ['http://github.com/acme/playbook', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('githubRepo(%s) → %s', (url, repo) => {
    expect(githubRepo(url)).toBe(repo);
  });

  test('a playbook whose repository is not on GitHub gets no CMS, with the reason', () => {
    const gitlab = cmsConfig({ config: { ...PLAYBOOK, repo_url: 'https://gitlab.com/acme/playbook' } });
    expect(gitlab).toEqual({
      ok: false,
      reason: expect.stringContaining('https://gitlab.com/acme/playbook is not a GitHub repository'),
    });
    const none = cmsConfig({ config: { ...PLAYBOOK, repo_url: undefined } });
    expect(none).toEqual({ ok: false, reason: expect.stringContaining('no repo_url') });
  });

  test('branch, content path, OAuth provider and fork editing come from the input', () => {
    const custom = generate({
      config: { ...PLAYBOOK, repo_branch: 'live', content_path: 'docs/gtm/' },
      oauthUrl: 'https://auth.example.com',
      openAuthoring: true,
    });
    expect(custom.backend).toEqual({
      name: 'github',
      repo: 'northwind/playbook',
      branch: 'live',
      base_url: 'https://auth.example.com',
      open_authoring: true,
    });
    expect(custom.collections.map((c) => c.folder)).toEqual([
      'docs/gtm/icps',
      'docs/gtm/personas',
      'docs/gtm/glossary',
      'docs/gtm/guides',
    ]);
  });

  test('the OAuth provider and fork editing come from playbook.yaml, unless the input overrides them', () => {
    const cms = { oauth_url: 'https://auth.northwind.test', open_authoring: true };
    const fromYaml = generate({ config: configSchema.parse({ ...PLAYBOOK, cms }) });
    expect(fromYaml.backend).toMatchObject({ base_url: 'https://auth.northwind.test', open_authoring: true });
    const overridden = generate({
      config: configSchema.parse({ ...PLAYBOOK, cms }),
      oauthUrl: 'https://preview-auth.northwind.test',
      openAuthoring: false,
    });
    expect(overridden.backend).toEqual({
      name: 'github',
      repo: 'northwind/playbook',
      branch: 'main',
      base_url: 'https://preview-auth.northwind.test',
    });
    expect(config.backend).toEqual({ name: 'github', repo: 'northwind/playbook', branch: 'main' });
  });

  test('config.yml is YAML of the same object, with no anchors, under a do-not-edit header', () => {
    const text = cmsConfigYaml(config);
    expect(text).toMatch(/^# Generated by `npm run build` from src\/schema/);
    expect(text).not.toMatch(/[&*]a\d/);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(config)));
  });

  test.each([
    ['dmu_roles', 'DMU roles'],
    ['must_haves', 'Must-haves'],
    ['deal_breakers', 'Deal-breakers'],
    ['as_of', 'As of'],
    ['icps', 'ICPs'],
    ['last_reviewed', 'Last reviewed'],
  ])('labelFor(%s) → %s', (key, label) => {
    expect(labelFor(key)).toBe(label);
  });
});
