/**
 * The editor's settings in playbook.yaml (`cms.oauth_url`, `cms.open_authoring`): validated with the rest
 * of the configuration, overridden for one build by PLAYBOOK_CMS_OAUTH_URL / PLAYBOOK_CMS_OPEN_AUTHORING,
 * and written into dist/admin/config.yml and /admin/'s content-security policy.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { cmsOverrides, writeAdmin } from '../src/loader/admin.ts';
import { ConfigError, loadConfig } from '../src/loader/index.ts';
import { ROOT } from './helpers/cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'playbook-cms-settings-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let folders = 0;
/** A content folder whose playbook.yaml is `yaml`. */
function withConfig(yaml: string): string {
  const dir = join(tmp, `c${folders++}`);
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  writeFileSync(join(dir, 'playbook.yaml'), yaml);
  return dir;
}

describe('playbook.yaml cms keys', () => {
  test('default to Decap’s own provider and no fork editing', () => {
    const { config } = loadConfig(withConfig('title: Acme\n'), tmp);
    expect(config.cms).toEqual({ open_authoring: false });
  });

  test('are read and validated with the rest of the configuration', () => {
    const yaml = 'cms:\n  oauth_url: https://auth.acme.com/decap\n  open_authoring: true\n';
    expect(loadConfig(withConfig(yaml), tmp).config.cms).toEqual({
      oauth_url: 'https://auth.acme.com/decap',
      open_authoring: true,
    });
    expect(loadConfig(withConfig('cms: { oauth_url: "http://localhost:3000" }\n'), tmp).config.cms).toEqual({
      oauth_url: 'http://localhost:3000',
      open_authoring: false,
    });
  });

  test.each([
    ['oauth_url: auth.acme.com', '"cms.oauth_url" must be a URL such as "https://auth.acme.com"'],
    [
      'oauth_url: http://auth.acme.com',
      '"cms.oauth_url" must be an https:// address (http:// only for localhost)',
    ],
    ['oauth_url: javascript:alert(1)', '"cms.oauth_url" must be an https:// address'],
    ['oauth_url: "https://auth.acme.com/?x=1"', '"cms.oauth_url" must have no "?query" or "#fragment"'],
    ['open_authoring: "yes please"', '"cms.open_authoring" Invalid input: expected boolean'],
    ['base_url: https://auth.acme.com', '"cms.base_url" is not a known setting'],
  ])('reject %s with the key and what is wrong', (setting, message) => {
    const dir = withConfig(`cms:\n  ${setting}\n`);
    expect(() => loadConfig(dir, tmp)).toThrow(ConfigError);
    expect(() => loadConfig(dir, tmp)).toThrow(message);
  });
});

describe('cmsOverrides (environment variables)', () => {
  test.each([
    [{}, {}],
    [{ PLAYBOOK_CMS_OAUTH_URL: '', PLAYBOOK_CMS_OPEN_AUTHORING: ' ' }, {}],
    [
      { PLAYBOOK_CMS_OAUTH_URL: ' https://preview-auth.acme.com ' },
      { oauthUrl: 'https://preview-auth.acme.com' },
    ],
    [{ PLAYBOOK_CMS_OPEN_AUTHORING: 'TRUE' }, { openAuthoring: true }],
    [{ PLAYBOOK_CMS_OPEN_AUTHORING: '1' }, { openAuthoring: true }],
    [{ PLAYBOOK_CMS_OPEN_AUTHORING: 'off' }, { openAuthoring: false }],
    [{ PLAYBOOK_CMS_OPEN_AUTHORING: '0' }, { openAuthoring: false }],
  ])('%j → %j', (env, overrides) => {
    expect(cmsOverrides(env)).toEqual(overrides);
  });

  test.each([
    [
      { PLAYBOOK_CMS_OAUTH_URL: 'auth.acme.com' },
      /^PLAYBOOK_CMS_OAUTH_URL is "auth\.acme\.com", which must be a URL/,
    ],
    [{ PLAYBOOK_CMS_OAUTH_URL: 'ftp://auth.acme.com' }, /which must be an https:\/\/ address/],
    [{ PLAYBOOK_CMS_OPEN_AUTHORING: 'maybe' }, /^PLAYBOOK_CMS_OPEN_AUTHORING is "maybe"; use 1 or true/],
  ])('%j is a configuration error that says what to do', (env, message) => {
    expect(() => cmsOverrides(env)).toThrow(ConfigError);
    expect(() => cmsOverrides(env)).toThrow(message);
  });
});

describe('the build', () => {
  const yaml = (text: string) =>
    `repo_url: https://github.com/acme/gtm\ncms:\n  oauth_url: https://auth.acme.com\n  open_authoring: true\n${text}`;

  test('writes the keys into config.yml and allows the provider in /admin/’s CSP', async () => {
    const content = withConfig(yaml(''));
    const out = join(tmp, 'dist-yaml');
    await writeAdmin({ outDir: out, content, env: {} });
    const config = parse(readFileSync(join(out, 'admin', 'config.yml'), 'utf8'));
    expect(config.backend).toEqual({
      name: 'github',
      repo: 'acme/gtm',
      branch: 'main',
      base_url: 'https://auth.acme.com',
      open_authoring: true,
    });
    const html = readFileSync(join(out, 'admin', 'index.html'), 'utf8').replaceAll('&#39;', "'");
    expect(html).toMatch(/connect-src 'self' https:\/\/api\.github\.com https:\/\/auth\.acme\.com /);
  });

  test('lets the environment override them for one build', async () => {
    const content = withConfig(yaml(''));
    const out = join(tmp, 'dist-env');
    await writeAdmin({
      outDir: out,
      content,
      env: { PLAYBOOK_CMS_OAUTH_URL: 'https://preview-auth.acme.com', PLAYBOOK_CMS_OPEN_AUTHORING: 'false' },
    });
    const config = parse(readFileSync(join(out, 'admin', 'config.yml'), 'utf8'));
    expect(config.backend).toEqual({
      name: 'github',
      repo: 'acme/gtm',
      branch: 'main',
      base_url: 'https://preview-auth.acme.com',
    });
    const html = readFileSync(join(out, 'admin', 'index.html'), 'utf8');
    expect(html).toContain('https://preview-auth.acme.com');
    expect(html).not.toContain('https://auth.acme.com');
  });
});
