import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { schemaDocs } from '../../loader/admin.ts';
import { TYPE_FOLDERS } from '../../schema/index.ts';
import { editorSchema, editorSchemaFiles, SCHEMA_TYPES, type SchemaType } from './json-schema.ts';

const CONTENT = join(import.meta.dirname, '..', '..', '..', 'content');
const docs = (await schemaDocs()) ?? {};
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
/** One compiled validator per type (Ajv keeps schemas by their `$id`). */
const validators = new Map(SCHEMA_TYPES.map((type) => [type, ajv.compile(editorSchema(type, docs[type]))]));
const validatorOf = (type: SchemaType) => validators.get(type)!;

/** Every example file of a type with its frontmatter as YAML gives it. */
function examples(type: Exclude<SchemaType, 'playbook'>): [string, unknown][] {
  const dir = join(CONTENT, TYPE_FOLDERS[type]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
      return [`${TYPE_FOLDERS[type]}/${f}`, parse(block)];
    });
}

describe('editor JSON Schemas', () => {
  test('one file per content type and for playbook.yaml', () => {
    expect(Object.keys(editorSchemaFiles(docs))).toEqual([
      'icp.schema.json',
      'persona.schema.json',
      'term.schema.json',
      'guide.schema.json',
      'playbook.schema.json',
    ]);
  });

  test.each(SCHEMA_TYPES.map((t) => [t]))(
    '%s: a 2020-12 schema with a title that refuses unknown keys',
    (type) => {
      const schema = editorSchema(type, docs[type]);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.title).toMatch(/\w/);
      expect(schema.additionalProperties).toBe(false);
      expect(new Ajv2020({ strict: false }).validateSchema(schema)).toBe(true);
    },
  );

  test.each(
    (['icp', 'persona', 'term', 'guide'] as const).flatMap((type) =>
      examples(type).map(([file, data]) => [file, type, data]),
    ),
  )('%s is valid against its schema', (_file, type, data) => {
    const validate = validatorOf(type as SchemaType);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  test('content/playbook.yaml is valid against the playbook schema', () => {
    const validate = validatorOf('playbook');
    expect(validate(parse(readFileSync(join(CONTENT, 'playbook.yaml'), 'utf8')))).toBe(true);
  });

  test.each([
    ['persona', { job_title: 'CFO' }, 'additionalProperties'],
    ['persona', { seniority: 'Vp' }, 'enum'],
    ['persona', { dmu_roles: ['buyer'] }, 'enum'],
    ['icp', { status: 'Active' }, 'enum'],
  ] as const)('%s with %j fails on %s', (type, patch, keyword) => {
    const [, base] = examples(type)[0]!;
    const validate = validatorOf(type);
    expect(validate({ ...(base as object), ...patch })).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toContain(keyword);
  });

  test('input side: defaults are optional and shown; dates are marked; integer bounds are the schema’s own', () => {
    const persona = editorSchema('persona', docs.persona);
    expect(persona.required).not.toContain('status');
    expect(persona.properties?.status?.default).toBe('active');
    expect(persona.properties?.last_reviewed).toMatchObject({ type: 'string', format: 'date' });
    expect(persona.properties?.evidence?.properties?.interviews).toEqual({
      type: 'integer',
      minimum: 0,
      description: 'Interviews held.',
      examples: [7],
    });
  });

  test('descriptions and examples come from the JSDoc of src/schema, nested keys and list items included', () => {
    const icp = editorSchema('icp', docs.icp);
    expect(icp.description).toBe('Ideal Customer Profile frontmatter: `content/icps/<id>.mdx`.');
    expect(icp.properties?.name).toMatchObject({ description: 'Display name, 1–80 characters.' });
    expect(icp.properties?.firmographics?.properties?.employees?.examples).toEqual([{ min: 200, max: 1500 }]);
    const rules = icp.properties?.scoring?.properties?.rules?.items;
    expect(typeof rules === 'object' && rules.properties?.weight?.description).toBe(
      'Relative weight, 1–100.',
    );
  });
});
