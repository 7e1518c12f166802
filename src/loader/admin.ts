/**
 * The browser editor in the built site (DESIGN §9): `dist/admin/` (Decap CMS, the `config.yml` generated
 * from src/schema, the criterion widget) and `dist/schemas/<type>.schema.json` for code editors.
 *
 * How Decap gets here. Its prebuilt bundle (`decap-cms/dist/decap-cms.js` with its lazy chunks) is all
 * the page needs, but installing the `decap-cms` package pulls in ≈ 630 packages (≈ 380 MB) that only
 * matter to people who rebuild Decap from source. Making it an optional dependency would not keep installs
 * lean safely: `npm install --omit=optional` also drops the platform binaries of esbuild, Rollup, Astro's
 * compiler and Pagefind, which are optional dependencies too, and the build breaks. So the build fetches
 * the one package tarball (≈ 16 MB, no dependencies) with npm's own client (`npm pack`, which honours
 * .npmrc registries and proxies and npm's cache), checks it against the sha512 integrity pinned below
 * (as a lockfile would), unpacks the files the page loads into the build cache, and copies them into
 * `dist/admin/`. Nothing is ever loaded from a CDN. Without the npm registry and without a cached copy,
 * the build skips /admin/ and says why. To move to a new Decap version: `npm view decap-cms@<v> dist`
 * gives the integrity to pin.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { adminPage } from '../core/export/admin-page.ts';
import { cmsConfig, cmsConfigYaml } from '../core/export/cms-config.ts';
import {
  editorSchemaFiles,
  type FieldDocs,
  type JsonSchemaDraft,
  SCHEMA_OF,
  SCHEMA_TYPES,
  type SchemaType,
} from '../core/export/json-schema.ts';
import * as schemaModule from '../schema/index.ts';
import { oauthUrlSchema } from '../schema/index.ts';
import { ConfigError, loadConfig, resolveContentDir } from './index.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Resolves packages as the project's own code does. */
const rootRequire = () => createRequire(join(ROOT, 'package.json'));

/** The Decap CMS release the editor runs, and the integrity of its npm tarball. */
export const DECAP = {
  name: 'decap-cms',
  version: '3.16.3',
  integrity:
    'sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==',
};

/** Files of the tarball the page needs: the bundle, its lazily loaded chunks and WebAssembly, its licence notices. */
const DECAP_FILES =
  /^package\/dist\/(?:decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|decap-cms\.js\.LICENSE\.txt)$/;

export interface AdminOptions {
  outDir: string;
  /** `--content`; the content folder is resolved as every command does. */
  content?: string;
  env?: Record<string, string | undefined>;
}

/** Writes dist/schemas/ and, for a GitHub repository, dist/admin/; returns one line saying what it did. */
export async function writeAdmin(options: AdminOptions): Promise<string> {
  const env = options.env ?? process.env;
  const { config } = loadConfig(resolveContentDir({ content: options.content, env }));
  const cache = adminCacheDir(env);
  const docs = await schemaDocs(cache);
  writeSchemaFiles(options.outDir, docs);
  const schemas = `${SCHEMA_TYPES.length} editor schemas`;

  const result = cmsConfig({ config, docs, ...cmsOverrides(env) });
  if (!result.ok) return `${schemas}; skipped /admin/: ${result.reason}`;
  const oauthUrl = result.config.backend.base_url;
  const decap = decapBundle(cache, env);
  if ('error' in decap) return `${schemas}; skipped /admin/: ${decap.error}`;

  const adminDir = join(options.outDir, 'admin');
  mkdirSync(adminDir, { recursive: true });
  for (const file of decap.files) writeFileSync(join(adminDir, file), readFileSync(join(decap.dir, file)));
  for (const [name, code] of Object.entries(await clientScripts())) writeFileSync(join(adminDir, name), code);
  writeFileSync(join(adminDir, 'config.yml'), cmsConfigYaml(result.config));
  writeFileSync(join(adminDir, 'index.html'), adminPage({ title: config.title, oauthUrl }));
  const hints = docs ? '' : ' (no field hints: the typescript package is not installed)';
  return `${schemas}; /admin/ with Decap CMS ${DECAP.version} for ${result.config.backend.repo}${hints}`;
}

/** Where the editor schemas go inside the output folder: 2020-12, and draft 07 beside it. */
export const SCHEMA_DIRS = { 'draft-2020-12': 'schemas', 'draft-7': join('schemas', 'draft-07') } as const;

function writeSchemaFiles(outDir: string, docs: Docs | undefined): string[] {
  const written: string[] = [];
  for (const [target, dir] of Object.entries(SCHEMA_DIRS) as [JsonSchemaDraft, string][]) {
    mkdirSync(join(outDir, dir), { recursive: true });
    for (const [name, text] of Object.entries(editorSchemaFiles(docs, target))) {
      writeFileSync(join(outDir, dir, name), text);
      written.push(join(dir, name));
    }
  }
  return written;
}

/**
 * `npm run schemas`: only the editor schemas (`<outDir>/schemas/<type>.schema.json` and the draft 07
 * copies in `schemas/draft-07/`), without building the site, for code editors. Returns the paths
 * written, relative to `outDir`.
 */
export async function writeEditorSchemas(
  outDir: string,
  env: Record<string, string | undefined> = process.env,
): Promise<string[]> {
  return writeSchemaFiles(outDir, await schemaDocs(adminCacheDir(env)));
}

const TRUE = /^(?:1|true|yes|on)$/i;
const FALSE = /^(?:0|false|no|off)$/i;

/**
 * The environment's overrides of playbook.yaml's `cms` keys, for one build (a preview deployment with
 * its own OAuth provider, say): `PLAYBOOK_CMS_OAUTH_URL` and `PLAYBOOK_CMS_OPEN_AUTHORING`. Unset or
 * empty variables leave the keys alone; a value that is not a usable URL or a yes/no is a ConfigError.
 */
export function cmsOverrides(env: Record<string, string | undefined> = process.env): {
  oauthUrl?: string;
  openAuthoring?: boolean;
} {
  const overrides: { oauthUrl?: string; openAuthoring?: boolean } = {};
  const url = env.PLAYBOOK_CMS_OAUTH_URL?.trim();
  if (url) {
    const parsed = oauthUrlSchema.safeParse(url);
    if (!parsed.success) {
      const why = parsed.error.issues[0]?.message ?? 'is not a usable URL';
      throw new ConfigError(
        `PLAYBOOK_CMS_OAUTH_URL is "${url}", which ${why}. Set it to your OAuth provider's address, or unset it to use "cms.oauth_url" from playbook.yaml.`,
      );
    }
    overrides.oauthUrl = parsed.data;
  }
  const open = env.PLAYBOOK_CMS_OPEN_AUTHORING?.trim();
  if (open) {
    if (TRUE.test(open)) overrides.openAuthoring = true;
    else if (FALSE.test(open)) overrides.openAuthoring = false;
    else
      throw new ConfigError(
        `PLAYBOOK_CMS_OPEN_AUTHORING is "${open}"; use 1 or true to let people edit from forks, 0 or false to turn it off, or unset it to use "cms.open_authoring" from playbook.yaml.`,
      );
  }
  return overrides;
}

/** The admin's cache folder (Decap's bundle, field docs), shared by the build and `npm run dev`. */
export function adminCacheDir(env: Record<string, string | undefined> = process.env): string {
  return join(resolve(env.PLAYBOOK_CACHE_DIR || join(ROOT, 'node_modules', '.cache', 'playbook')), 'admin');
}

/** Moves a finished folder into place, so that a killed run never leaves a half-written one. */
function publish(temp: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(temp, dir);
  } catch {
    // Another build published it first.
    rmSync(temp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// Decap's bundle: fetched once with `npm pack`, checked against the pinned integrity, unpacked to the cache.

type Bundle = { dir: string; files: string[] } | { error: string };

/** Decap's bundle when the cache already holds it, checked; else undefined. Never fetches. */
export function cachedDecapBundle(cache: string): { dir: string; files: string[] } | undefined {
  const dir = join(cache, `${DECAP.name}-${DECAP.version}`);
  const stamp = join(dir, '.integrity');
  try {
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === DECAP.integrity)
      return { dir, files: readdirSync(dir).filter((f) => !f.startsWith('.')) };
  } catch {
    // Unreadable: fetched again.
  }
  return undefined;
}

export function decapBundle(cache: string, env: Record<string, string | undefined> = process.env): Bundle {
  const cached = cachedDecapBundle(cache);
  if (cached) return cached;
  const dir = join(cache, `${DECAP.name}-${DECAP.version}`);
  mkdirSync(cache, { recursive: true });
  const temp = mkdtempSync(join(cache, '.fetch-'));
  try {
    const tarball = npmPack(`${DECAP.name}@${DECAP.version}`, temp, env);
    if (typeof tarball !== 'string') return tarball;
    const bytes = readFileSync(tarball);
    const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
    if (integrity !== DECAP.integrity) {
      return {
        error: `${DECAP.name}@${DECAP.version} from the registry does not match its pinned integrity`,
      };
    }
    const out = join(temp, 'files');
    mkdirSync(out);
    const files: string[] = [];
    for (const entry of untar(gunzipSync(bytes))) {
      if (!DECAP_FILES.test(entry.name)) continue;
      const name = entry.name.slice(entry.name.lastIndexOf('/') + 1);
      writeFileSync(join(out, name), entry.data);
      files.push(name);
    }
    if (!files.includes('decap-cms.js'))
      return { error: `${DECAP.name}@${DECAP.version} has no dist/decap-cms.js` };
    writeFileSync(join(out, '.integrity'), DECAP.integrity);
    publish(out, dir);
    return { dir, files: readdirSync(dir).filter((f) => !f.startsWith('.')) };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Downloads a package tarball into `dir` with npm itself; returns its path, or why it could not. */
function npmPack(
  spec: string,
  dir: string,
  env: Record<string, string | undefined>,
): string | { error: string } {
  // Under `npm run`, npm names its own entry point; otherwise the npm beside this Node, else on PATH.
  const cli = env.npm_execpath && /npm-cli\.c?js$/.test(env.npm_execpath) ? env.npm_execpath : undefined;
  const [cmd, args] = cli
    ? [process.execPath, [cli]]
    : [process.platform === 'win32' ? 'npm.cmd' : 'npm', [] as string[]];
  const run = spawnSync(cmd, [...args, 'pack', spec, '--pack-destination', dir, '--silent', '--no-fund'], {
    encoding: 'utf8',
    env: { ...env, npm_config_loglevel: 'error' },
    timeout: 120_000,
  });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (run.status === 0 && tarball) return join(dir, tarball);
  const why =
    (run.error?.message ?? run.stderr ?? '').trim().split('\n').pop() || `npm exited with ${run.status}`;
  return { error: `could not fetch ${spec} with npm (${why}); the build fetches it once and then reuses it` };
}

/** The regular files of a tar archive (ustar, with pax or GNU long names). */
export function* untar(archive: Uint8Array): Generator<{ name: string; data: Uint8Array }> {
  const decoder = new TextDecoder();
  const field = (block: Uint8Array, start: number, length: number) =>
    decoder.decode(block.subarray(start, start + length)).replace(/\0.*$/s, '');
  let longName: string | undefined;
  for (let offset = 0; offset + 512 <= archive.length; ) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = field(header, 156, 1) || '0';
    const prefix = field(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    const data = archive.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    longName = undefined;
    if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(decoder.decode(data))?.[1];
    else if (type === 'L') longName = decoder.decode(data).replace(/\0.*$/s, '');
    else if (type === '0' || type === '\0') yield { name, data };
  }
}

// ---------------------------------------------------------------------------------------------------
// The page's own scripts, bundled from src/client/admin with esbuild (Astro's and Vite's, already installed).

const CLIENT = join(ROOT, 'src', 'client', 'admin');

/** The admin page's scripts, by file name (`admin.js`, `manual-init.js`). */
export const ADMIN_SCRIPTS = ['manual-init', 'admin'] as const;

/** Bundles one of the admin page's scripts; minified for the build, readable for `npm run dev`. */
export async function clientScript(name: (typeof ADMIN_SCRIPTS)[number], minify = true): Promise<string> {
  const astro = createRequire(rootRequire().resolve('astro/package.json'));
  const esbuild = (await import(pathToFileURL(astro.resolve('esbuild')).href)) as typeof import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(CLIENT, `${name}.ts`)],
    bundle: true,
    minify,
    format: 'iife',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

async function clientScripts(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of ADMIN_SCRIPTS) out[`${name}.js`] = await clientScript(name);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Field documentation: the JSDoc line and @example of every key in src/schema, read with the TypeScript
// compiler (zod does not keep comments at run time). Cached by the text of src/schema; when the
// `typescript` package is missing (a production-only install), the editor simply shows no hints.

const SCHEMA_DIR = join(ROOT, 'src', 'schema');

type Docs = Partial<Record<SchemaType, FieldDocs>>;

/** The documentation of every schema type, or undefined without TypeScript. */
export async function schemaDocs(cache?: string): Promise<Docs | undefined> {
  // The compiler's version comes from its package.json: importing the compiler itself costs about
  // a second of CPU, which a build whose docs are cached does not need to spend.
  const version = typescriptVersion();
  if (version === undefined) return undefined;
  const files = readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const hash = createHash('sha256').update(version);
  for (const f of files) hash.update(f).update(readFileSync(join(SCHEMA_DIR, f)));
  const cached = cache && join(cache, `schema-docs-${hash.digest('hex').slice(0, 16)}.json`);
  if (cached && existsSync(cached)) {
    try {
      return JSON.parse(readFileSync(cached, 'utf8')) as Docs;
    } catch {
      // A damaged cache file is read again from the source below.
    }
  }
  let ts: typeof import('typescript');
  try {
    ts = (await import('typescript')).default;
  } catch {
    return undefined;
  }
  const docs = readSchemaDocs(ts);
  if (cached) {
    mkdirSync(cache, { recursive: true });
    const temp = `${cached}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(docs));
    renameSync(temp, cached);
  }
  return docs;
}

/** The installed `typescript` package's version, or undefined when it is not installed. */
function typescriptVersion(): string | undefined {
  try {
    return (
      JSON.parse(readFileSync(rootRequire().resolve('typescript/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return undefined;
  }
}

function readSchemaDocs(ts: typeof import('typescript')): Docs {
  const entry = join(SCHEMA_DIR, 'index.ts');
  // Only declarations matter: no lib, no type check of the bodies (≈ 1 s instead of ≈ 3 s).
  const program = ts.createProgram([entry], {
    noEmit: true,
    noLib: true,
    types: [],
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) return {};
  const exported = new Map(checker.getExportsOfModule(module).map((s) => [s.name, s]));

  const member = (type: import('typescript').Type, name: string) => {
    const symbol = type.getProperty(name);
    return symbol && checker.getTypeOfSymbol(symbol);
  };
  const docOf = (symbol: import('typescript').Symbol): FieldDoc => {
    const description = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const examples = symbol
      .getJsDocTags(checker)
      .filter((t) => t.name === 'example')
      .map((t) => exampleValue(ts.displayPartsToString(t.text)));
    return { ...(description && { description }), ...(examples.length && { examples }) };
  };
  /** zod's wrappers (optional, default, prefault) expose what they wrap through `unwrap()`. */
  const unwrap = (type: import('typescript').Type) => {
    for (let depth = 0; depth < 8 && !member(type, 'shape') && !member(type, 'element'); depth++) {
      const inner = member(type, 'unwrap')?.getCallSignatures()[0]?.getReturnType();
      if (!inner) break;
      type = inner;
    }
    return type;
  };
  const walk = (type: import('typescript').Type, prefix: string, out: FieldDocs) => {
    const inner = unwrap(type);
    const shape = member(inner, 'shape');
    if (shape) {
      for (const property of shape.getProperties()) {
        const path = prefix ? `${prefix}.${property.name}` : property.name;
        const doc = docOf(property);
        if (doc.description || doc.examples) out[path] = doc;
        walk(checker.getTypeOfSymbol(property), path, out);
      }
      return;
    }
    const element = member(inner, 'element');
    if (element) walk(element, `${prefix}[]`, out);
  };

  const docs: Docs = {};
  for (const type of SCHEMA_TYPES) {
    // The export whose value is this type's schema, found by identity rather than by a list of names.
    const name = Object.entries(schemaModule).find(([, value]) => value === SCHEMA_OF[type])?.[0];
    let symbol = name ? exported.get(name) : undefined;
    if (!symbol) continue;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const out: FieldDocs = { '': docOf(symbol) };
    walk(checker.getTypeOfSymbol(symbol), '', out);
    docs[type] = out;
  }
  return docs;
}

type FieldDoc = FieldDocs[string];

/** An `@example` as a value: the examples are written as YAML (`["champion", "end-user"]`, `{ min: 200 }`). */
function exampleValue(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return text;
  }
}
