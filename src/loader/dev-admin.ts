/**
 * The browser editor under `npm run dev` (DESIGN §9): `/admin/` is served from memory with the same page
 * and the same generated `config.yml` the build writes, Decap's bundle comes from the build's cache, and
 * Decap's local backend (`decap-server`, a devDependency) runs beside the dev server on port 8081, so the
 * form reads and writes the working tree without GitHub.
 *
 * The local backend runs in decap-server's file-system mode: it offers Decap only the `simple` publish
 * mode, so Decap drops `publish_mode: editorial_workflow` for the session and **Publish** writes the file
 * into the checkout (no branch, no pull request); the change is committed with git as usual.
 *
 * Nothing here runs in a build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { connect, type Socket } from 'node:net';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { stringify } from 'yaml';
import { adminPage } from '../core/export/admin-page.ts';
import { type CmsConfig, cmsConfig } from '../core/export/cms-config.ts';
import { escapeHtml } from '../core/render/escape.ts';
import {
  ADMIN_SCRIPTS,
  adminCacheDir,
  cachedDecapBundle,
  clientScript,
  cmsOverrides,
  DECAP,
  schemaDocs,
} from './admin.ts';
import { loadConfig, resolveContentDir } from './index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(ROOT, 'package.json'));

/** The port Decap's `local_backend: true` looks for, and the one /admin/'s content-security policy allows. */
export const DECAP_SERVER_PORT = 8081;

type Env = Record<string, string | undefined>;

// ---------------------------------------------------------------------------------------------------
// Where the editor saves: the folder decap-server serves, and the content folder's path inside it.

/**
 * The folder decap-server serves and the content folder's path inside it. The collections' folders are
 * `<content path>/<type>` relative to that folder: with the checkout's own `content/`, it is the checkout;
 * with `PLAYBOOK_CONTENT_DIR=/tmp/x/content` it is `/tmp/x`. When the content folder's name does not end
 * in `content_path`, the folder above it is served.
 */
export function editorRoot(contentDir: string, contentPath: string): { root: string; contentPath: string } {
  const dir = resolve(contentDir);
  const parts = contentPath.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  const dirParts = dir.split(sep);
  const tail = dirParts.slice(-parts.length);
  if (parts.length > 0 && parts.length < dirParts.length && tail.join('/') === parts.join('/')) {
    return { root: dirParts.slice(0, -parts.length).join(sep) || sep, contentPath: parts.join('/') };
  }
  return { root: dirname(dir), contentPath: basename(dir) };
}

// ---------------------------------------------------------------------------------------------------
// /admin/ in the dev server.

export interface DevAdminOptions {
  /** The content folder, resolved as every command resolves it (`PLAYBOOK_CONTENT_DIR`, else `content`). */
  content?: string;
  env?: Env;
  cwd?: string;
  /** One line for the terminal (the fetch of Decap's bundle, once). */
  log?: (line: string) => void;
}

export interface DevAdmin {
  /** The content folder. */
  contentDir: string;
  /** The folder decap-server serves (see editorRoot). */
  root: () => string;
  /** Answers a request under /admin/; resolves false for any other address (the caller passes it on). */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
}

/** Decap's bundle: ready in the cache, being fetched, or not available (and why). */
type BundleState =
  | { state: 'ready'; dir: string; files: Set<string> }
  | { state: 'fetching' }
  | { state: 'failed'; error: string }
  | { state: 'missing' };

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function createDevAdmin(options: DevAdminOptions = {}): DevAdmin {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const contentDir = resolveContentDir({ content: options.content, env, cwd });
  const cache = adminCacheDir(env);
  let bundle: BundleState = readBundle(cache);

  /** Starts the fetch when the bundle is missing; after a failure only when asked to (`retry`). */
  const ensureBundle = (retry: boolean): BundleState => {
    if (bundle.state === 'ready' || bundle.state === 'fetching') return bundle;
    if (bundle.state === 'failed' && !retry) return bundle;
    bundle = readBundle(cache);
    if (bundle.state === 'ready') return bundle;
    bundle = { state: 'fetching' };
    options.log?.(`fetching ${DECAP.name}@${DECAP.version} with npm for /admin/ (once; the build reuses it)`);
    void fetchBundle(cache, env).then((result) => {
      bundle = result;
      options.log?.(
        result.state === 'ready'
          ? `${DECAP.name}@${DECAP.version} is ready: reload /admin/`
          : `/admin/ is not available: ${result.state === 'failed' ? result.error : 'no bundle'}`,
      );
    });
    return bundle;
  };

  const root = () => {
    try {
      return editorRoot(contentDir, loadConfig(contentDir, cwd).config.content_path).root;
    } catch {
      return dirname(contentDir);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const [path = '/', query = ''] = (req.url ?? '/').replace(/#.*$/s, '').split('?', 2);
    // `/admin` without the slash never gets here: Astro answers it first, as for every page (trailingSlash).
    if (!path.startsWith('/admin/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', '/admin/ only answers GET and HEAD.\n', {
        allow: 'GET, HEAD',
      });
      return true;
    }
    const name = path.slice('/admin/'.length);
    try {
      if (name === '' || name === 'index.html') {
        const state = ensureBundle(/(?:^|&)retry(?:=|&|$)/.test(query));
        const { config } = loadConfig(contentDir, cwd);
        if (state.state === 'ready') {
          const oauthUrl = cmsOverrides(env).oauthUrl ?? config.cms.oauth_url;
          send(res, 200, 'text/html; charset=utf-8', adminPage({ title: config.title, oauthUrl }));
        } else send(res, 503, 'text/html; charset=utf-8', unavailablePage(state, cache));
      } else if (name === 'config.yml') {
        send(res, 200, 'text/yaml; charset=utf-8', await devConfigYaml(contentDir, cwd, env, cache));
      } else if (script(name)) {
        send(res, 200, TYPES['.js']!, await clientScript(script(name)!, false));
      } else {
        if (bundle.state === 'missing' || bundle.state === 'failed') bundle = readBundle(cache);
        const state = bundle;
        if (state.state === 'ready' && state.files.has(name)) {
          const type = TYPES[extname(name)] ?? 'application/octet-stream';
          send(res, 200, type, readFileSync(join(state.dir, name)));
        } else send(res, 404, 'text/plain; charset=utf-8', `Not found: /admin/${name}\n`);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      send(res, 500, 'text/plain; charset=utf-8', `/admin/${name} could not be served: ${message}\n`);
    }
    return true;
  };

  return { contentDir, root, handle };
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

/**
 * `config.yml` as the build writes it, with the collections' folders relative to the folder decap-server
 * serves. Without a GitHub `repo_url` (where the build skips /admin/), the form still edits the working
 * tree: the backend is then Decap's proxy backend, the local server itself.
 */
export async function devConfigYaml(
  contentDir: string,
  cwd: string,
  env: Env,
  cache?: string,
): Promise<string> {
  const { config } = loadConfig(contentDir, cwd);
  const { contentPath } = editorRoot(contentDir, config.content_path);
  const docs = await schemaDocs(cache);
  const input = { config: { ...config, content_path: contentPath }, docs, ...cmsOverrides(env) };
  const result = cmsConfig(input);
  let out: Omit<CmsConfig, 'backend'> & { backend: Record<string, unknown> };
  let note = '';
  if (result.ok) out = result.config;
  else {
    const local = cmsConfig({
      ...input,
      config: { ...input.config, repo_url: 'https://github.com/local/playbook' },
    });
    if (!local.ok) throw new Error(local.reason);
    out = {
      ...local.config,
      backend: {
        name: 'proxy',
        proxy_url: `http://localhost:${DECAP_SERVER_PORT}/api/v1`,
        branch: config.repo_branch,
      },
    };
    note = `# The build writes no /admin/ here (${result.reason.replace(/\s+/g, ' ')}); in dev the form\n# saves through the local server only.\n`;
  }
  const header =
    '# Served by `npm run dev` from src/schema (src/core/export/cms-config.ts), as the build writes it, with\n' +
    `# folders relative to the folder decap-server serves. Do not edit: change the schema or playbook.yaml.\n${note}`;
  return header + stringify(out, { lineWidth: 0, aliasDuplicateObjects: false });
}

function readBundle(cache: string): BundleState {
  const cached = cachedDecapBundle(cache);
  return cached ? { state: 'ready', dir: cached.dir, files: new Set(cached.files) } : { state: 'missing' };
}

/**
 * Fetches the bundle the way the build does (`decapBundle`: `npm pack`, integrity check, unpack into the
 * cache), in a child process so that the dev server keeps answering while npm downloads.
 */
function fetchBundle(cache: string, env: Env): Promise<BundleState> {
  const admin = pathToFileURL(join(ROOT, 'src', 'loader', 'admin.ts')).href;
  const code = `const { decapBundle } = await import(${JSON.stringify(admin)});
process.stdout.write(JSON.stringify(decapBundle(${JSON.stringify(cache)}, process.env)));`;
  return new Promise((done) => {
    let out = '';
    let err = '';
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, ['--input-type=module', '-e', code], {
        env: env as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      done({ state: 'failed', error: `could not start node to fetch it (${(error as Error).message})` });
      return;
    }
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk;
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk;
    });
    child.on('error', (error) => done({ state: 'failed', error: error.message }));
    child.on('close', (code) => {
      try {
        const result = JSON.parse(out) as { error?: string };
        if (result.error) return done({ state: 'failed', error: result.error });
        const ready = readBundle(cache);
        return done(ready.state === 'ready' ? ready : { state: 'failed', error: 'the cache stayed empty' });
      } catch {
        const why = err.trim().split('\n').pop() || `node exited with ${code}`;
        return done({ state: 'failed', error: `fetching it failed (${why})` });
      }
    });
  });
}

/** What /admin/ says while Decap's bundle is not there: that it is on its way, or why it is not. */
function unavailablePage(state: BundleState, cache: string): string {
  const fetching = state.state === 'fetching';
  const title = fetching ? 'Fetching the editor…' : 'The editor is not available';
  const body = fetching
    ? `<p>Decap CMS ${escapeHtml(DECAP.version)} is being fetched from the npm registry (once: the build and
  <code>npm run dev</code> keep it in <code>${escapeHtml(cache)}</code>). This page reloads by itself.</p>`
    : `<p>Decap CMS ${escapeHtml(DECAP.version)} is not in <code>${escapeHtml(cache)}</code> and could not be
  fetched: ${escapeHtml(state.state === 'failed' ? state.error : 'no bundle')}.</p>
  <p>The editor is vendored from npm, never loaded from a CDN. Connect to the npm registry (or the one
  <code>.npmrc</code> names) and <a href="./?retry">try again</a>, or run <code>npm run build</code> once
  while online: both fill the same cache, and later runs work offline.</p>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    ${fetching ? '<meta http-equiv="refresh" content="3" />' : ''}
    <meta name="robots" content="noindex, nofollow" />
    <title>${title}</title>
  </head>
  <body>
    <main data-admin-unavailable>
      <h1>${title}</h1>
  ${body}
    </main>
  </body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------------
// The page's own scripts (the manual-init flag and the criterion widget), bundled as the build does.

/** The admin script a file name asks for (`admin.js` → `admin`), or undefined. */
function script(name: string): (typeof ADMIN_SCRIPTS)[number] | undefined {
  return ADMIN_SCRIPTS.find((s) => `${s}.js` === name);
}

// ---------------------------------------------------------------------------------------------------
// decap-server beside the dev server.

export interface DecapServer {
  /** One line for the terminal: started, already running, or why the form has no local backend. */
  note: string;
  /** Stops the server this process started (nothing when it found one running). */
  stop: () => Promise<void>;
}

export interface DecapServerOptions {
  /** The folder to serve (editorRoot). */
  root: string;
  env?: Env;
  /** Each line decap-server prints (the caller prefixes it). */
  log: (line: string) => void;
  port?: number;
}

/**
 * Starts decap-server on port 8081 unless something listens there already. It binds to 127.0.0.1 (it
 * writes files for anyone who can reach it and has no authentication) unless `BIND_HOST` says otherwise,
 * and it stops with the dev server: its standard input is a pipe from this process, and it exits when
 * that closes, however this process ends.
 */
export async function startDecapServer(options: DecapServerOptions): Promise<DecapServer> {
  const env = options.env ?? process.env;
  const port = options.port ?? DECAP_SERVER_PORT;
  const nothing = async () => {};
  if (await listening(port)) {
    const info = await decapInfo(port);
    if (!info)
      return {
        note: `port ${port} is in use by another program, so /admin/ has no local backend (it would sign in to GitHub instead): stop that program and restart npm run dev`,
        stop: nothing,
      };
    const same = info.repo === basename(options.root);
    return {
      note: same
        ? `decap-server already runs on port ${port} (for "${info.repo}"); /admin/ uses it`
        : `a decap-server for "${info.repo}" already runs on port ${port}, not for ${options.root}: /admin/ would save there; stop it and restart npm run dev`,
      stop: nothing,
    };
  }
  let entry: string;
  try {
    entry = require.resolve('decap-server');
  } catch {
    return {
      note: 'decap-server is not installed (a devDependency: run npm install), so /admin/ has no local backend',
      stop: nothing,
    };
  }
  const wrapper = `process.stdin.on('end', () => process.exit(0)); process.stdin.on('error', () => process.exit(0)); process.stdin.resume(); require(${JSON.stringify(entry)});`;
  const child = spawn(process.execPath, ['-e', wrapper], {
    cwd: options.root,
    env: {
      ...env,
      PORT: String(port),
      BIND_HOST: env.BIND_HOST || '127.0.0.1',
      GIT_REPO_DIRECTORY: options.root,
      MODE: 'fs',
      LOG_LEVEL: env.LOG_LEVEL || 'info',
    } as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines = (chunk: Buffer) => {
    for (const line of stripVTControlCharacters(String(chunk)).split('\n'))
      if (line.trim()) options.log(line.trimEnd());
  };
  child.stdout?.on('data', lines);
  child.stderr?.on('data', lines);
  // It never keeps this process alive: it goes when this process goes.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as Socket | null)?.unref();
  let exited = false;
  let stopping = false;
  const exit = new Promise<void>((done) => {
    child.on('exit', (code, signal) => {
      exited = true;
      if (!stopping)
        options.log(
          `exited (${signal ?? `code ${code}`}); /admin/ has no local backend until npm run dev restarts`,
        );
      done();
    });
  });
  child.on('error', (error) => options.log(`could not start: ${error.message}`));
  return {
    note: `decap-server (Decap's local backend) on http://localhost:${port} for ${shownPath(options.root)}: /admin/ saves into the working tree`,
    stop: async () => {
      if (exited) return;
      stopping = true;
      child.stdin?.end();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** A folder as the terminal shows it: relative to the working directory when inside it. */
function shownPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const finish = (value: boolean) => {
      socket.destroy();
      done(value);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** decap-server's answer to `info` (the served folder's name), or undefined when the port is not one. */
async function decapInfo(port: number): Promise<{ repo: string } | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
      signal: AbortSignal.timeout(1500),
    });
    const info = (await res.json()) as { repo?: unknown; type?: unknown };
    return typeof info.repo === 'string' && typeof info.type === 'string' ? { repo: info.repo } : undefined;
  } catch {
    return undefined;
  }
}
