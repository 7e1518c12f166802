/**
 * `npm run dev` (`astro dev` with the playbook integration) on a copy of the example playbook: a
 * persona edited to `icps: [nowhere]` is reported in the terminal and on its page, /admin/ serves the
 * generated configuration with the local backend, and decap-server runs and stops with the dev server.
 * Then a production build of a playbook with a warning: no page carries the dev notice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { adminCacheDir, DECAP } from '../src/loader/admin.ts';
import { DECAP_SERVER_PORT } from '../src/loader/dev-admin.ts';
import { ROOT, runBuild, SITE_FIXTURE, TODAY } from './site-build.ts';

const tmp = mkdtempSync(join(tmpdir(), 'playbook-dev-'));
const content = join(tmp, 'content');
cpSync(join(ROOT, 'content'), content, { recursive: true });

let dev: ChildProcess | undefined;
let output = '';
let url = '';
let port = 0;
/** Whether this test starts decap-server (port 8081 was free) or finds one running. */
let decapPortFree = false;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function waitFor(what: string, check: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !check(); await sleep(100)) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; the dev server printed:\n${output}`);
  }
}

function portOpen(p: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port: p, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port: p } = probe.address() as AddressInfo;
  await new Promise((ok) => probe.close(ok));
  return p;
}

/** Edits a content file, then waits for the terminal report of that change. */
async function edit(path: string, change: (text: string) => string): Promise<string> {
  const file = join(content, path);
  const before = output.length;
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  await waitFor(`the report on ${path}`, () => /^playbook: /m.test(output.slice(before)), 20_000);
  return output.slice(before);
}

const page = async (route: string) => {
  const res = await fetch(`${url}${route}`);
  return { status: res.status, html: await res.text() };
};

beforeAll(async () => {
  decapPortFree = !(await portOpen(DECAP_SERVER_PORT));
  port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // What `npm run dev` runs.
  dev = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      'dev',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: ROOT,
      env: {
        // Astro's dev server serves no pages under Vitest (it checks VITEST); a person's shell has none of these.
        ...Object.fromEntries(
          Object.entries(process.env).filter(([k]) => !/^(?:VITEST|NODE_ENV$|TEST$)/.test(k)),
        ),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        PLAYBOOK_CONTENT_DIR: content,
        PLAYBOOK_TODAY: TODAY,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  dev.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  dev.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  await waitFor(
    'the dev server',
    () => /ready in \d+/.test(output) && output.includes('[playbook] lint:'),
    60_000,
  );
}, 90_000);

afterAll(() => {
  if (dev && dev.exitCode === null) dev.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm run dev', () => {
  test('starts with the playbook lint totals and the address of the form editor', () => {
    expect(output).toContain('[playbook] lint: 42 files, no problems');
    expect(output).toContain(`[playbook] form editor: http://localhost:${port}/admin/`);
  });

  test('a persona edited to icps: [nowhere]: the terminal says so, and so does the page', async () => {
    const clean = await page('/personas/cfo-henrik/');
    expect(clean.status).toBe(200);
    expect(clean.html).not.toContain('data-dev-lint');

    const report = await edit('personas/cfo-henrik.mdx', (t) => t.replace(/^icps: .*$/m, 'icps: [nowhere]'));
    expect(report).toMatch(/\[playbook\] changed: .*content\/personas\/cfo-henrik\.mdx\n/);
    expect(report).toMatch(
      /personas\/cfo-henrik\.mdx:7:8 error {3}unknown-reference Persona "cfo-henrik" names ICP "nowhere", which does not exist\./,
    );
    expect(report).toContain('hint: Use the id of a file in icps/');
    expect(report).toMatch(/playbook: 2 errors, 1 warning in 42 files/);

    const { status, html } = await page('/personas/cfo-henrik/');
    expect(status).toBe(200);
    const notice = html.match(/<aside class="dev-lint"[\s\S]*?<\/aside>/)?.[0] ?? '';
    expect(notice).toContain('Lint: 2 errors');
    expect(notice).toContain(
      '<code>unknown-reference</code> Persona &quot;cfo-henrik&quot; names ICP &quot;nowhere&quot;, which does not exist.',
    );
    expect(notice).toContain('Hint: Use the id of a file in icps/');
    expect(notice).toMatch(/<code>[^<]*content\/personas\/cfo-henrik\.mdx:7:8<\/code>/);

    // What the change broke elsewhere shows on that page: the ICP lost its economic buyer.
    const icp = await page('/icps/midmarket-saas/');
    expect(icp.html).toMatch(/<li class="dev-lint-warning">[\s\S]*<code>dmu-coverage<\/code>/);
    expect((await page('/glossary/')).html).not.toContain('data-dev-lint');
    expect((await page('/personas/coo-olivia/')).html).not.toContain('data-dev-lint');
  });

  test('a file that no longer parses: its address answers 404 and says why, escaped', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const report = await edit('personas/cfo-henrik.mdx', (t) =>
      t.replace(/^icps: .*$/m, `icps: [midmarket-saas]\n"${hostile}": 1`),
    );
    expect(report).toContain(`error   schema "${hostile}" is not a field of a persona.`);
    const { status, html } = await page('/personas/cfo-henrik/');
    expect(status).toBe(404);
    const notice = html.match(/<aside class="dev-lint"[\s\S]*?<\/aside>/)?.[0] ?? '';
    expect(notice).toContain(
      '<code>schema</code> &quot;&lt;img src=x onerror=alert(1)&gt;&quot; is not a field of a persona.',
    );
    expect(notice).toMatch(/<code>[^<]*content\/personas\/cfo-henrik\.mdx:8:1<\/code>/);
    expect(html).not.toContain('<img src=x');
  });

  test('a new persona has its page at once', async () => {
    expect((await page('/personas/new-hire-nora/')).status).toBe(404);
    const olivia = readFileSync(join(content, 'personas', 'coo-olivia.mdx'), 'utf8');
    const before = output.length;
    writeFileSync(
      join(content, 'personas', 'new-hire-nora.mdx'),
      olivia.replace(/^name: .*$/m, 'name: New Hire Nora'),
    );
    await waitFor('the report on the new file', () => /^playbook: /m.test(output.slice(before)), 20_000);
    expect(output.slice(before)).toMatch(
      /changed: .*personas\/new-hire-nora\.mdx\n✔ 1 file checked, no problems/,
    );
    const { status, html } = await page('/personas/new-hire-nora/');
    expect(status).toBe(200);
    expect(html).toContain('<h1>New Hire Nora</h1>');
  });

  test('/admin/ serves the generated configuration with the local backend', async () => {
    const config = await fetch(`${url}/admin/config.yml`);
    expect(config.status).toBe(200);
    const text = await config.text();
    expect(text).toMatch(/^local_backend: true$/m);
    const parsed = parse(text);
    expect(parsed.collections.map((c: { folder: string }) => c.folder)).toContain('content/personas');

    const admin = await page('/admin/');
    const cached = existsSync(join(adminCacheDir(), `${DECAP.name}-${DECAP.version}`, '.integrity'));
    if (cached) {
      expect(admin.status).toBe(200);
      expect(admin.html).toContain('<script src="decap-cms.js"></script>');
      expect(admin.html).toContain('<link href="config.yml" type="text/yaml" rel="cms-config-url" />');
      const bundle = await fetch(`${url}/admin/decap-cms.js`);
      expect(bundle.status).toBe(200);
      expect(
        Number(bundle.headers.get('content-length') ?? (await bundle.arrayBuffer()).byteLength),
      ).toBeGreaterThan(1e6);
    } else {
      expect(admin.status).toBe(503);
      expect(admin.html).toMatch(/Fetching the editor…|The editor is not available/);
    }
  });

  test('decap-server serves the copy beside the dev server, its output prefixed', async () => {
    if (!decapPortFree) {
      expect(output).toMatch(/already runs on port 8081|port 8081 is in use by another program/);
      return;
    }
    await waitFor('decap-server', () => output.includes('listening on 127.0.0.1:8081'), 20_000);
    expect(output).toContain(
      `[playbook] decap-server (Decap's local backend) on http://localhost:8081 for ${tmp}`,
    );
    expect(output).toMatch(
      /\[decap-server\] info: Decap CMS File System Proxy Server configured with .*playbook-dev-/,
    );
    const info = await fetch('http://127.0.0.1:8081/api/v1', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    });
    expect(await info.json()).toMatchObject({ repo: basename(tmp), type: 'local_fs' });
  });

  test('stopping the dev server stops decap-server', async () => {
    const exited = new Promise((ok) => dev?.once('exit', ok));
    dev?.kill('SIGTERM');
    await exited;
    if (!decapPortFree) return;
    for (let i = 0; i < 50 && (await portOpen(DECAP_SERVER_PORT)); i++) await sleep(100);
    expect(await portOpen(DECAP_SERVER_PORT)).toBe(false);
  }, 20_000);
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('a production build', () => {
  test('has no dev notice, not even on a page with a lint warning', () => {
    const dist = join(tmp, 'dist');
    const build = runBuild(SITE_FIXTURE, dist);
    expect(build.status).toBe(0);
    expect(build.stdout).toMatch(/fintech-draft\.mdx:1:1 warning personas-per-icp/);
    expect(existsSync(join(dist, 'icps', 'fintech-draft', 'index.html'))).toBe(true);
    const built = files(dist).filter(
      (f) => /\.(?:html|css|js)$/.test(f) && !f.includes(`${join(dist, 'admin')}`),
    );
    expect(built.length).toBeGreaterThan(10);
    for (const file of built) expect(readFileSync(file, 'utf8'), file).not.toMatch(/dev-lint/);
  }, 120_000);
});
