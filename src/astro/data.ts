/**
 * How pages get the site data. `npm run build` parses and lints the playbook once, then hands the
 * result over through `globalThis` before Astro renders (the page bundle has its own copies of the
 * modules, so a module variable would not be shared). Under `astro dev` nothing was handed over,
 * and the pages load the playbook themselves.
 */
import type { SiteData } from '../core/views/site.ts';

const KEY = Symbol.for('playbook.site');
type Holder = { [KEY]?: SiteData | Promise<SiteData> };

/** Called by scripts/build.ts before the Astro build. */
export function provideSite(data: SiteData): void {
  (globalThis as Holder)[KEY] = data;
}

/** Whether a build handed the data over (then pages must not load anything themselves). */
export function siteProvided(): boolean {
  return (globalThis as Holder)[KEY] !== undefined;
}

let devCache: { at: number; data: Promise<SiteData> } | undefined;

export async function getSite(): Promise<SiteData> {
  const provided = (globalThis as Holder)[KEY];
  if (provided) return provided;
  // `astro dev`: reload at most once a second so edits show up on the next request.
  if (!devCache || Date.now() - devCache.at > 1000) devCache = { at: Date.now(), data: loadSite() };
  return devCache.data;
}

async function loadSite(): Promise<SiteData> {
  const { loadPlaybook, resolveToday } = await import('../loader/index.ts');
  const { parseSources } = await import('../loader/cache.ts');
  const { lintEntries } = await import('../core/lint/engine.ts');
  const { createSiteData } = await import('../core/views/site.ts');
  const playbook = loadPlaybook();
  const today = resolveToday();
  const { graph, diagnostics } = lintEntries(parseSources(playbook.sources), { config: playbook.config, today });
  return createSiteData({ graph, config: playbook.config, today, diagnostics });
}
