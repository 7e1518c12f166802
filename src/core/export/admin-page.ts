/**
 * `dist/admin/index.html`: the page that starts the browser editor (Decap CMS). It loads three scripts of
 * its own origin (the manual-init flag, Decap's vendored bundle, the widget registration) and carries its
 * own content-security policy: the CMS talks to the GitHub API and opens the OAuth provider, which no
 * other page of the site may do. Nothing of it is linked or loaded from the other pages.
 */
import { escapeHtml } from '../render/escape.ts';

/** Decap's own OAuth provider when `backend.base_url` is not set. */
export const DEFAULT_OAUTH_URL = 'https://api.netlify.com';

/** The scripts the page loads, in order; the loader writes files of these names beside it. */
export const ADMIN_SCRIPTS = ['manual-init.js', 'decap-cms.js', 'admin.js'] as const;

/** The origin of a URL, or undefined when it is not an http(s) URL. */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The policy of /admin/. Decap needs `'unsafe-eval'` (it compiles the configuration's JSON Schema with
 * Ajv) and inline styles (its components are styled with Emotion, which writes <style> elements).
 * `http://localhost:8081` is Decap's local backend (`npx decap-server`), which it only tries when the page
 * itself is served from localhost.
 */
export function adminCsp(oauthUrl: string = DEFAULT_OAUTH_URL): string {
  const oauth = originOf(oauthUrl) ?? DEFAULT_OAUTH_URL;
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
    "font-src 'self' data:",
    `connect-src 'self' https://api.github.com ${oauth} http://localhost:8081`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** The page's HTML. `title` is the playbook's title (escaped). */
export function adminPage(options: { title: string; oauthUrl?: string }): string {
  const scripts = ADMIN_SCRIPTS.map((src) => `    <script src="${src}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(adminCsp(options.oauthUrl))}" />
    <meta name="robots" content="noindex, nofollow" />
    <title>Edit · ${escapeHtml(options.title)}</title>
    <link href="config.yml" type="text/yaml" rel="cms-config-url" />
  </head>
  <body>
${scripts}
  </body>
</html>
`;
}
