/**
 * The playbook as data (DESIGN §11): `api/icps.json`, `api/personas.json`, `api/glossary.json` and
 * `api/pages.json`, computed from the site model the pages are built from (one computation, two
 * renderings), and the zod schemas of those files, from which their JSON Schemas are generated.
 *
 * Entries are every non-retired ICP and persona, every glossary term, and (in pages.json) every
 * non-retired ICP, persona and guide page and the glossary page, in the order the site lists them.
 */
import { z } from 'zod';
import {
  type Config,
  dateSchema,
  firmographicsSchema,
  icpSchema,
  idSchema,
  marketSchema,
  ownerSchema,
  personaSchema,
  termSchema,
} from '../../schema/index.ts';
import { ROUTES } from '../routes.ts';
import type { SiteModel } from '../views/model.ts';
import type { Review } from '../views/review.ts';

// ---------------------------------------------------------------------------------------------
// Shapes

/** A page address: absolute when `site_url` is set, root-relative otherwise. */
const urlSchema = z
  .string()
  .regex(/^(https?:\/\/[^/]+)?\//)
  .meta({ description: 'Absolute when site_url is set, root-relative otherwise.' });

const cadenceSchema = z
  .number()
  .int()
  .min(1)
  .max(730)
  .meta({ description: "Review cadence in days: the entry's own, else the one in playbook.yaml." });

const currencySchema = z.string().regex(/^[A-Z]{3}$/);

/** An ICP in `api/icps.json`: its frontmatter with defaults applied, its address and its personas. */
export const apiIcpSchema = icpSchema.extend({
  id: idSchema,
  url: urlSchema,
  review_every_days: cadenceSchema,
  firmographics: firmographicsSchema.extend({
    annual_revenue: firmographicsSchema.shape.annual_revenue
      .unwrap()
      .extend({ currency: currencySchema })
      .optional(),
  }),
  market: marketSchema.extend({ currency: currencySchema }).optional(),
  personas: z
    .array(idSchema)
    .meta({ description: 'Ids of the non-retired personas that name this ICP, A–Z.' }),
});

/** A persona in `api/personas.json`: its frontmatter with defaults applied and its address. */
export const apiPersonaSchema = personaSchema.extend({
  id: idSchema,
  url: urlSchema,
  review_every_days: cadenceSchema,
});

/** A glossary term in `api/glossary.json`: its frontmatter and its anchor on the glossary page. */
export const apiTermSchema = termSchema.extend({ id: idSchema, url: urlSchema });

export const PAGE_TYPES = ['icp', 'persona', 'guide', 'glossary'] as const;
export const REVIEW_STATUSES = ['ok', 'due-soon', 'overdue'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A built page in `api/pages.json`, with its review dates (null for guides and the glossary). */
export const apiPageSchema = z.strictObject({
  url: urlSchema,
  title: z.string(),
  type: z.enum(PAGE_TYPES),
  owners: z.array(ownerSchema).meta({ description: 'GitHub users or teams; [] where there are none.' }),
  last_reviewed: dateSchema.nullable(),
  review_due: dateSchema
    .nullable()
    .meta({ description: 'last_reviewed + the cadence: the last day the review is still in time.' }),
  review_status: z
    .enum(REVIEW_STATUSES)
    .nullable()
    .meta({ description: 'overdue after review_due; due-soon when 0–14 days remain; else ok.' }),
});

export type ApiIcp = z.output<typeof apiIcpSchema>;
export type ApiPersona = z.output<typeof apiPersonaSchema>;
export type ApiTerm = z.output<typeof apiTermSchema>;
export type ApiPage = z.output<typeof apiPageSchema>;

/** The four files, by name under `api/`, with the schema of one entry. */
export const API_FILES = {
  'icps.json': { entry: apiIcpSchema, title: 'ICPs (api/icps.json)' },
  'personas.json': { entry: apiPersonaSchema, title: 'Buyer personas (api/personas.json)' },
  'glossary.json': { entry: apiTermSchema, title: 'Glossary terms (api/glossary.json)' },
  'pages.json': { entry: apiPageSchema, title: 'Pages and their review status (api/pages.json)' },
} as const;
export type ApiFile = keyof typeof API_FILES;

// ---------------------------------------------------------------------------------------------
// Data

/** The address of a route path as other tools should use it: absolute when `site_url` is set. */
export function publicUrl(config: Pick<Config, 'site_url'>, path: string): string {
  return config.site_url ? `${config.site_url.replace(/\/+$/, '')}${path}` : path;
}

/** The review status §11 publishes: `overdue` after the due day, `due-soon` within 14 days of it. */
export function reviewStatus(review: Review): ReviewStatus {
  return review.state === 'stale' ? 'overdue' : review.state;
}

/** `value` with its keys in the order of `keys` (`id` and `url` first, then the schema's fields). */
function inOrder<T extends object>(value: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys)
    if ((value as Record<string, unknown>)[key] !== undefined)
      out[key] = (value as Record<string, unknown>)[key];
  return out as T;
}

const ICP_KEYS = ['id', 'url', ...Object.keys(icpSchema.shape), 'personas'];
const PERSONA_KEYS = ['id', 'url', ...Object.keys(personaSchema.shape)];
const TERM_KEYS = ['id', 'url', ...Object.keys(termSchema.shape)];

const withCurrency = <T extends { currency?: string }>(value: T | undefined, currency: string) =>
  value && { ...value, currency: value.currency ?? currency };

export function apiIcps(model: SiteModel, config: Config): ApiIcp[] {
  return model.icps.map((card) => {
    const page = model.icpPages.get(card.id)!;
    const d = page.entry.data;
    const icp: ApiIcp = {
      ...d,
      id: card.id,
      url: publicUrl(config, card.url),
      review_every_days: card.review.cadence,
      firmographics: {
        ...d.firmographics,
        annual_revenue: withCurrency(d.firmographics.annual_revenue, config.currency),
      },
      market: withCurrency(d.market, config.currency),
      personas: page.personas.map((p) => p.id).sort(),
    };
    return inOrder(icp, ICP_KEYS);
  });
}

export function apiPersonas(model: SiteModel, config: Config): ApiPersona[] {
  return model.personas.map((card) => {
    const persona: ApiPersona = {
      ...model.personaPages.get(card.id)!.entry.data,
      id: card.id,
      url: publicUrl(config, card.url),
      review_every_days: card.review.cadence,
    };
    return inOrder(persona, PERSONA_KEYS);
  });
}

export function apiGlossary(model: SiteModel, config: Config): ApiTerm[] {
  return model.glossary.flatMap((group) =>
    group.terms.map((t) => inOrder({ ...t.entry.data, id: t.id, url: publicUrl(config, t.url) }, TERM_KEYS)),
  );
}

const reviewed = (owners: string[], review: Review) => ({
  owners,
  last_reviewed: review.lastReviewed,
  review_due: review.due,
  review_status: reviewStatus(review),
});

const unreviewed = { owners: [], last_reviewed: null, review_due: null, review_status: null };

/** Every non-retired ICP, persona and guide page and the glossary page. */
export function apiPages(model: SiteModel, config: Config): ApiPage[] {
  const url = (path: string) => publicUrl(config, path);
  return [
    ...model.icps.map(
      (c): ApiPage => ({
        url: url(c.url),
        title: c.name,
        type: 'icp',
        ...reviewed(model.icpPages.get(c.id)!.entry.data.owners, c.review),
      }),
    ),
    ...model.personas.map(
      (c): ApiPage => ({
        url: url(c.url),
        title: c.name,
        type: 'persona',
        ...reviewed(model.personaPages.get(c.id)!.entry.data.owners, c.review),
      }),
    ),
    ...model.guides.map((g): ApiPage => ({ url: url(g.url), title: g.name, type: 'guide', ...unreviewed })),
    { url: url(ROUTES.glossary.path), title: ROUTES.glossary.nav, type: 'glossary', ...unreviewed },
  ];
}

/** The four files' contents, by name under `api/`. */
export function apiFiles(model: SiteModel, config: Config): Record<ApiFile, unknown[]> {
  return {
    'icps.json': apiIcps(model, config),
    'personas.json': apiPersonas(model, config),
    'glossary.json': apiGlossary(model, config),
    'pages.json': apiPages(model, config),
  };
}

// ---------------------------------------------------------------------------------------------
// JSON Schemas

/** The JSON Schema (draft 2020-12) of one API file: an array of its entries. */
export function apiJsonSchema(file: ApiFile): Record<string, unknown> {
  const { entry, title } = API_FILES[file];
  const json = z.toJSONSchema(z.array(entry), {
    io: 'output',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === dateSchema) ctx.jsonSchema.format = 'date';
      // zod writes the safe-integer range as the bounds of every `.int()`; they say nothing to a reader.
      if (ctx.jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete ctx.jsonSchema.minimum;
      if (ctx.jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete ctx.jsonSchema.maximum;
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return { $schema, $id: `${file.replace(/\.json$/, '')}.schema.json`, title, ...rest };
}

/** Every API file's JSON Schema, by its file name under `schemas/api/`. */
export function apiSchemaFiles(): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(API_FILES) as ApiFile[]).map((file) => [
      `${file.replace(/\.json$/, '')}.schema.json`,
      `${JSON.stringify(apiJsonSchema(file), null, 2)}\n`,
    ]),
  );
}
