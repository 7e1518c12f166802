/** Helpers for the site tests: run the real build, serve a folder over HTTP on 127.0.0.1. */
import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const SITE_FIXTURE = join(ROOT, 'tests/fixtures/site');
export const TODAY = '2026-11-22';

/**
 * Runs `node scripts/build.ts` as `npm run build` would, into `out`, with `today` for the date rules;
 * `env` adds variables to this process's environment.
 */
export function runBuild(content: string, out: string, today = TODAY, env: Record<string, string> = {}) {
  return spawnSync(
    process.execPath,
    ['scripts/build.ts', '--content', content, '--out', out, '--today', today],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        PLAYBOOK_CONTENT_DIR: '',
        PLAYBOOK_TODAY: '',
        ...env,
      },
    },
  );
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** A static server like a plain host: `/x/` serves `x/index.html`, misses serve `404.html` with status 404. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(dir, path);
    try {
      if (!file.startsWith(dir)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      res.end(await readFile(join(dir, '404.html')).catch(() => 'Not found'));
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
