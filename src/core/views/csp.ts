/**
 * The Content-Security-Policy of every page but /admin/ (§12, defence in depth): scripts only from
 * the site itself plus the inline scripts named by their hash, no plugins, no framing of other
 * sites, no forms or base URLs elsewhere. Pagefind compiles WebAssembly ('wasm-unsafe-eval'; no
 * eval of JavaScript). Styles may be inline: Astro inlines small stylesheets.
 */

/**
 * The theme script, inline in every page's <head> so that the saved theme applies before the first
 * paint. The policy allows exactly this text, by its SHA-256.
 */
export const THEME_SCRIPT =
  "try{const theme=localStorage.getItem('theme');if(theme)document.documentElement.dataset.theme=theme}catch{}";

/** The policy, given the base64 SHA-256 of each inline script the page runs. */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  const scripts = scriptHashes.map((hash) => `'sha256-${hash}'`).join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts} 'wasm-unsafe-eval'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
