/**
 * The browser editor's configuration (Decap CMS `config.yml`, DESIGN §9), generated from src/schema: one
 * collection per content type, one form field per schema key in schema order, the widget chosen from the
 * field's JSON Schema (json-schema.ts), `required` from the schema and the hint from the field's documented
 * description. Nothing here lists fields by hand: a key added to a zod schema appears in the form.
 */
import { stringify } from 'yaml';
import type { z } from 'zod';
import {
  ATTRIBUTES,
  attributeType,
  type Config,
  criterionSchema,
  ENTRY_TYPES,
  type EntryType,
  idSchema,
  OPERATORS,
  type Operator,
  ruleSchema,
  SCHEMAS,
  scoringRuleSchema,
  TYPE_FOLDERS,
} from '../../schema/index.ts';
import { TYPE_WORDS } from '../words.ts';
import { type FieldDocs, inputJsonSchema, type JsonSchema } from './json-schema.ts';

/** One form field of a collection, as Decap reads it. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: false;
  hint?: string;
  [option: string]: unknown;
}

export interface CmsCollection {
  name: string;
  label: string;
  label_singular: string;
  folder: string;
  extension: 'mdx';
  format: 'frontmatter';
  create: true;
  identifier_field: string;
  slug: string;
  fields: CmsField[];
}

export interface CmsConfig {
  backend: { name: 'github'; repo: string; branch: string; base_url?: string; open_authoring?: true };
  publish_mode: 'editorial_workflow';
  local_backend: true;
  media_folder: string;
  public_folder: string;
  slug: { encoding: 'ascii'; clean_accents: true };
  collections: CmsCollection[];
}

export interface CmsConfigInput {
  /** The playbook's settings; `cms` gives the OAuth provider and fork editing unless the two options below do. */
  config: Pick<Config, 'repo_url' | 'repo_branch' | 'content_path'> & { cms?: Partial<Config['cms']> };
  /** Field documentation per type (the JSDoc of src/schema), for the hints. */
  docs?: Partial<Record<EntryType, FieldDocs>>;
  /**
   * The OAuth provider the GitHub backend signs in through (Decap's `base_url`), overriding
   * `cms.oauth_url`; Decap's default when neither is set.
   */
  oauthUrl?: string;
  /** Let people without write access edit from a fork (Decap's `open_authoring`), overriding `cms.open_authoring`. */
  openAuthoring?: boolean;
  /** Schemas to generate from instead of src/schema's (for tests that extend one). */
  schemas?: Partial<Record<EntryType, z.ZodType>>;
}

export type CmsConfigResult = { ok: true; config: CmsConfig } | { ok: false; reason: string };

/** Where uploaded images go, and the URL they are served from. */
const MEDIA_FOLDER = 'public/images';
const PUBLIC_FOLDER = '/images';

/** The lists that hold ids, and the collection their ids name (as src/core/graph/references.ts reads them). */
const REFERENCES: Partial<Record<EntryType, Record<string, EntryType>>> = {
  persona: { icps: 'icp' },
  term: { related: 'term' },
};

/** `owner/name` of a GitHub repository URL, or undefined for anything else. */
export function githubRepo(repoUrl: string | undefined): string | undefined {
  if (!repoUrl) return undefined;
  let url: URL;
  try {
    url = new URL(repoUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.hostname.toLowerCase() !== 'github.com') return undefined;
  const parts = url.pathname
    .replace(/\.git$/, '')
    .split('/')
    .filter(Boolean);
  if (parts.length !== 2 || !parts.every((p) => /^[A-Za-z0-9._-]+$/.test(p))) return undefined;
  return parts.join('/');
}

/** The CMS configuration for a playbook, or why there is none (the build prints the reason). */
export function cmsConfig(input: CmsConfigInput): CmsConfigResult {
  const { repo_url: repoUrl, repo_branch: branch, content_path: contentPath } = input.config;
  const repo = githubRepo(repoUrl);
  if (!repo) {
    return {
      ok: false,
      reason: repoUrl
        ? `repo_url ${repoUrl} is not a GitHub repository (https://github.com/<owner>/<name>), and the editor saves through GitHub`
        : 'playbook.yaml sets no repo_url, and the editor saves through a GitHub repository',
    };
  }
  const backend: CmsConfig['backend'] = { name: 'github', repo, branch };
  const oauthUrl = input.oauthUrl ?? input.config.cms?.oauth_url;
  if (oauthUrl) backend.base_url = oauthUrl;
  if (input.openAuthoring ?? input.config.cms?.open_authoring) backend.open_authoring = true;
  const folderRoot = contentPath.replace(/^\.?\/+|\/+$/g, '');
  return {
    ok: true,
    config: {
      backend,
      publish_mode: 'editorial_workflow',
      local_backend: true,
      media_folder: MEDIA_FOLDER,
      public_folder: PUBLIC_FOLDER,
      slug: { encoding: 'ascii', clean_accents: true },
      collections: ENTRY_TYPES.map((type) =>
        collection(type, input.schemas?.[type] ?? SCHEMAS[type], folderRoot, input.docs?.[type] ?? {}),
      ),
    },
  };
}

/** The configuration as `config.yml` text. */
export function cmsConfigYaml(config: CmsConfig): string {
  const header =
    '# Generated by `npm run build` from src/schema (src/core/export/cms-config.ts). Do not edit:\n' +
    '# change the schema or playbook.yaml and build again.\n';
  return header + stringify(config, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Tags the zod schemas that become special widgets, so that the JSON Schema walk can see them. */
function mark(schema: unknown): Record<string, unknown> | undefined {
  if (schema === criterionSchema || schema === ruleSchema || schema === scoringRuleSchema)
    return { 'x-criterion': true };
  if (schema === idSchema) return { 'x-id': true };
  return undefined;
}

function collection(type: EntryType, schema: z.ZodType, folderRoot: string, docs: FieldDocs): CmsCollection {
  const json = inputJsonSchema(schema, { docs, mark });
  const required = new Set(json.required ?? []);
  const fields = Object.entries(json.properties ?? {}).map(([key, node]) =>
    field(key, node, required.has(key), REFERENCES[type]),
  );
  const identifier = identifierField(json);
  const words = TYPE_WORDS[type];
  return {
    name: TYPE_FOLDERS[type],
    label: capitalise(words.many),
    label_singular: words.title,
    folder: folderRoot ? `${folderRoot}/${TYPE_FOLDERS[type]}` : TYPE_FOLDERS[type],
    extension: 'mdx',
    format: 'frontmatter',
    create: true,
    identifier_field: identifier,
    slug: `{{fields.${identifier}}}`,
    fields: [...fields, BODY],
  };
}

/** The body: Markdown in raw mode, so that `[[…]]` links and allowed components are written as typed. */
const BODY: CmsField = {
  name: 'body',
  label: 'Body',
  widget: 'markdown',
  modes: ['raw'],
  required: false,
  hint: 'Markdown. Link other pages with [[icp:id]], [[persona:id]] or [[term:id]].',
};

/** The display name of an entry: the first required plain-text key (`name`, `term`, `title`). */
function identifierField(json: JsonSchema): string {
  const required = new Set(json.required ?? []);
  const key = Object.entries(json.properties ?? {}).find(
    ([k, node]) => required.has(k) && node.type === 'string' && !node.enum && !node.format && !node.pattern,
  )?.[0];
  if (!key) throw new Error('a content schema needs a required text field to name its entries');
  return key;
}

/** One form field for the schema node of `key`. */
function field(key: string, node: JsonSchema, required: boolean, refs?: Record<string, EntryType>): CmsField {
  const base: CmsField = { name: key, label: labelFor(key), widget: 'string' };
  if (!required) base.required = false;
  const hint = hintFor(node);
  if (hint) base.hint = hint;
  return { ...base, ...widgetFor(key, node, refs) };
}

/** The widget and its options for a schema node. */
function widgetFor(
  key: string,
  node: JsonSchema,
  refs?: Record<string, EntryType>,
): Omit<CmsField, 'name' | 'label'> {
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (node.enum) return { widget: 'select', options: node.enum, ...defaultOf(node) };
  if (type === 'string' && node.format === 'date') {
    return { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false };
  }
  if (type === 'string')
    return { widget: (node.maxLength ?? 0) > 100 ? 'text' : 'string', ...defaultOf(node) };
  if (type === 'integer' || type === 'number') {
    return {
      widget: 'number',
      value_type: type === 'integer' ? 'int' : 'float',
      ...(node.minimum !== undefined && { min: node.minimum }),
      ...(node.maximum !== undefined && { max: node.maximum }),
      ...defaultOf(node),
    };
  }
  if (type === 'boolean') return { widget: 'boolean', ...defaultOf(node) };
  if (type === 'object' && node.properties) {
    const required = new Set(node.required ?? []);
    return {
      widget: 'object',
      fields: Object.entries(node.properties).map(([k, child]) => field(k, child, required.has(k))),
    };
  }
  if (type === 'array') return listWidget(key, node, refs);
  // Anything the form cannot model (a union of shapes, a free map) is edited as YAML-free text.
  return { widget: 'string' };
}

function listWidget(
  key: string,
  node: JsonSchema,
  refs?: Record<string, EntryType>,
): Omit<CmsField, 'name' | 'label'> {
  const items = node.items && typeof node.items === 'object' ? node.items : undefined;
  const bounds = {
    ...(node.minItems !== undefined && node.minItems > 0 && { min: node.minItems }),
    ...(typeof node.maxItems === 'number' && { max: node.maxItems }),
  };
  if (items?.['x-criterion']) return criterionWidget(items, bounds);
  if (items?.enum)
    return { widget: 'select', multiple: true, options: items.enum, ...bounds, ...defaultOf(node) };
  const target = refs?.[key];
  if (items?.['x-id'] && target) {
    return {
      widget: 'relation',
      collection: TYPE_FOLDERS[target],
      value_field: '{{slug}}',
      search_fields: [IDENTIFIERS[target]],
      display_fields: [IDENTIFIERS[target]],
      multiple: true,
      ...bounds,
    };
  }
  if (items?.type === 'object' && items.properties) {
    const { fields } = widgetFor(key, items) as { fields: CmsField[] };
    return { widget: 'list', label_singular: singular(labelFor(key)), ...bounds, fields };
  }
  // A list of texts: one input per item, so that an item may contain a comma.
  const item = items ? widgetFor(key, items) : { widget: 'string' };
  return {
    widget: 'list',
    collapsed: false,
    summary: '{{fields.item}}',
    label_singular: singular(labelFor(key)),
    ...bounds,
    field: { name: 'item', label: singular(labelFor(key)), ...item },
  };
}

/** The identifier of each type, for relation search and display (the same rule as the collections'). */
const IDENTIFIERS = Object.fromEntries(
  ENTRY_TYPES.map((type) => [type, identifierField(inputJsonSchema(SCHEMAS[type]))]),
) as Record<EntryType, string>;

/**
 * The criterion widget (src/client/admin/criterion-widget.ts) edits a whole list of criteria (Decap's list
 * widget cannot hold items that are a string here and an object there). Its options: whether a plain
 * sentence is allowed, the attributes and their types, each operator with the attribute type it fits and
 * the kind of value it takes, and the weight's bounds for scoring rules.
 */
function criterionWidget(items: JsonSchema, bounds: object): Omit<CmsField, 'name' | 'label'> {
  const rule = items.anyOf?.find((o) => o.type === 'object') ?? items;
  const props = rule.properties ?? {};
  const attributeEnum = (props.field?.enum ?? ATTRIBUTES) as (typeof ATTRIBUTES)[number][];
  const operators = Object.entries(props)
    .filter(([name]) => name in OPERATORS)
    .map(([name, schema]) => ({
      name,
      type: OPERATORS[name as Operator],
      value: schema.prefixItems ? 'range' : schema.type === 'array' ? 'list' : 'number',
    }));
  const weight = props.weight;
  return {
    widget: 'criterion',
    ...bounds,
    sentence: Boolean(items.anyOf?.some((o) => o.type === 'string')),
    attributes: attributeEnum.map((name) => ({ name, type: attributeType(name) })),
    operators,
    ...(weight && { weight: { min: weight.minimum ?? 1, max: weight.maximum ?? 100 } }),
  };
}

function defaultOf(node: JsonSchema): { default?: unknown } {
  const value = node.default;
  if (value === undefined || (typeof value === 'object' && value !== null)) return {};
  return { default: value };
}

/** The field's description, with its first example when that is a short text. */
function hintFor(node: JsonSchema): string | undefined {
  const example = node.examples?.[0];
  const shown =
    typeof example === 'string' || typeof example === 'number'
      ? String(example)
      : Array.isArray(example) && example.every((e) => typeof e === 'string')
        ? example.join(', ')
        : undefined;
  const text = [node.description, shown && `Example: ${shown}`].filter(Boolean).join(' ');
  return text || undefined;
}

/** Words a label writes differently from its key. */
const WORDS: Record<string, string> = {
  icp: 'ICP',
  icps: 'ICPs',
  dmu: 'DMU',
  tam: 'TAM',
  sam: 'SAM',
  som: 'SOM',
  url: 'URL',
  mdx: 'MDX',
  abbr: 'abbreviation',
  haves: '-haves',
  breakers: '-breakers',
};

/** A key as a form label: `dmu_roles` → "DMU roles", `must_haves` → "Must-haves", `as_of` → "As of". */
export function labelFor(key: string): string {
  const words = key.split('_').map((w) => WORDS[w] ?? w);
  return capitalise(words.join(' ').replace(/ -/g, '-'));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Pains" → "Pain", "Must-haves" → "Must-have", "ICPs" → "ICP"; a label that is no plural stays. */
function singular(label: string): string {
  if (/ies$/.test(label)) return label.replace(/ies$/, 'y');
  if (/ases$/.test(label)) return label.slice(0, -2);
  if (/(ss|us)$/.test(label) || !/s$/.test(label)) return label;
  return label.slice(0, -1);
}
