import { z } from 'zod';
import { textSchema } from './common.ts';
import { DMU_ROLES } from './persona.ts';

/** Every lint rule id. The rule registry in src/core/lint/rules must match this list (a test checks it). */
export const RULE_IDS = [
  'yaml-syntax',
  'schema',
  'invalid-id',
  'unknown-reference',
  'orphan-persona',
  'retired-reference',
  'icp-without-personas',
  'personas-per-icp',
  'dmu-coverage',
  'icp-filters',
  'range-order',
  'market-sizing',
  'stale-review',
  'future-date',
  'placeholder-text',
  'thin-evidence',
  'unsafe-mdx',
  'mdx-syntax',
  'broken-link',
  'glossary-collision',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** A rule's configured level. @example "warning" */
export const ruleLevelSchema = z.enum(['off', 'warning', 'error']);
export type RuleLevel = z.output<typeof ruleLevelSchema>;

const cadence = z.number().int().min(1).max(730);

/** Hosts where a plain-http OAuth provider is acceptable: the machine itself, for trying it out. */
const LOOPBACK = /^(?:localhost|127\.0\.0\.1|\[::1\])$/i;

/**
 * The address of a Decap OAuth provider: https (http only on this machine), no query or fragment,
 * since Decap appends `/auth` to it. @example "https://auth.acme.com"
 */
export const oauthUrlSchema = z
  .url({ error: 'must be a URL such as "https://auth.acme.com"' })
  .refine(
    (value) => {
      const url = URL.parse(value);
      // A value that is no URL at all already has its message.
      return !url || url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
    },
    { error: 'must be an https:// address (http:// only for localhost)' },
  )
  .refine(
    (value) => {
      const url = URL.parse(value);
      return !url || (url.search === '' && url.hash === '');
    },
    { error: 'must have no "?query" or "#fragment": the editor appends /auth to it' },
  );

/** `content/playbook.yaml`: site and lint configuration. Every key is optional. */
export const configSchema = z.strictObject({
  /** Site title. @example "Acme Go-to-Market Playbook" */
  title: textSchema.default('Playbook'),
  /** Site description. @example "Who we sell to, and how." */
  description: textSchema.optional(),
  /** Public URL of the site. @example "https://gtm.acme.com" */
  site_url: z.url().optional(),
  /** Repository URL, for "edit this page" links. @example "https://github.com/acme/playbook" */
  repo_url: z.url().optional(),
  /** Branch edit links point at. @default "main" */
  repo_branch: textSchema.default('main'),
  /** The content folder's path inside the repository. @default "content" */
  content_path: textSchema.default('content'),
  /** Default ISO 4217 currency. @default "USD" */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as "USD"' })
    .default('USD'),
  /** Review cadence in days per type. @default { icp: 90, persona: 90 } */
  review_every_days: z.strictObject({ icp: cadence.default(90), persona: cadence.default(90) }).prefault({}),
  /** Lint settings. */
  lint: z
    .strictObject({
      /** Severity per rule id. @example { "thin-evidence": "off" } */
      rules: z.partialRecord(z.enum(RULE_IDS), ruleLevelSchema).default({}),
      /** Minimum must-haves per ICP. @default 3 */
      min_must_haves: z.number().int().min(0).default(3),
      /** Minimum deal-breakers per ICP. @default 2 */
      min_deal_breakers: z.number().int().min(0).default(2),
      /** Minimum interviews per persona. @default 5 */
      min_interviews: z.number().int().min(0).default(5),
      /** DMU roles every ICP's personas must cover. @default ["economic-buyer"] */
      required_dmu_roles: z.array(z.enum(DMU_ROLES)).default(['economic-buyer']),
      /** Allowed persona count per ICP, [min, max]. @default [2, 4] */
      personas_per_icp: z
        .tuple([z.number().int().min(0), z.number().int().min(0)])
        .refine(([a, b]) => a <= b, { error: 'min must not exceed max' })
        .default([2, 4]),
      /**
       * Past this many times its review cadence, a stale ICP or persona is an error rather than a
       * warning. Unset by default: time alone never turns a green playbook red. @example 2
       */
      stale_error_factor: z.number().min(1).optional(),
    })
    .prefault({}),
  /** What the build publishes besides the pages. A playbook is private by default. */
  outputs: z
    .strictObject({
      /** Write `api/*.json` (ICPs, personas, glossary and pages as data). @default true */
      api: z.boolean().default(true),
      /** Write `llms.txt` and `llms-full.txt` (the playbook as plain text for AI assistants). @default true */
      llms: z.boolean().default(true),
      /** Let search engines index the site; when false every page is `noindex` and robots.txt disallows all. @default false */
      search_engines: z.boolean().default(false),
    })
    .prefault({}),
  /**
   * The browser editor at `/admin/` (Decap CMS with the GitHub backend). The environment variables
   * `PLAYBOOK_CMS_OAUTH_URL` and `PLAYBOOK_CMS_OPEN_AUTHORING` override these keys for one build.
   */
  cms: z
    .strictObject({
      /**
       * The OAuth provider people sign in to GitHub through (Decap's `base_url`), when the site is not
       * hosted on Netlify; it is also allowed in `/admin/`'s content-security policy. Unset: Netlify's.
       * @example "https://auth.acme.com"
       */
      oauth_url: oauthUrlSchema.optional(),
      /**
       * Let people without write access edit: the editor forks the repository into their account and opens
       * the pull request from the fork (Decap's `open_authoring`). @default false
       */
      open_authoring: z.boolean().default(false),
    })
    .prefault({}),
  /** MDX settings. */
  mdx: z
    .strictObject({
      /** Component names content may use. @example ["Callout"] */
      components: z.array(textSchema).default([]),
    })
    .prefault({}),
});

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
