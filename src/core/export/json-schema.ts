/**
 * JSON Schemas of what a person writes (the input side of the zod schemas, defaults optional): for code
 * editors (`dist/schemas/<type>.schema.json`) and as the one description of the fields that the CMS
 * configuration (cms-config.ts) is generated from.
 *
 * zod knows the shapes, types, bounds and enums; the documentation of each field is the JSDoc line in
 * src/schema, which zod cannot see at run time. It comes in as `FieldDocs` (read from the schema source by
 * the loader) and fills `description` and `examples` wherever the schema carries none of its own (a schema
 * that uses zod's `.meta({ description })` wins).
 */
import { z } from 'zod';
import { configSchema, dateSchema, SCHEMAS } from '../../schema/index.ts';

/** Every schema published for editors: the four content types and `playbook.yaml`. */
export const SCHEMA_TYPES = ['icp', 'persona', 'term', 'guide', 'playbook'] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

export const SCHEMA_OF: Record<SchemaType, z.ZodType> = { ...SCHEMAS, playbook: configSchema };

/** What a schema type's file is, for the `title` of its JSON Schema. */
const TITLES: Record<SchemaType, string> = {
  icp: 'ICP frontmatter (content/icps/<id>.mdx)',
  persona: 'Persona frontmatter (content/personas/<id>.mdx)',
  term: 'Glossary term frontmatter (content/glossary/<id>.mdx)',
  guide: 'Guide frontmatter (content/guides/<id>.mdx)',
  playbook: 'Playbook configuration (content/playbook.yaml)',
};

/** The documentation of one field: its JSDoc sentence and `@example` values. */
export interface FieldDoc {
  description?: string;
  examples?: unknown[];
}

/**
 * Field documentation by key path: `''` is the schema itself, `firmographics.employees.min` a nested key,
 * `scoring.rules[].weight` a key of every item of a list.
 */
export type FieldDocs = Record<string, FieldDoc>;

/** A JSON Schema node (draft 2020-12), as far as this project reads one. */
export interface JsonSchema {
  [keyword: string]: unknown;
  type?: string | string[];
  description?: string;
  examples?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  /** A list only in draft 07 (a tuple's items). */
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxLength?: number;
  default?: unknown;
}

/**
 * The JSON Schema draft to write. 2020-12 is the published one; draft 07 is for tools that read only
 * that draft (remark-lint-frontmatter-schema, whose validator reads 2020-12 tuples wrongly).
 */
export type JsonSchemaDraft = 'draft-2020-12' | 'draft-7';

export interface JsonSchemaOptions {
  docs?: FieldDocs;
  /** @default "draft-2020-12" */
  target?: JsonSchemaDraft;
  /** Extra keywords for a zod schema object (used by the CMS generator to tag criteria and ids). */
  mark?: (schema: unknown) => Record<string, unknown> | undefined;
}

/** zod writes the safe-integer range as the bounds of every `.int()`; they say nothing to a person. */
const SAFE_BOUND = Number.MAX_SAFE_INTEGER;

/** The input-side JSON Schema of a zod schema, with dates marked `format: date` and the docs filled in. */
export function inputJsonSchema(schema: z.ZodType, options: JsonSchemaOptions = {}): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    io: 'input',
    target: options.target ?? 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === dateSchema) ctx.jsonSchema.format = 'date';
      const extra = options.mark?.(ctx.zodSchema);
      if (extra) Object.assign(ctx.jsonSchema, extra);
    },
  }) as JsonSchema;
  // zod may hand out one object for a schema used in several places; annotate copies, not shared nodes.
  const json = structuredClone(generated);
  tidy(json, options.docs ?? {}, '');
  return json;
}

/** Drops the safe-integer bounds and adds the docs of `path` and everything below it. */
function tidy(node: JsonSchema, docs: FieldDocs, path: string): void {
  if (node.minimum === -SAFE_BOUND) delete node.minimum;
  if (node.maximum === SAFE_BOUND) delete node.maximum;
  const doc = docs[path];
  if (doc?.description && node.description === undefined) node.description = doc.description;
  if (doc?.examples?.length && node.examples === undefined) node.examples = doc.examples;
  for (const [key, child] of Object.entries(node.properties ?? {}))
    tidy(child, docs, path ? `${path}.${key}` : key);
  // Draft 07 writes a tuple's items as a list.
  const raw = node.items as JsonSchema | JsonSchema[] | false | undefined;
  const items = Array.isArray(raw) ? raw : raw ? [raw] : [];
  for (const item of items) tidy(item, docs, `${path}[]`);
  for (const option of node.anyOf ?? []) tidy(option, docs, path);
  for (const item of node.prefixItems ?? []) tidy(item, docs, `${path}[]`);
}

/** The published schema of one type: input side, titled, documented. */
export function editorSchema(
  type: SchemaType,
  docs: FieldDocs = {},
  target: JsonSchemaDraft = 'draft-2020-12',
): JsonSchema {
  const json = inputJsonSchema(SCHEMA_OF[type], { docs, target });
  return { $schema: json.$schema, $id: `${type}.schema.json`, title: TITLES[type], ...json };
}

/** Every published schema, keyed by its file name under `dist/schemas/` (draft 07: `dist/schemas/draft-07/`). */
export function editorSchemaFiles(
  docs: Partial<Record<SchemaType, FieldDocs>> = {},
  target: JsonSchemaDraft = 'draft-2020-12',
): Record<string, string> {
  return Object.fromEntries(
    SCHEMA_TYPES.map((type) => [
      `${type}.schema.json`,
      `${JSON.stringify(editorSchema(type, docs[type], target), null, 2)}\n`,
    ]),
  );
}
