/**
 * What the build writes for editing (DESIGN §9), without a browser: dist/admin/ for a GitHub repository
 * (the vendored Decap bundle, the generated config, a page with its own CSP), dist/schemas/ always, and
 * one line saying why /admin/ was skipped otherwise.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { DECAP, untar, writeAdmin } from '../src/loader/admin.ts';
import { ROOT } from './site-build.ts';

const tmp = mkdtempSync(join(tmpdir(), 'playbook-admin-unit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the example playbook whose playbook.yaml says `edit`. */
function playbook(name: string, edit: (yaml: string) => string): string {
  const content = join(tmp, name, 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  const file = join(content, 'playbook.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return content;
}

describe('writeAdmin', () => {
  test('for a GitHub repository: the editor, its generated config and the editor schemas', async () => {
    const content = playbook('github', (y) => y.replace(/^title: .*$/m, 'title: "Acme <GTM> & \\"Co\\""'));
    const out = join(tmp, 'github', 'dist');
    const line = await writeAdmin({
      outDir: out,
      content,
      env: { PLAYBOOK_CMS_OAUTH_URL: 'https://auth.acme.test/x' },
    });
    expect(line).toBe(
      `5 editor schemas; /admin/ with Decap CMS ${DECAP.version} for northwind-analytics/gtm-playbook`,
    );
    for (const file of [
      'index.html',
      'config.yml',
      'decap-cms.js',
      'manual-init.js',
      'admin.js',
      'decap-cms.js.LICENSE.txt',
    ]) {
      expect(existsSync(join(out, 'admin', file)), file).toBe(true);
    }
    const config = parse(readFileSync(join(out, 'admin', 'config.yml'), 'utf8'));
    expect(config.backend).toEqual({
      name: 'github',
      repo: 'northwind-analytics/gtm-playbook',
      branch: 'main',
      base_url: 'https://auth.acme.test/x',
    });
    const html = readFileSync(join(out, 'admin', 'index.html'), 'utf8');
    expect(html).toContain('<title>Edit · Acme &lt;GTM&gt; &amp; &quot;Co&quot;</title>');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/
      .exec(html)?.[1]
      ?.replaceAll('&#39;', "'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(
      "connect-src 'self' https://api.github.com https://auth.acme.test http://localhost:8081",
    );
    expect([...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'manual-init.js',
      'decap-cms.js',
      'admin.js',
    ]);
    expect(html).not.toMatch(/<script>|https?:\/\/[^"]*\.js/);
    const schema = JSON.parse(readFileSync(join(out, 'schemas', 'persona.schema.json'), 'utf8'));
    expect(schema.properties.name.description).toBe('Display name, 1–60 characters.');
  });

  test.each([
    [
      'a GitLab repository',
      (y: string) => y.replace(/^repo_url: .*$/m, 'repo_url: https://gitlab.com/acme/playbook'),
      'is not a GitHub repository',
    ],
    ['no repository', (y: string) => y.replace(/^repo_url: .*\n/m, ''), 'sets no repo_url'],
  ])('for %s: the editor schemas, and one line saying why /admin/ is skipped', async (name, edit, reason) => {
    const content = playbook(name.replace(/\W/g, '-'), edit);
    const out = join(tmp, name.replace(/\W/g, '-'), 'dist');
    const line = await writeAdmin({ outDir: out, content, env: {} });
    expect(line).toMatch(new RegExp(`^5 editor schemas; skipped /admin/: .*${reason}`));
    expect(line).not.toContain('\n');
    expect(existsSync(join(out, 'admin'))).toBe(false);
    expect(existsSync(join(out, 'schemas', 'icp.schema.json'))).toBe(true);
  });
});

describe('untar', () => {
  /** One ustar header block for a file of `size` bytes. */
  function header(name: string, size: number, type = '0'): Uint8Array {
    const block = new Uint8Array(512);
    const put = (text: string, at: number) => block.set(new TextEncoder().encode(text), at);
    put(name, 0);
    put(`${size.toString(8).padStart(11, '0')}\0`, 124);
    put(type, 156);
    put('ustar\0', 257);
    return block;
  }
  const pad = (bytes: Uint8Array) => {
    const out = new Uint8Array(Math.ceil(bytes.length / 512) * 512);
    out.set(bytes);
    return out;
  };

  test('reads regular files, and a pax header’s long path', () => {
    const body = new TextEncoder().encode('hello');
    const long = `package/${'d/'.repeat(60)}file.js`;
    const pax = new TextEncoder().encode(`${long.length + 9} path=${long}\n`);
    const archive = new Uint8Array([
      ...header('package/a.txt', body.length),
      ...pad(body),
      ...header('PaxHeader', pax.length, 'x'),
      ...pad(pax),
      ...header('short-name', body.length),
      ...pad(body),
      ...header('package/dir/', 0, '5'),
      ...new Uint8Array(1024),
    ]);
    const files = [...untar(archive)].map((f) => [f.name, new TextDecoder().decode(f.data)]);
    expect(files).toEqual([
      ['package/a.txt', 'hello'],
      [long, 'hello'],
    ]);
  });
});
